import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, expect } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
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

// What the tests of the set-based import (import-bulk*.test.ts) share: the demo's workbook, the
// import both ways (set-based, and row by row as the window's forms write), what they compare.

/** The demo file's folder and its workbook, set before the tests (useDemoWorkbook). */
export const world = { folder: '', workbook: '' }

/** Writes the demo file's workbook, once before the file's tests. */
export function useDemoWorkbook(): void {
  beforeAll(async () => {
    world.folder = await tempFolder('file')
    const demo = await DataFile.create(join(world.folder, 'demo.sqlite'), { isDemo: true })
    await buildDemo(demo)
    world.workbook = join(world.folder, 'demo.xlsx')
    await writeFile(world.workbook, await registersWorkbook(REGISTERS, 'fr', createSession(demo)))
    await demo.close()
  }, 120_000)
}

/** The registers' set-based writing switched off: every row through `apply`, one by one. */
export async function rowByRow<T>(work: () => Promise<T>): Promise<T> {
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
export const FEW_ROWS = 7

export async function imported(
  name: string,
  dryRun = false,
  from = world.workbook,
  rowsPerAction?: number,
): Promise<WorkbookReport & { path: string }> {
  const path = join(world.folder, `${name}.sqlite`)
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
export async function contents(path: string): Promise<Map<string, string[]>> {
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
export async function exported(path: string) {
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
export async function rowsWrittenOneByOne<T>(
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
export function untiedExpenses<Row extends unknown[]>(rows: Row[]) {
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
export async function untiedLeft(name: string): Promise<number> {
  const whole = await imported(name)
  expect(whole.imported).toBe(true)
  const file = await DataFile.open(whole.path)
  try {
    return await untiedUnallocated(file.db)
  } finally {
    await file.close()
  }
}

/**
 * A workbook with one cell changed (`mutate` told the sheet's rows, heading first, answers
 * the row changed), imported both ways: refused by both at the same sheet, row and column,
 * with the same problems, and nothing written.
 */
export async function refusedBothWays(
  name: string,
  sheet: string,
  mutate: (rows: unknown[][]) => number,
): Promise<{ row: number; problems: WorkbookReport['problems']; path: string }> {
  const sheets = await sheetsOf(await readFile(world.workbook))
  const rows = sheets.get(sheet) ?? []
  const refused = mutate(rows)
  const mutant = join(world.folder, `${name}.xlsx`)
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
