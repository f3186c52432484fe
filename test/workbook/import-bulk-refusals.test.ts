import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { REGISTERS } from '../../electron/main/workbook/registers'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { translate } from '@shared/i18n/translate'
import { columnOf, sheetsOf, workbookOf } from './mutants'
import {
  world,
  useDemoWorkbook,
  rowByRow,
  imported,
  contents,
  untiedExpenses,
  untiedLeft,
  refusedBothWays,
} from './import-bulk-world'

/**
 * A row the core refuses, in a workbook imported set-based: refused at the same sheet, row and
 * column as row by row (the window's way), with the same problems, and nothing written.
 */
useDemoWorkbook()

describe('the set-based import refusing as the row-by-row one', () => {
  it('refuses a tranche the core refuses at the same row and column, and writes nothing', async () => {
    const sheet = translate('fr', 'workbook.sheet.tranches')
    // A payment above what the plan's committed lines still hold: the service's rule, met
    // deep in the payment's shares.
    const paid = await refusedBothWays('tranche-paid', sheet, (rows) => {
      const paidOn = columnOf(rows as never, translate('fr', 'projects.tranches.paidOn'))
      const paidAmount = columnOf(rows as never, translate('fr', 'projects.tranches.paidAmount'))
      const split = columnOf(rows as never, translate('fr', 'workbook.column.split'))
      const index = rows.findLastIndex((row, i) => i > 0 && row[paidOn])
      const row = rows[index] ?? []
      row[paidAmount] = 99_999_999
      row[split] = null
      return index
    })
    expect(paid.problems).toContainEqual(
      expect.objectContaining({ row: paid.row, code: 'trancheAboveCommitted' }),
    )
    const held = await contents(paid.path)
    expect(held.get('tranches') ?? []).toEqual([])
    expect(held.get('ledger_entries') ?? []).toEqual([])
    // A paid tranche also said cancelled: cancelling a paid tranche is refused, by the status
    // its earlier steps reached.
    const cancelled = await refusedBothWays('tranche-cancelled', sheet, (rows) => {
      const paidOn = columnOf(rows as never, translate('fr', 'projects.tranches.paidOn'))
      const cancel = columnOf(rows as never, translate('fr', 'projects.tranches.cancelReason'))
      const index = rows.findIndex((row, i) => i > 0 && row[paidOn])
      const row = rows[index] ?? []
      row[cancel] = 'Saisie en double'
      return index
    })
    expect(cancelled.problems).toContainEqual(
      expect.objectContaining({ row: cancelled.row, code: 'trancheStatus' }),
    )
  }, 240_000)

  it('refuses a plan line the core refuses at the same row and column, and writes nothing', async () => {
    const sheet = translate('fr', 'workbook.sheet.planLines')
    const heading = (key: Parameters<typeof translate>[1]) => translate('fr', key)
    // A committed line of an agreement taking its project's plan above the project's cost:
    // FinancingService.addLine's rule, met only with the lines before it in the plan.
    const over = await refusedBothWays('plan-over', sheet, (rows) => {
      const agreement = columnOf(rows as never, heading('workbook.column.agreement'))
      const committedOn = columnOf(rows as never, heading('projects.plan.committedOn'))
      const amount = columnOf(rows as never, heading('projects.plan.amount'))
      const index = rows.findLastIndex((row, i) => i > 0 && row[agreement] && row[committedOn])
      const row = rows[index] ?? []
      row[amount] = 999_999_999
      return index
    })
    expect(over.problems).toContainEqual(
      expect.objectContaining({
        row: over.row,
        code: 'planAboveCost',
        column: heading('projects.plan.amount'),
      }),
    )
    const held = await contents(over.path)
    expect(held.get('financing_lines') ?? []).toEqual([])
    expect(held.get('ledger_entries') ?? []).toEqual([])
  }, 240_000)

  it("refuses a partner's plan line said committed, at its source, and writes nothing", async () => {
    const sheet = translate('fr', 'workbook.sheet.planLines')
    const heading = (key: Parameters<typeof translate>[1]) => translate('fr', key)
    // A partner's line said committed: only the AIMF's money is committed.
    const partner = await refusedBothWays('plan-partner', sheet, (rows) => {
      const source = columnOf(rows as never, heading('projects.plan.source'))
      const committedOn = columnOf(rows as never, heading('projects.plan.committedOn'))
      const index = rows.findIndex(
        (row, i) => i > 0 && row[source] === heading('projects.plan.source_partner'),
      )
      expect(index).toBeGreaterThan(0)
      const row = rows[index] ?? []
      row[committedOn] = new Date(Date.UTC(2024, 0, 15))
      return index
    })
    expect(partner.problems).toContainEqual(
      expect.objectContaining({
        row: partner.row,
        code: 'lineNotAimf',
        column: heading('projects.plan.source'),
      }),
    )
    expect((await contents(partner.path)).get('financing_lines') ?? []).toEqual([])
  }, 240_000)

  it('refuses a project the core refuses at the same row and column, and writes nothing', async () => {
    const sheet = translate('fr', 'workbook.sheet.projects')
    // A cost in a currency the file has no rate for: ProjectsService.record's rule (the plan
    // is compared with the cost in euros), not the contract's.
    const unvalued = await refusedBothWays('project-rate', sheet, (rows) => {
      const currency = columnOf(rows as never, translate('fr', 'projects.field.currency'))
      const index = Math.floor(rows.length / 2)
      const row = rows[index] ?? []
      row[currency] = 'HTG'
      return index
    })
    expect(unvalued.problems).toContainEqual(
      expect.objectContaining({
        row: unvalued.row,
        code: 'noRate',
        column: translate('fr', 'projects.field.currency'),
      }),
    )
    const held = await contents(unvalued.path)
    expect(held.get('projects') ?? []).toEqual([])
    expect(held.get('project_transitions') ?? []).toEqual([])
    expect(held.get('change_log') ?? []).toEqual([])
  }, 240_000)

  it('refuses a budget expense the core refuses at the same row and column, and writes nothing', async () => {
    const sheet = translate('fr', 'workbook.sheet.budgetExpenses')
    const heading = (key: Parameters<typeof translate>[1]) => translate('fr', key)
    // An expense of the untied fund above what the fund has left: BudgetExpensesService's rule,
    // met against the free money the expenses before it have lowered.
    const over = await refusedBothWays('expense-over', sheet, (rows) => {
      const agreement = columnOf(rows as never, heading('workbook.column.agreement'))
      const shares = columnOf(rows as never, heading('workbook.column.shares'))
      const amount = columnOf(rows as never, heading('budget.form.amount'))
      const index = rows.findLastIndex((row, i) => i > 0 && !row[agreement] && !row[shares])
      expect(index).toBeGreaterThan(1)
      const row = rows[index] ?? []
      row[amount] = 999_999_999
      return index
    })
    expect(over.problems).toContainEqual(
      expect.objectContaining({
        row: over.row,
        code: 'untiedOverSpent',
        column: heading('budget.form.amount'),
      }),
    )
    // A line the year's budget does not have: the register's rule, before the service's.
    const unknown = await refusedBothWays('expense-line', sheet, (rows) => {
      const line = columnOf(rows as never, heading('workbook.column.budgetLine'))
      const index = Math.floor(rows.length / 2)
      const row = rows[index] ?? []
      row[line] = 'ZZ-99'
      return index
    })
    expect(unknown.problems).toContainEqual(
      expect.objectContaining({
        row: unknown.row,
        code: 'budgetLineUnknown',
        column: heading('workbook.column.budgetLine'),
      }),
    )
    for (const path of [over.path, unknown.path]) {
      const held = await contents(path)
      expect(held.get('budget_expenses') ?? []).toEqual([])
      expect(held.get('ledger_entries') ?? []).toEqual([])
      expect(held.get('change_log') ?? []).toEqual([])
    }
  }, 240_000)

  it('counts once, after a refused expense is undone, what the expenses before it spent', async () => {
    // The second pass undoes the refused expense's action and writes the rows before it again:
    // the free money they had lowered is read again, not lowered twice. An untied expense in
    // the middle refused (above all the fund has), the fund's latest grown by all it has left:
    // that latest is accepted only if what the expenses written again spent counts once.
    const sheet = translate('fr', 'workbook.sheet.budgetExpenses')
    const heading = (key: Parameters<typeof translate>[1]) => translate('fr', key)
    const left = await untiedLeft('spent-once-whole')
    let latest = -1
    const refused = await refusedBothWays('spent-once', sheet, (rows) => {
      const { columns, untied } = untiedExpenses(rows)
      const { amount } = columns
      const middle = untied[Math.floor(untied.length / 2)]
      const last = untied[untied.length - 1]
      if (!middle || !last || middle === last) throw new Error('too few untied expenses')
      last[amount] = (Math.round(Number(last[amount]) * 100) + left) / 100
      latest = rows.indexOf(last) + 1
      middle[amount] = 999_999_999
      return rows.indexOf(middle)
    })
    expect(refused.problems).toEqual([
      expect.objectContaining({
        sheet,
        row: refused.row,
        code: 'untiedOverSpent',
        column: heading('budget.form.amount'),
      }),
    ])
    expect(refused.problems.map((p) => p.row)).not.toContain(latest)
  }, 240_000)

  it('refuses each expense at its own row when refusals of the core and of the register mix', async () => {
    // The untied fund's last four expenses: one kept, one above all the fund has, one on a line
    // the budget does not have, and the last grown one cent beyond what the two refused leave.
    // One by one, three refusals at their rows; in bulk, the line refused in the register's
    // reading of the rows was found first and the rows before it blamed on the action's first.
    const sheet = translate('fr', 'workbook.sheet.budgetExpenses')
    const left = await untiedLeft('mixed-whole')
    const rows: number[] = []
    const refused = await refusedBothWays('mixed', sheet, (sheetRows) => {
      const { columns, untied } = untiedExpenses(sheetRows)
      const { amount, line } = columns
      const [, over, unknown, last] = untied.slice(-4)
      if (!over || !unknown || !last) throw new Error('too few untied expenses')
      const cents = (row: unknown[]) => Math.round(Number(row[amount]) * 100)
      last[amount] = (cents(last) + cents(over) + cents(unknown) + left + 1) / 100
      over[amount] = 999_999_999
      unknown[line] = 'ZZ-99'
      rows.push(...[over, unknown, last].map((row) => sheetRows.indexOf(row) + 1))
      return sheetRows.indexOf(over)
    })
    expect(refused.problems.map((p) => [p.row, p.code])).toEqual([
      [rows[0], 'untiedOverSpent'],
      [rows[1], 'budgetLineUnknown'],
      [rows[2], 'untiedOverSpent'],
    ])
  }, 240_000)

  it('finds each new expense of a closed period at its row, the others written', async () => {
    // The period closed through the untied fund's third expense; those three made new (their
    // descriptions changed), and fifteen after them. The closed period is met when the
    // action's entries are written, after every row was checked: not located by the row last
    // checked, which each retry blamed in turn (all eighteen were said refused).
    const name = translate('fr', 'workbook.sheet.budgetExpenses')
    const whole = await imported('closed-whole')
    const sheets = await sheetsOf(await readFile(world.workbook))
    const rows = sheets.get(name) ?? []
    const { columns, untied } = untiedExpenses(rows)
    const dayOf = (row: unknown[]) => {
      const day = row[columns.spentOn]
      return (day instanceof Date ? day.toISOString() : String(day)).slice(0, 10)
    }
    const through = dayOf(untied[2] ?? [])
    const closed = untied.filter((row) => dayOf(row) <= through)
    const open = untied.filter((row) => dayOf(row) > through).slice(0, 15)
    expect(closed.length).toBe(3)
    expect(open.length).toBe(15)
    const description = columnOf(rows as never, translate('fr', 'budget.form.description'))
    for (const row of [...closed, ...open]) {
      row[description] = `${String(row[description])} (bis)`
      row[columns.amount] = 1
    }
    const mutant = join(world.folder, 'closed.xlsx')
    await writeFile(mutant, await workbookOf(sheets))
    const file = await DataFile.open(whole.path)
    try {
      const session = createSession(file)
      await session.periods.close(through, null, 'Test')
      const dryRun = () =>
        importWorkbook(session, mutant, {
          dryRun: true,
          author: 'Test',
          language: 'fr',
          registers: REGISTERS,
        })
      const bulk = await dryRun()
      const single = await rowByRow(dryRun)
      expect(bulk.problems.map((p) => [p.row, p.code])).toEqual(
        closed.map((row) => [rows.indexOf(row) + 1, 'periodClosed']),
      )
      expect(bulk.problems).toEqual(single.problems)
    } finally {
      await file.close()
    }
  }, 240_000)

  it('refuses a payment settling a call the file does not have at its own row', async () => {
    const sheet = translate('fr', 'workbook.sheet.payments')
    const refused = await refusedBothWays('unknown-call', sheet, (sheetRows) => {
      const settles = columnOf(sheetRows as never, translate('fr', 'workbook.column.settles'))
      // A row in the middle of the sheet: rows before it in its action, rows after it.
      const index = sheetRows.findIndex((row, i) => i > sheetRows.length / 2 && row[settles])
      expect(index).toBeGreaterThan(2)
      const row = sheetRows[index] ?? []
      row[settles] = 'APP-1999-9999 : 10.00'
      return index
    })
    expect(refused.problems).toEqual([
      expect.objectContaining({ row: refused.row, code: 'unknownCall' }),
    ])
  }, 240_000)

  it('refuses an indicator the core refuses at the same row and column, and writes nothing', async () => {
    // A target that is no number, on an indicator measured in numbers: the core's rule (the
    // contract takes any text), met by the set-based writing and the row-by-row one alike.
    const sheets = await sheetsOf(await readFile(world.workbook))
    const rows = sheets.get(translate('fr', 'workbook.sheet.indicators')) ?? []
    const measure = columnOf(rows, translate('fr', 'projects.indicators.measure'))
    const target = columnOf(rows, translate('fr', 'projects.indicators.target'))
    const numbers = rows.flatMap((row, index) =>
      index > 0 && row[measure] === translate('fr', 'projects.indicators.measure_number')
        ? [index]
        : [],
    )
    expect(numbers.length).toBeGreaterThan(1)
    const refused = numbers.at(-1) ?? 0
    const row = rows[refused] ?? []
    row[target] = 'beaucoup'
    const mutant = join(world.folder, 'indicator-refused.xlsx')
    await writeFile(mutant, await workbookOf(sheets))
    const bulk = await imported('indicator-bulk', false, mutant)
    const single = await rowByRow(() => imported('indicator-single', false, mutant))
    expect(bulk.imported).toBe(false)
    expect(bulk.problems.length).toBeGreaterThan(0)
    expect(bulk.problems).toEqual(single.problems)
    expect(bulk.problems).toContainEqual(
      expect.objectContaining({
        sheet: translate('fr', 'workbook.sheet.indicators'),
        row: refused + 1,
        column: translate('fr', 'projects.indicators.target'),
      }),
    )
    // Refused: the file holds no indicator, nor anything else the workbook brought.
    const held = await contents(bulk.path)
    expect(held.get('indicators') ?? []).toEqual([])
    expect(held.get('projects') ?? []).toEqual([])
  }, 240_000)
})
