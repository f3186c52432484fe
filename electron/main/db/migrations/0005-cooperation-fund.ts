import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * The Cooperation Fund: members (the cities and associations projects are for), projects with
 * their lifecycle, financing plans, tranches, expenses justified by the city, results
 * indicators and documents; and the projects a project-tied agreement names.
 */
export const cooperationFund: Migration = {
  version: 5,
  name: '0005-cooperation-fund',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)

    await sql`
      CREATE TABLE members (
        ${record},
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN
          ('city', 'national_association', 'regional_platform', 'associate')),
        name TEXT NOT NULL,
        country TEXT,
        region TEXT,
        population INTEGER CHECK (population >= 0),
        population_year INTEGER,
        leader_name TEXT,
        address TEXT,
        email TEXT,
        phone TEXT,
        joined_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'resigned', 'struck_off')),
        status_on TEXT,
        status_reason TEXT,
        notes TEXT
      )`.execute(db)
    await sql`CREATE INDEX members_by_code ON members (code)`.execute(db)

    // A programme-tied agreement funds the projects of one AIMF programme (a code of the list).
    await sql`ALTER TABLE agreements ADD COLUMN programme_code TEXT`.execute(db)

    await sql`
      CREATE TABLE projects (
        ${record},
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        region TEXT,
        sector_code TEXT NOT NULL,
        programme TEXT NOT NULL,
        nature TEXT NOT NULL CHECK (nature IN ('operating', 'investment')),
        currency TEXT NOT NULL,
        total_cost_minor INTEGER NOT NULL CHECK (total_cost_minor > 0),
        starts_on TEXT,
        ends_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('in_review', 'approved', 'agreement_signed',
          'in_progress', 'completed', 'closed', 'abandoned')),
        approved_on TEXT,
        bureau_meeting TEXT,
        objectives TEXT,
        description TEXT,
        contact_name TEXT,
        contact_email TEXT,
        contact_phone TEXT
      )`.execute(db)
    await sql`CREATE INDEX projects_by_code ON projects (code)`.execute(db)
    await sql`CREATE INDEX projects_by_member ON projects (member_id)`.execute(db)

    // Each change of a project's status: who (the change log's author), when, why.
    await sql`
      CREATE TABLE project_transitions (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        on_date TEXT NOT NULL,
        author TEXT NOT NULL,
        note TEXT,
        override_reason TEXT
      )`.execute(db)
    await sql`CREATE INDEX transitions_by_project ON project_transitions (project_id)`.execute(db)

    await sql`
      CREATE TABLE agreement_projects (
        ${record},
        agreement_id TEXT NOT NULL REFERENCES agreements (id),
        project_id TEXT NOT NULL REFERENCES projects (id)
      )`.execute(db)
    await sql`CREATE INDEX agreement_projects_by_agreement ON agreement_projects (agreement_id, project_id)`.execute(
      db,
    )

    // The financing plan. AIMF sources (untied fund, an agreement) post an allocation to the
    // ledger when committed; the city's and partners' shares are recorded, never posted.
    await sql`
      CREATE TABLE financing_lines (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        source TEXT NOT NULL CHECK (source IN
          ('untied_fund', 'agreement', 'city_cash', 'city_in_kind', 'partner')),
        agreement_id TEXT REFERENCES agreements (id),
        partner_name TEXT,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        committed_on TEXT,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX financing_by_project ON financing_lines (project_id)`.execute(db)

    await sql`
      CREATE TABLE tranches (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        number INTEGER NOT NULL,
        planned_on TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        condition TEXT,
        condition_met_on TEXT,
        status TEXT NOT NULL CHECK (status IN ('planned', 'released', 'paid', 'cancelled')),
        released_on TEXT,
        paid_on TEXT,
        paid_amount_minor INTEGER CHECK (paid_amount_minor > 0),
        paid_eur_minor INTEGER,
        bank_reference TEXT,
        override_reason TEXT,
        cancel_reason TEXT
      )`.execute(db)
    await sql`CREATE INDEX tranches_by_project ON tranches (project_id, number)`.execute(db)

    await sql`
      CREATE TABLE project_expenses (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        spent_on TEXT NOT NULL,
        supplier TEXT,
        description TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        agreement_id TEXT REFERENCES agreements (id),
        heading_code TEXT,
        document TEXT
      )`.execute(db)
    await sql`CREATE INDEX expenses_by_project ON project_expenses (project_id, spent_on)`.execute(
      db,
    )

    // Results indicators, shaped as IATI result/indicator: values are kept as text in a
    // canonical form (a decimal with a dot, "yes"/"no", or free text) according to the measure.
    await sql`
      CREATE TABLE indicators (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('output', 'outcome', 'impact')),
        measure TEXT NOT NULL CHECK (measure IN ('number', 'percentage', 'yes_no', 'text')),
        unit TEXT,
        baseline_value TEXT,
        baseline_on TEXT,
        target_value TEXT NOT NULL,
        target_on TEXT
      )`.execute(db)
    await sql`CREATE INDEX indicators_by_project ON indicators (project_id)`.execute(db)
    await sql`
      CREATE TABLE indicator_values (
        ${record},
        indicator_id TEXT NOT NULL REFERENCES indicators (id),
        period_end TEXT NOT NULL,
        value TEXT NOT NULL,
        comment TEXT
      )`.execute(db)
    await sql`CREATE INDEX indicator_values_by_indicator ON indicator_values (indicator_id, period_end)`.execute(
      db,
    )

    // Documents are copied into a folder beside the data file; the record keeps where.
    await sql`
      CREATE TABLE project_documents (
        ${record},
        project_id TEXT NOT NULL REFERENCES projects (id),
        title TEXT NOT NULL,
        stored_name TEXT NOT NULL,
        original_name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL
      )`.execute(db)
  },
}
