import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Register } from '../../electron/main/workbook/register'
import { REGISTERS } from '../../electron/main/workbook/registers'

const MAIN = join(import.meta.dirname, '..', '..', 'electron', 'main')

/** The areas' register files: `<area>/registers/*.ts` and `<area>/*-register(s).ts`. */
function registerFiles(): string[] {
  return readdirSync(MAIN, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.startsWith('workbook'))
    .filter((path) => /(^|\/)registers\/[^/]+\.ts$|-registers?\.ts$/.test(path))
    .map((path) => join(MAIN, path))
}

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

// The workbook's registers stay one list (its order is the sheets' order, which interleaves the
// areas), so these tests hold it to the areas: no register of an area left out, none referring
// to a sheet imported after it.
describe('the list of registers', () => {
  it('holds every register an area declares, once', async () => {
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
  })

  it('imports what a sheet refers to before the sheet', () => {
    const late = REGISTERS.flatMap((register, at) =>
      register.columns
        .filter((column) => column.references !== undefined)
        .filter((column) => {
          const target = REGISTERS.findIndex((other) => other.key === column.references)
          return target < 0 || target > at
        })
        .map((column) => `${register.key}.${column.field} → ${column.references}`),
    )
    expect(late).toEqual([])
  })
})
