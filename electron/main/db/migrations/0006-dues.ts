import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * Members' contacts and dues: the yearly scale with its per-member overrides, numbered calls, payments
 * settling calls (an overpayment stays as the member's credit), voluntary contributions, the
 * member's roles in the AIMF's bodies, the letters' editable texts, and the dues settings.
 */
export const dues: Migration = {
  version: 6,
  name: '0006-dues',
  async up(db: Kysely<unknown>) {
    const record = sql.raw(RECORD_COLUMNS_SQL)

    await sql`
      CREATE TABLE member_roles (
        ${record},
        member_id TEXT NOT NULL REFERENCES members (id),
        body TEXT NOT NULL CHECK (body IN ('bureau', 'permanent_commission')),
        role TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT
      )`.execute(db)
    await sql`CREATE INDEX member_roles_by_member ON member_roles (member_id)`.execute(db)

    await sql`
      CREATE TABLE member_contacts (
        ${record},
        member_id TEXT NOT NULL REFERENCES members (id),
        name TEXT NOT NULL,
        role TEXT,
        email TEXT,
        phone TEXT
      )`.execute(db)
    await sql`CREATE INDEX member_contacts_by_member ON member_contacts (member_id)`.execute(db)

    // One band of a year's scale: members of a kind within a population band owe this amount.
    await sql`
      CREATE TABLE dues_bands (
        ${record},
        year INTEGER NOT NULL,
        member_kind TEXT NOT NULL,
        population_from INTEGER NOT NULL DEFAULT 0,
        population_to INTEGER,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        label TEXT NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX dues_bands_by_year ON dues_bands (year, member_kind)`.execute(db)

    await sql`
      CREATE TABLE dues_overrides (
        ${record},
        member_id TEXT NOT NULL REFERENCES members (id),
        year INTEGER NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
        currency TEXT NOT NULL,
        reason TEXT NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX dues_overrides_by_member ON dues_overrides (member_id, year)`.execute(db)

    await sql`
      CREATE TABLE dues_calls (
        ${record},
        number TEXT NOT NULL,
        member_id TEXT NOT NULL REFERENCES members (id),
        year INTEGER NOT NULL,
        called_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        basis TEXT NOT NULL,
        cancelled_on TEXT,
        cancel_reason TEXT
      )`.execute(db)
    await sql`CREATE INDEX dues_calls_by_member ON dues_calls (member_id, year)`.execute(db)
    await sql`CREATE INDEX dues_calls_by_year ON dues_calls (year)`.execute(db)

    // A payment of dues, or a voluntary contribution (kind), posted to the ledger as untied.
    await sql`
      CREATE TABLE dues_payments (
        ${record},
        member_id TEXT NOT NULL REFERENCES members (id),
        kind TEXT NOT NULL CHECK (kind IN ('dues', 'voluntary')),
        received_on TEXT NOT NULL,
        payer TEXT,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        eur_minor INTEGER NOT NULL,
        rate TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN
          ('transfer', 'cheque', 'cash', 'mobile_money', 'card', 'other')),
        bank_reference TEXT,
        note TEXT
      )`.execute(db)
    await sql`CREATE INDEX dues_payments_by_member ON dues_payments (member_id, received_on)`.execute(
      db,
    )

    // What of a payment settles a call: in the call's currency, and in the payment's.
    await sql`
      CREATE TABLE dues_settlements (
        ${record},
        payment_id TEXT NOT NULL REFERENCES dues_payments (id),
        call_id TEXT NOT NULL REFERENCES dues_calls (id),
        call_amount_minor INTEGER NOT NULL CHECK (call_amount_minor > 0),
        payment_amount_minor INTEGER NOT NULL CHECK (payment_amount_minor > 0),
        eur_minor INTEGER NOT NULL
      )`.execute(db)
    await sql`CREATE INDEX settlements_by_call ON dues_settlements (call_id)`.execute(db)
    await sql`CREATE INDEX settlements_by_payment ON dues_settlements (payment_id)`.execute(db)

    await sql`
      CREATE TABLE letter_templates (
        ${record},
        kind TEXT NOT NULL CHECK (kind IN ('call', 'reminder', 'receipt', 'statement')),
        language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
        subject TEXT NOT NULL,
        body TEXT NOT NULL
      )`.execute(db)

    // One row (a fixed id, like the organisation's): what the dues rules need to know.
    await sql`
      CREATE TABLE dues_settings (
        ${record},
        arrears_tolerance_eur_minor INTEGER NOT NULL DEFAULT 0,
        payment_days INTEGER NOT NULL DEFAULT 90
      )`.execute(db)
  },
}
