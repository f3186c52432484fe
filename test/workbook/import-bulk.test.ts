import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { untiedUnallocated } from '../../electron/main/funds/ledger'
import { REGISTERS } from '../../electron/main/workbook/registers'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import type { WorkbookReport } from '@shared/workbook/schema'
import { translate } from '@shared/i18n/translate'
import { columnOf, sheetsOf, workbookOf } from './mutants'
import {
  world,
  useDemoWorkbook,
  rowByRow,
  FEW_ROWS,
  imported,
  contents,
  exported,
  rowsWrittenOneByOne,
  untiedExpenses,
} from './import-bulk-world'

/**
 * The import writes a sheet's rows set-based (lookups read once, many rows a statement, the
 * ledger and the change log in batches). These tests hold it to the one-row-at-a-time way each
 * register also has (`apply`, what the window's forms call): the same workbook imported both
 * ways must leave the same records — every table, row for row, the ids, stamps and clock aside
 * — the same export, and files `aimf check` passes.
 */
useDemoWorkbook()

describe('the set-based import against the row-by-row one', () => {
  it('leaves the same records, the same export, and files aimf check passes', async () => {
    const { result: bulk, oneByOne } = await rowsWrittenOneByOne(
      ['projects', 'planLines', 'tranches', 'budgetExpenses', 'payments'],
      async () => imported('bulk'),
    )
    // The registers written as sets took the whole workbook as a set.
    expect(Object.fromEntries(oneByOne)).toEqual({
      projects: 0,
      planLines: 0,
      tranches: 0,
      budgetExpenses: 0,
      payments: 0,
    })
    const single = await rowByRow(() => imported('single'))
    expect(bulk.problems).toEqual([])
    expect(bulk.imported).toBe(true)
    expect(single.imported).toBe(true)
    expect(bulk.sheets).toEqual(single.sheets)
    // Not an empty comparison: the demo's money is in the ledger and every record in the log.
    const bulkContents = await contents(bulk.path)
    expect(bulkContents.get('ledger_entries')?.length).toBeGreaterThan(100)
    expect(bulkContents.get('change_log')?.length).toBeGreaterThan(1000)
    // Every register written set-based has rows to compare.
    for (const table of [
      'budget_expenses',
      'project_expenses',
      'dues_calls',
      'dues_payments',
      'indicator_values',
      'indicators',
      'tranches',
      'financing_lines',
      'projects',
      'project_transitions',
    ])
      expect(bulkContents.get(table)?.length, table).toBeGreaterThan(0)
    // Plan lines committed (allocations in the ledger, their commitment in the change log) and
    // lines left uncommitted, both ways.
    const allocations = (bulkContents.get('ledger_entries') ?? []).filter((row) =>
      row.includes('"kind":"allocation"'),
    )
    expect(allocations.length).toBeGreaterThan(10)
    expect(
      (bulkContents.get('financing_lines') ?? []).some((row) =>
        row.includes('"committed_on":null'),
      ),
    ).toBe(true)
    const singleContents = await contents(single.path)
    expect([...bulkContents.keys()]).toEqual([...singleContents.keys()])
    for (const [table, rows] of bulkContents) {
      expect(rows.length, table).toBe(singleContents.get(table)?.length)
      expect(rows, table).toEqual(singleContents.get(table))
    }
    expect(await exported(bulk.path)).toEqual(await exported(single.path))
    expect(await checkFile(bulk.path)).toEqual([])
    expect(await checkFile(single.path)).toEqual([])
  }, 240_000)

  it('leaves the same records when each sheet is written a few rows at a time', async () => {
    // Each bulk sheet in many actions: what one leaves to the next (what the import remembers,
    // the expenses' context shared between actions and dropped at a cancellation) is crossed
    // as in a file of 50,000 rows, where an action holds 5,000.
    // Some expenses said cancelled, in different actions: each cancellation frees money.
    const sheets = await sheetsOf(await readFile(world.workbook))
    const expenses = sheets.get(translate('fr', 'workbook.sheet.budgetExpenses')) ?? []
    const cancelled = columnOf(expenses as never, translate('fr', 'workbook.column.cancelReason'))
    expect(cancelled).toBeGreaterThanOrEqual(0)
    expect(expenses.length).toBeGreaterThan(FEW_ROWS * 4)
    for (const index of [2, FEW_ROWS + 3, FEW_ROWS * 3 + 1]) {
      const row = expenses[index] ?? []
      row[cancelled] = 'Saisie en double'
    }
    const mutant = join(world.folder, 'cancelled.xlsx')
    await writeFile(mutant, await workbookOf(sheets))
    const few = await imported('few', false, mutant, FEW_ROWS)
    const single = await rowByRow(() => imported('single-for-few', false, mutant))
    expect(few.problems).toEqual([])
    expect(few.sheets).toEqual(single.sheets)
    expect(await contents(few.path)).toEqual(await contents(single.path))
    expect(await checkFile(few.path)).toEqual([])
  }, 240_000)

  it('counts the money a cancellation frees for the expenses after it, in its action and after', async () => {
    // The untied fund's earliest expense in euros said cancelled, and its latest grown by all
    // that the fund has left once that cancellation freed its amount: accepted only if the
    // expenses written after the cancellation, in later actions, count the money it freed.
    const name = translate('fr', 'workbook.sheet.budgetExpenses')
    const sheets = await sheetsOf(await readFile(world.workbook))
    const rows = sheets.get(name) ?? []
    const { columns, untied } = untiedExpenses(rows)
    const { currency, amount, cancelled } = columns
    const first = untied.find((row) => row[currency] === 'EUR')
    const last = untied[untied.length - 1]
    if (!first || !last) throw new Error('no untied expense in euros')
    // Nothing the fund pays after the latest: what it has left is all the latest may grow by.
    expect(last[currency]).toBe('EUR')
    expect(rows.indexOf(last)).not.toBe(rows.indexOf(first))
    first[cancelled] = 'Saisie en double'
    const freed = join(world.folder, 'freed.xlsx')
    await writeFile(freed, await workbookOf(sheets))
    const before = await imported('freed-before', false, freed)
    expect(before.imported).toBe(true)
    const file = await DataFile.open(before.path)
    const left = await untiedUnallocated(file.db)
    await file.close()
    expect(left).toBeGreaterThanOrEqual(0)
    last[amount] = (Math.round(Number(last[amount]) * 100) + left) / 100
    const grown = join(world.folder, 'freed-grown.xlsx')
    await writeFile(grown, await workbookOf(sheets))
    const few = await imported('freed-few', false, grown, FEW_ROWS)
    // And the whole sheet in one action: the cancellation frees its money where its row stands.
    const whole = await imported('freed-whole', false, grown)
    const single = await rowByRow(() => imported('freed-single', false, grown))
    expect(single.problems).toEqual([])
    expect(few.problems).toEqual([])
    expect(whole.problems).toEqual([])
    expect(await contents(few.path)).toEqual(await contents(single.path))
    expect(await contents(whole.path)).toEqual(await contents(single.path))
    const after = await DataFile.open(few.path)
    expect(await untiedUnallocated(after.db)).toBe(0)
    await after.close()
  }, 240_000)

  it('imports the same workbook again without changing a record', async () => {
    const bulk = await imported('again')
    const before = await contents(bulk.path)
    const file = await DataFile.open(bulk.path)
    let report: WorkbookReport
    try {
      report = await importWorkbook(createSession(file), world.workbook, {
        dryRun: false,
        author: 'Test',
        language: 'fr',
        registers: REGISTERS,
      })
    } finally {
      await file.close()
    }
    expect(report.problems).toEqual([])
    expect(report.sheets.every((s) => (s.created ?? 0) === 0 && (s.updated ?? 0) === 0)).toBe(true)
    expect(await contents(bulk.path)).toEqual(before)
  }, 240_000)
})
