import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AREAS } from '../../electron/main/areas'
import type { Register, RegisterKey } from '../../electron/main/workbook/register'
import { importOrder, referencesOf } from '../../electron/main/workbook/register-order'
import { REGISTERS } from '../../electron/main/workbook/registers'

const MAIN = join(import.meta.dirname, '..', '..', 'electron', 'main')

/** The areas' register files: `<area>/registers/*.ts` and `<area>/*-register(s).ts`. */
function registerFiles(): string[] {
  return readdirSync(MAIN, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.startsWith('workbook'))
    .filter((path) => /(^|\/)registers\/[^/]+\.ts$|-registers?\.ts$/.test(path))
    .map((path) => join(MAIN, path))
}

/**
 * The sheets, in their order: the areas' (funders, programmes, funds, members, dues, projects,
 * budget), each area's own within it, a sheet moved only after those it refers to (the
 * headings after the receipts they do not need, the agreements after the rates). The
 * list written by hand before it was derived interleaved the areas further (the programmes
 * before the funders, the members amid the funds' sheets), which nothing asked for.
 */
const SHEETS: RegisterKey[] = [
  'funders',
  'programmes',
  'rates',
  'agreements',
  'amendments',
  'instalments',
  'calendar',
  'receipts',
  'otherIncome',
  'headings',
  'members',
  'contacts',
  'roles',
  'calls',
  'payments',
  'scale',
  'overrides',
  'projects',
  'namedProjects',
  'planLines',
  'tranches',
  'projectExpenses',
  'indicators',
  'indicatorValues',
  'budgetVersions',
  'budgetItems',
  'budgetExpenses',
]

function isRegister(value: unknown): value is Register {
  return (
    typeof value === 'object' &&
    value !== null &&
    'key' in value &&
    'sheet' in value &&
    'columns' in value &&
    'apply' in value
  )
}

// The workbook's registers are the areas' (each area's `registers`), sorted so that a sheet
// comes after those it refers to (workbook/register-order.ts). These tests hold the sort to the
// declarations: no register of an area left out, none referring to a sheet imported after it,
// and the sheets' order seen whenever it changes.
describe('the list of registers', () => {
  it('holds every register an area declares in its folder, once, and only those', async () => {
    const files = registerFiles()
    expect(files.length).toBeGreaterThan(10)
    const declared = new Map<Register, string>()
    for (const file of files)
      for (const value of Object.values((await import(file)) as Record<string, unknown>))
        if (isRegister(value)) declared.set(value, relative(MAIN, file))
    const missing = [...declared].filter(([register]) => !REGISTERS.includes(register))
    expect(missing.map(([register, file]) => `${register.key} (${file})`)).toEqual([])
    expect(new Set(REGISTERS.map((register) => register.key)).size).toBe(REGISTERS.length)
    expect(REGISTERS).toHaveLength(declared.size)
    // Each area lists its own registers: those of its folder.
    const misplaced = AREAS.flatMap((area) =>
      area.registers
        .filter((register) => !declared.get(register)?.startsWith(`${area.name}/`))
        .map((register) => `${register.key} (${area.name})`),
    )
    expect(misplaced).toEqual([])
  })

  it('imports what a sheet refers to before the sheet', () => {
    const late = REGISTERS.flatMap((register, at) =>
      referencesOf(register)
        .filter((key) => {
          const target = REGISTERS.findIndex((other) => other.key === key)
          return target < 0 || target > at
        })
        .map((key) => `${register.key} → ${key}`),
    )
    expect(late).toEqual([])
    // The references the sort reads are the columns' (an agreement names its funder) and the
    // register's own (its currency's rate).
    expect(referencesOf(REGISTERS.find((r) => r.key === 'agreements') as Register)).toEqual([
      'funders',
      'programmes',
      'rates',
    ])
  })

  it('orders the sheets by the areas where no reference decides', () => {
    expect(REGISTERS.map((register) => register.key)).toEqual(SHEETS)
  })
})

describe('the sort of the registers', () => {
  const register = (key: RegisterKey, references: RegisterKey[] = []): Register =>
    ({ ...(REGISTERS[0] as Register), key, columns: [], references }) as Register

  it('moves a register only as far as what it refers to asks', () => {
    const order = importOrder([
      register('payments', ['calls']),
      register('funders'),
      register('calls', ['members']),
      register('members'),
    ])
    expect(order.map((r) => r.key)).toEqual(['funders', 'members', 'calls', 'payments'])
  })

  it('refuses references to no register, a register given twice, and a cycle', () => {
    expect(() => importOrder([register('calls', ['members'])])).toThrow(/calls → members/)
    expect(() => importOrder([register('calls'), register('calls')])).toThrow(/twice: calls/)
    expect(() =>
      importOrder([register('calls', ['payments']), register('payments', ['calls'])]),
    ).toThrow(/each other: calls, payments/)
  })
})
