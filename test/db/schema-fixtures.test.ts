import { copyFile, readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { schemaVersionOf } from '../../electron/main/db/inspect'
import { LATEST_VERSION } from '../../electron/main/db/migrations'
import { tempFolder } from '../support/temp'

const FIXTURES = resolve('test/fixtures')

interface Expected {
  version: number
  counts: Record<string, number>
  ledger: { amount: number | null; eur: number | null }
}

describe('files of every earlier schema version', () => {
  it('a fixture is kept for each of them', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => /^schema-v\d+\.sqlite$/.test(f))
    // In the order of their version (schema-v10 after schema-v9, not after schema-v1).
    const version = (name: string) => Number(/\d+/.exec(name)?.[0])
    expect(files.sort((a, b) => version(a) - version(b))).toEqual(
      Array.from({ length: LATEST_VERSION - 1 }, (_, i) => `schema-v${i + 1}.sqlite`),
    )
  })

  for (let version = 1; version < LATEST_VERSION; version += 1) {
    it(`version ${version} migrates forward, keeps its records and ledger totals, and passes the check`, async () => {
      const expected = JSON.parse(
        await readFile(join(FIXTURES, `schema-v${version}.json`), 'utf8'),
      ) as Expected
      const folder = await tempFolder()
      const path = join(folder, 'ancien.sqlite')
      await copyFile(join(FIXTURES, `schema-v${version}.sqlite`), path)
      expect(await schemaVersionOf(path)).toBe(version)

      const file = await DataFile.open(path)
      const db = file.db
      for (const [table, count] of Object.entries(expected.counts)) {
        if (table === 'change_log' || table === 'file_info') continue
        const row = await db
          .selectFrom(table as 'funders')
          .select(db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        expect(Number(row.n), table).toBe(count)
      }
      if (expected.counts.ledger_entries) {
        const totals = await db
          .selectFrom('ledger_entries')
          .select((eb) => [
            eb.fn.sum<number>('amount_minor').as('amount'),
            eb.fn.sum<number>('eur_minor').as('eur'),
          ])
          .executeTakeFirstOrThrow()
        expect({ amount: Number(totals.amount), eur: Number(totals.eur) }).toEqual(expected.ledger)
      }
      await file.close()
      expect(await schemaVersionOf(path)).toBe(LATEST_VERSION)
      expect(await checkFile(path)).toEqual([])

      // The backup taken before migrating is the file as it was.
      const backups = await readdir(join(folder, 'backups'))
      expect(backups).toHaveLength(1)
      const copy = join(folder, 'backups', backups[0] ?? '')
      expect(await schemaVersionOf(copy)).toBe(version)
    })
  }
})
