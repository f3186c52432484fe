import { type Kysely, sql } from 'kysely'
import { RECORD_COLUMNS_SQL } from './0001-initial'
import type { Migration } from './migration'

/**
 * The AIMF programmes the secretariat edits in Paramètres (issue 22), once a closed list in the
 * code. The programmes every file starts with live in the code with fixed ids; a row here is a
 * programme the secretariat added, or a default one it renamed or archived (under the default's
 * id, so that copies of the file merge their edits). Projects and agreements keep the code.
 */
export const programmes: Migration = {
  version: 11,
  name: '0011-programmes',
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE programmes (
        ${sql.raw(RECORD_COLUMNS_SQL)},
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        label_en TEXT,
        position INTEGER NOT NULL
      )`.execute(db)
  },
}
