import { describe, expect, it } from 'vitest'
import { readSchemaRules } from '../../electron/main/sync/column-rules'
import { startTestApp } from '../support/core'
import { HISTORY_TABLES } from '@shared/history/schema'
import { RECORD_TABLES } from '@shared/records/tables'

describe('the one list of record tables', () => {
  // The file check (`aimf check`) and the history read RECORD_TABLES; sync reads the schema
  // (every table with a soft delete). A migration adding a table of records without listing
  // it would leave it out of the checks and the journal while sync merges it: this fails first.
  it('is every table of records the migrations make, the ones sync merges', async () => {
    const app = await startTestApp()
    const rules = await readSchemaRules(app.core.requireSession().file.db)
    expect([...RECORD_TABLES].sort()).toEqual([...rules.tables.keys()].sort())
    expect(new Set(RECORD_TABLES).size).toBe(RECORD_TABLES.length)
  })

  it('offers in the history every record table but the ledger entries and the programmes', () => {
    expect(RECORD_TABLES.filter((table) => !HISTORY_TABLES.includes(table as never))).toEqual([
      'ledger_entries',
      'programmes',
    ])
  })
})
