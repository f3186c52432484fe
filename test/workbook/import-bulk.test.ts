import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { untiedUnallocated } from '../../electron/main/funds/ledger'
import { buildDemo } from '../../electron/main/demo/build-demo'
import type { Register } from '../../electron/main/workbook/register'
import { REGISTERS } from '../../electron/main/workbook/registers'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import type { WorkbookReport } from '@shared/workbook/schema'
import { tempFolder } from '../support/temp'
import { translate } from '@shared/i18n/translate'
import { columnOf, sheetsOf, workbookOf } from './mutants'

/**
 * The import writes a sheet's rows set-based (lookups read once, many rows a statement, the
 * ledger and the change log in batches). These tests hold it to the one-row-at-a-time way each
 * register also has (`apply`, what the window's forms call): the same workbook imported both
 * ways must leave the same records — every table, row for row, the ids, stamps and clock aside
 * — the same export, and files `aimf check` passes.
 */

let folder: string
let workbook: string

beforeAll(async () => {
  folder = await tempFolder('file')
  const demo = await DataFile.create(join(folder, 'demo.sqlite'), { isDemo: true })
  await buildDemo(demo)
  workbook = join(folder, 'demo.xlsx')
  await writeFile(workbook, await registersWorkbook(REGISTERS, 'fr', createSession(demo)))
  await demo.close()
}, 120_000)

/** The registers' set-based writing switched off: every row through `apply`, one by one. */
async function rowByRow<T>(work: () => Promise<T>): Promise<T> {
  const kept = new Map<Register, Register['applyAll']>()
  for (const register of REGISTERS) {
    if (!register.applyAll) continue
    kept.set(register, register.applyAll)
    register.applyAll = undefined
  }
  try {
    return await work()
  } finally {
    for (const [register, applyAll] of kept) register.applyAll = applyAll
  }
}

/** Rows per action small enough that every bulk sheet of the demo takes several. */
const FEW_ROWS = 7

