import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { IMPORT_BOUNDS } from '../../electron/main/workbook/import/import-bounds'
import { REGISTERS } from '../../electron/main/workbook/registers'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { translate } from '@shared/i18n/translate'
import { columnOf, sheetsOf, workbookOf } from './mutants'
import { imported, useDemoWorkbook, world } from './import-bulk-world'

useDemoWorkbook()

const digest = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

/**
 * A workbook whose payments each settle a call nobody has: every row is refused by the core as
 * it is written, not by the check (`most`: only the first rows). The search for every refused row (the second pass) retries
 * the rows after each refusal; it stops once a report's worth is found, and says so.
 */
async function everyPaymentRefused(
  name: string,
  most = Infinity,
): Promise<{ path: string; refused: number }> {
  const sheets = await sheetsOf(await readFile(world.workbook))
  const rows = sheets.get(translate('fr', 'workbook.sheet.payments')) ?? []
  const settles = columnOf(rows, translate('fr', 'workbook.column.settles'))
  let refused = 0
  for (const [index, row] of rows.entries()) {
    if (index === 0 || !row[settles] || refused >= most) continue
    row[settles] = `AC-2099-${String(index).padStart(4, '0')} : 1.00`
    refused += 1
  }
  const path = join(world.folder, `${name}.xlsx`)
  await writeFile(path, await workbookOf(sheets))
  return { path, refused }
}

describe('a workbook refused row after row', () => {
  it('is searched until a report’s worth of problems is found, the stop said first, nothing written', async () => {
    const { path, refused } = await everyPaymentRefused('payments-refused')
    const max = 12
    expect(refused).toBeGreaterThan(max * 2)
    const target = join(world.folder, 'search-stop.sqlite')
    const file = await DataFile.create(target)
    await file.close()
    const opened = await DataFile.open(target)
    const before = await digest(target)
    try {
      const report = await importWorkbook(createSession(opened), path, {
        dryRun: false,
        author: 'Test',
        language: 'fr',
        registers: REGISTERS,
        bounds: { ...IMPORT_BOUNDS, maxProblems: max },
      })
      expect(report.imported).toBe(false)
      expect(report.problems).toHaveLength(max)
      const [stop, ...rows] = report.problems
      expect(stop).toMatchObject({ row: null, blocking: true })
      expect(stop?.message).toBe(
        `${max - 1} problèmes trouvés : la recherche s’est arrêtée là. Corrigez-les, puis importez à nouveau pour trouver la suite.`,
      )
      // Each problem found at its own row, in the order of the sheet.
      const payments = translate('fr', 'workbook.sheet.payments')
      expect(rows.every((problem) => problem.sheet === payments && problem.row !== null)).toBe(true)
      const numbers = rows.map((problem) => problem.row ?? 0)
      expect(new Set(numbers).size).toBe(numbers.length)
      expect([...numbers].sort((a, b) => a - b)).toEqual(numbers)
    } finally {
      await opened.close()
    }
    expect(await digest(target)).toBe(before)
  }, 240_000)

  it('under the bound, finds every refused row, each at its own row', async () => {
    const { path, refused } = await everyPaymentRefused('payments-refused-some', 40)
    const report = await imported('payments-refused-some', true, path)
    expect(report.imported).toBe(false)
    const payments = translate('fr', 'workbook.sheet.payments')
    expect(refused).toBe(40)
    expect(report.problems.filter((problem) => problem.sheet === payments)).toHaveLength(refused)
    expect(report.problems.some((problem) => problem.code === 'searchStopped')).toBe(false)
  }, 240_000)
})
