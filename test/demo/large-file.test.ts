import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { generateLargeFile } from '../../electron/main/demo/large-file'
import { tempFolder } from '../support/temp'

/** What a generated file holds, independent of its ids and time stamps. */
async function contentOf(path: string) {
  const file = await DataFile.open(path)
  try {
    const ledger = await sql<{ kind: string; n: number; eur: number }>`
      SELECT kind, COUNT(*) AS n, SUM(eur_minor) AS eur FROM ledger_entries
      GROUP BY kind ORDER BY kind`.execute(file.db)
    const projects = await sql<{ code: string; status: string; cost: number }>`
      SELECT code, status, total_cost_minor AS cost FROM projects ORDER BY code`.execute(file.db)
    return { ledger: ledger.rows, projects: projects.rows }
  } finally {
    await file.close()
  }
}

describe('the large file of the benchmark', () => {
  it('is the same for the same seed, different for another, and passes aimf check', async () => {
    const folder = await tempFolder()
    const generate = async (name: string, seed: number) => {
      const path = join(folder, name)
      const file = await DataFile.create(path)
      const counts = await generateLargeFile(file, { years: 1, seed, lastYear: 2024 })
      await file.close()
      return { path, counts }
    }
    const first = await generate('a.sqlite', 3)
    const again = await generate('b.sqlite', 3)
    expect(first.counts).toEqual(again.counts)
    expect(first.counts).toMatchObject({ members: 400, agreements: 15, projects: 75 })
    expect(first.counts.budgetExpenses).toBeGreaterThan(6_900)
    const content = await contentOf(first.path)
    expect(await contentOf(again.path)).toEqual(content)
    expect(content.ledger.map((row) => row.kind)).toEqual([
      'allocation',
      'commitment',
      'disbursement',
      'due_payment',
      'expense',
      'receipt',
    ])
    expect(await checkFile(first.path)).toEqual([])

    const other = await generate('c.sqlite', 4)
    expect(await contentOf(other.path)).not.toEqual(content)
  }, 180_000)
})
