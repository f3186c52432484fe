import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * Funds: exchange rates, funding agreements with their amendments, receipts, and the one fund
 * ledger from which every balance is computed.
 */
export const funds: Migration = {
  version: 2,
  name: '0002-funds',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)

    // Units of the currency per euro, as an exact decimal string, valid from rate_date on.
    await sql`
      CREATE TABLE exchange_rates (
        ${record},
        currency TEXT NOT NULL,
        rate_date TEXT NOT NULL,
        rate TEXT NOT NULL,
        source TEXT NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX exchange_rates_lookup ON exchange_rates (currency, rate_date)`.execute(
      db,
    )

    await sql`
      CREATE TABLE agreements (
        ${record},
        funder_id TEXT NOT NULL REFERENCES funders (id),
        reference TEXT NOT NULL,
        title TEXT NOT NULL,
        signed_on TEXT,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        currency TEXT NOT NULL,
        amount_minor INTEGER NOT NULL,
        earmarking TEXT NOT NULL CHECK (earmarking IN ('untied', 'programme', 'projects')),
        programme TEXT,
        nature TEXT NOT NULL CHECK (nature IN ('operating', 'investment', 'mixed')),
        operating_share_bp INTEGER CHECK (operating_share_bp BETWEEN 0 AND 10000),
        cofinancing_bp INTEGER CHECK (cofinancing_bp BETWEEN 0 AND 10000),
        indirect_cost_max_bp INTEGER CHECK (indirect_cost_max_bp BETWEEN 0 AND 10000),
        notes TEXT
      )`.execute(db)
    await sql`CREATE INDEX agreements_by_funder ON agreements (funder_id)`.execute(db)

    await sql`
      CREATE TABLE agreement_amendments (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        signed_on TEXT NOT NULL,
        amount_change_minor INTEGER NOT NULL DEFAULT 0,
        new_ends_on TEXT,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX amendments_by_agreement ON agreement_amendments (agreement_id)`.execute(
      db,
    )

    await sql`
      CREATE TABLE receipts (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        received_on TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        rate_date TEXT,
        rate_source TEXT NOT NULL,
        bank_reference TEXT,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX receipts_by_agreement ON receipts (agreement_id, received_on)`.execute(
      db,
    )

    // The fund ledger: every money event once, in its currency and in euros. Rows are never
    // changed: a correction is a new row that reverses an earlier one (reverses_id).
    await sql`
      CREATE TABLE ledger_entries (
        ${record},
        entry_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
          ('commitment', 'receipt', 'allocation', 'disbursement', 'expense', 'due_payment', 'other_income')),
        fund_class TEXT NOT NULL CHECK (fund_class IN ('tied', 'untied')),
        agreement_id TEXT REFERENCES agreements (id),
        nature TEXT CHECK (nature IN ('operating', 'investment')),
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        use_table TEXT,
        use_id TEXT,
        source_table TEXT NOT NULL,
        source_id TEXT NOT NULL,
        reverses_id TEXT REFERENCES ledger_entries (id),
        CHECK ((amount_minor >= 0) = (eur_minor >= 0) OR amount_minor = 0 OR eur_minor = 0)
      )`.execute(db)
    await sql`CREATE INDEX ledger_by_agreement ON ledger_entries (agreement_id, kind, entry_date)`.execute(
      db,
    )
    await sql`CREATE INDEX ledger_by_date ON ledger_entries (entry_date, kind, fund_class)`.execute(
      db,
    )
    await sql`CREATE INDEX ledger_by_source ON ledger_entries (source_table, source_id)`.execute(db)
    await sql`
      CREATE TRIGGER ledger_entries_are_immutable BEFORE UPDATE ON ledger_entries
      BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed: reverse them'); END`.execute(db)
    await sql`
      CREATE TRIGGER ledger_entries_are_kept BEFORE DELETE ON ledger_entries
      BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: reverse them'); END`.execute(db)
  },
}
