import { type Kysely, sql } from 'kysely'
import type { Migration } from './migration'

/**
 * The civility of a member's mayor or president (issue 21), so that a letter greets a woman as
 * « Madame la Maire » and an association's head as its president whatever their name is written
 * like. Existing members have none: their letters still read it from « Mme »/« M. » in the name,
 * or greet both forms, as before.
 */
export const leaderCivility: Migration = {
  version: 15,
  name: '0015-leader-civility',
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE members ADD COLUMN leader_civility TEXT
        CHECK (leader_civility IS NULL OR leader_civility IN ('f', 'm'))`.execute(db)
  },
}
