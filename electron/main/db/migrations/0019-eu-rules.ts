import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * The EU / PRAG rules flag of an agreement (issue 27): the agreements whose contract follows the
 * EU's general conditions — a heading may exceed its budget by 25 % at most without an amendment,
 * a further pre-financing is asked once 70 % of the last payment is spent. Until now those two
 * tests applied to agreements of a multilateral funder or converted at InforEuro rates: the
 * agreements that met that guess are flagged, so no warning or report note they had is lost.
 * A closing keeps the exchange difference of its eligible spending (see closing-statement.ts).
 */
export const euRules: Migration = {
  version: 19,
  name: '0019-eu-rules',
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE agreements ADD COLUMN is_eu_prag INTEGER NOT NULL DEFAULT 0
        CHECK (is_eu_prag IN (0, 1))`.execute(db)
    await sql`
      UPDATE agreements SET is_eu_prag = 1
      WHERE conversion_rule = 'inforeuro_month'
        OR funder_id IN (SELECT id FROM funders WHERE kind = 'multilateral')`.execute(db)
    // A closing's eligible spending is now counted by the agreement's conversion rule; the
    // difference against the bank's amounts is frozen with it, on its own line (0 before).
    await sql`
      ALTER TABLE agreement_closings ADD COLUMN exchange_difference_minor INTEGER NOT NULL DEFAULT 0`.execute(
      db,
    )
  },
}