async function imported(
  name: string,
  dryRun = false,
  from = workbook,
  rowsPerAction?: number,
): Promise<WorkbookReport & { path: string }> {
  const path = join(folder, `${name}.sqlite`)
  const file = await DataFile.create(path)
  try {
    const report = await importWorkbook(createSession(file), from, {
      dryRun,
      author: 'Test',
      language: 'fr',
      registers: REGISTERS,
      ...(rowsPerAction ? { rowsPerAction } : {}),
    })
    return { ...report, path }
  } finally {
    await file.close()
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const HLC = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}/g
const STAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g

/**
 * Every table of a file, each as its rows sorted, with what differs from one run to the next
 * made alike: ids (UUIDs), clock stamps, the moment written, this copy's replica id, and the
 * change log's sequence numbers. What the file's records say stays as it is.
 */
async function contents(path: string): Promise<Map<string, string[]>> {
  const file = await DataFile.open(path)
  try {
    const db = file.db
    const replica = file.info().replicaId
    const tables = await db
      .selectFrom('sqlite_master' as never)
      .select(['name' as never])
      .where('type' as never, '=', 'table' as never)
      .execute()
    const all = new Map<string, string[]>()
    for (const { name } of tables as { name: string }[]) {
      if (name === 'file_info' || name.startsWith('sqlite_')) continue
      const rows = (await db
        .selectFrom(name as never)
        .selectAll()
        .execute()) as Record<string, unknown>[]
      all.set(
        name,
        rows
          .map((row) => {
            const { seq: _seq, ...rest } = row
            return JSON.stringify(rest)
              .replace(HLC, 'HLC')
              .replace(UUID, 'ID')
              .replace(STAMP, 'WHEN')
              .replaceAll(replica, 'REPLICA')
          })
          .sort(),
      )
    }
    return all
  } finally {
    await file.close()
  }
}

/** The registers as the export writes them, sheet by sheet: references by name, not by id. */
async function exported(path: string) {
  const file = await DataFile.open(path)
  try {
    return await sheetsOf(await registersWorkbook(REGISTERS, 'fr', createSession(file)))
  } finally {
    await file.close()
  }
}

/**
 * Counts the rows a register writes one by one (`apply`) during `work`: a register written as a
 * set that fell back to its row path for a workbook it should take whole would pass every
 * comparison below while being as slow as before.
 */
async function rowsWrittenOneByOne<T>(
  keys: readonly Register['key'][],
  work: () => Promise<T>,
): Promise<{ result: T; oneByOne: Map<string, number> }> {
  const oneByOne = new Map<string, number>(keys.map((key) => [key, 0]))
  const kept = new Map<Register, Register['apply']>()
  for (const register of REGISTERS) {
    if (!keys.includes(register.key)) continue
    const apply = register.apply
    kept.set(register, apply)
    register.apply = (...args) => {
      oneByOne.set(register.key, (oneByOne.get(register.key) ?? 0) + 1)
      return apply(...args)
    }
  }
  try {
    return { result: await work(), oneByOne }
  } finally {
    for (const [register, apply] of kept) register.apply = apply
  }
}

/**
 * The budget expenses sheet's columns, and its untied expenses (no agreement, no shares, not
 * cancelled) in the order of their dates — the order the import writes them in.
 */
function untiedExpenses<Row extends unknown[]>(rows: Row[]) {
  const column = (key: Parameters<typeof translate>[1]) =>
    columnOf(rows as never, translate('fr', key))
  const columns = {
    agreement: column('workbook.column.agreement'),
    shares: column('workbook.column.shares'),
    currency: column('budget.form.currency'),
    amount: column('budget.form.amount'),
    spentOn: column('budget.form.spentOn'),
    cancelled: column('workbook.column.cancelReason'),
    line: column('workbook.column.budgetLine'),
  }
  const dayOf = (row: Row) => {
    const day = row[columns.spentOn]
    return day instanceof Date ? day.toISOString() : String(day)
  }
  const untied = rows
    .slice(1)
    .filter((row) => !row[columns.agreement] && !row[columns.shares] && !row[columns.cancelled])
    .sort((a, b) => dayOf(a).localeCompare(dayOf(b)))
  return { columns, untied }
}

/** What the untied fund has left once the demo's workbook is imported whole. */
async function untiedLeft(name: string): Promise<number> {
  const whole = await imported(name)
  expect(whole.imported).toBe(true)
  const file = await DataFile.open(whole.path)
  try {
    return await untiedUnallocated(file.db)
  } finally {
    await file.close()
  }
}

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
    const sheets = await sheetsOf(await readFile(workbook))
    const expenses = sheets.get(translate('fr', 'workbook.sheet.budgetExpenses')) ?? []
    const cancelled = columnOf(expenses as never, translate('fr', 'workbook.column.cancelReason'))
    expect(cancelled).toBeGreaterThanOrEqual(0)
    expect(expenses.length).toBeGreaterThan(FEW_ROWS * 4)
    for (const index of [2, FEW_ROWS + 3, FEW_ROWS * 3 + 1]) {
      const row = expenses[index] ?? []
      row[cancelled] = 'Saisie en double'
    }
    const mutant = join(folder, 'cancelled.xlsx')
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
    const sheets = await sheetsOf(await readFile(workbook))
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
    const freed = join(folder, 'freed.xlsx')
    await writeFile(freed, await workbookOf(sheets))
    const before = await imported('freed-before', false, freed)
    expect(before.imported).toBe(true)
    const file = await DataFile.open(before.path)
    const left = await untiedUnallocated(file.db)
    await file.close()
    expect(left).toBeGreaterThanOrEqual(0)
    last[amount] = (Math.round(Number(last[amount]) * 100) + left) / 100
    const grown = join(folder, 'freed-grown.xlsx')
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
      report = await importWorkbook(createSession(file), workbook, {
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

  /**
   * A workbook with one cell changed (`mutate` told the sheet's rows, heading first, answers
   * the row changed), imported both ways: refused by both at the same sheet, row and column,
   * with the same problems, and nothing written.
   */
  async function refusedBothWays(
    name: string,
    sheet: string,
    mutate: (rows: unknown[][]) => number,
  ): Promise<{ row: number; problems: WorkbookReport['problems']; path: string }> {
    const sheets = await sheetsOf(await readFile(workbook))
    const rows = sheets.get(sheet) ?? []
    const refused = mutate(rows)
    const mutant = join(folder, `${name}.xlsx`)
    await writeFile(mutant, await workbookOf(sheets))
    const bulk = await imported(`${name}-bulk`, false, mutant)
    const single = await rowByRow(() => imported(`${name}-single`, false, mutant))
    // And a few rows per action: what the actions before the refused row left (the free money
    // they lowered) and the second pass's rows undone one by one, across many actions.
    const few = await imported(`${name}-few`, false, mutant, FEW_ROWS)
    expect(bulk.imported).toBe(false)
    expect(bulk.problems.length).toBeGreaterThan(0)
    expect(bulk.problems).toEqual(single.problems)
    expect(few.problems).toEqual(single.problems)
    expect(bulk.problems).toContainEqual(expect.objectContaining({ sheet, row: refused + 1 }))
    return { row: refused + 1, problems: bulk.problems, path: bulk.path }
  }

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
    const sheets = await sheetsOf(await readFile(workbook))
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
    const mutant = join(folder, 'closed.xlsx')
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
    const sheets = await sheetsOf(await readFile(workbook))
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
    const mutant = join(folder, 'indicator-refused.xlsx')
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
