import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * The secretariat's budget: versions of a year's budget (initial, revisions; one current), a tree
 * of chapters and lines with their planned sources, and the expenses recorded against a line.
 * Ledger entries and financing lines gain the donor heading they charge, so a donor report is a
 * sum over the ledger by heading; projects gain an English title and description.
 */
export const budget: Migration = {
  version: 7,
  name: '0007-budget',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)

    await sql`ALTER TABLE ledger_entries ADD COLUMN heading_code TEXT`.execute(db)
    await sql`ALTER TABLE financing_lines ADD COLUMN heading_code TEXT`.execute(db)
    // A project's title and description in English, for funders and the IATI registry.
    await sql`ALTER TABLE projects ADD COLUMN title_en TEXT`.execute(db)
    await sql`ALTER TABLE projects ADD COLUMN description_en TEXT`.execute(db)

    // Version 0 is the initial budget, 1 the first revision... Only the latest of a year is
    // edited; revising copies it, so the earlier versions stay as they were adopted.
    await sql`
      CREATE TABLE budget_versions (
        ${record},
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 0),
        adopted_on TEXT,
        is_current INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX budget_versions_by_year ON budget_versions (year, number)`.execute(db)

    // A chapter groups lines (parent_id null for a top chapter). line_key is shared by the
    // copies of one line in the versions of a year, so expenses follow a line across revisions.
    // `tracks` says which ledger entries are the line's actuals: its own expenses, the
    // Cooperation Fund's commitments and payments to cities, dues, receipts of its source
    // agreements, or other untied income.
    await sql`
      CREATE TABLE budget_items (
        ${record},
        version_id TEXT NOT NULL REFERENCES budget_versions (id),
        parent_id TEXT REFERENCES budget_items (id),
        line_key TEXT NOT NULL,
        item_kind TEXT NOT NULL CHECK (item_kind IN ('chapter', 'line')),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        direction TEXT CHECK (direction IN ('income', 'expense')),
        nature TEXT CHECK (nature IN ('operating', 'investment')),
        planned_minor INTEGER NOT NULL DEFAULT 0,
        tracks TEXT CHECK (tracks IN
          ('expenses', 'cooperation_fund', 'dues', 'receipts', 'other_income')),
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX budget_items_by_version ON budget_items (version_id, position)`.execute(
      db,
    )
    await sql`CREATE INDEX budget_items_by_key ON budget_items (line_key)`.execute(db)

    // The planned funding of a line: the untied fund or an agreement, with the planned share.
    await sql`
      CREATE TABLE budget_line_sources (
        ${record},
        item_id TEXT NOT NULL REFERENCES budget_items (id),
        agreement_id TEXT REFERENCES agreements (id),
        amount_minor INTEGER NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX budget_line_sources_by_item ON budget_line_sources (item_id)`.execute(db)

    // An expense of the secretariat, paid from the untied fund or an agreement.
    await sql`
      CREATE TABLE budget_expenses (
        ${record},
        year INTEGER NOT NULL,
        line_key TEXT NOT NULL,
        spent_on TEXT NOT NULL,
        agreement_id TEXT REFERENCES agreements (id),
        heading_code TEXT,
        supplier TEXT,
        description TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        document TEXT,
        cancel_reason TEXT
      )`.execute(db)
    await sql`CREATE INDEX budget_expenses_by_line ON budget_expenses (line_key)`.execute(db)
  },
}
