import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import { readSchemaRules } from '../../electron/main/sync/column-rules'
import { tempFolder } from '../support/temp'

let file: DataFile | null = null
afterEach(async () => {
  await file?.close()
  file = null
})

describe('the rules a merge checks incoming values by', () => {
  it('are read once per schema: again as soon as the schema changes', async () => {
    file = await DataFile.create(join(await tempFolder(), 'regles.sqlite'))
    const first = await readSchemaRules(file.db)
    // The same schema: the rules already read, not read again (a sync reads them per file).
    expect(await readSchemaRules(file.db)).toBe(first)
    expect(first.tables.get('funders')?.columns.has('motto')).toBe(false)
    // A column added (as a migration would): the rules read again, and the column is ruled.
    await sql`ALTER TABLE funders ADD COLUMN motto TEXT`.execute(file.db)
    const after = await readSchemaRules(file.db)
    expect(after).not.toBe(first)
    expect(after.tables.get('funders')?.columns.get('motto')).toEqual(
      expect.objectContaining({ name: 'motto', type: 'TEXT', notNull: false }),
    )
    expect(await readSchemaRules(file.db)).toBe(after)
  })
})
