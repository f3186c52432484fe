import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Amounts, rates, percentages and dates reach the user through one formatter per kind
 * (`shared/money/format.ts`, `shared/i18n/format-*.ts`), in one style per language. A guard,
 * read from the source: any other `toFixed`, `toLocale…String` or `Intl.…Format` is a second
 * style in the making (`1100000.00`, `24.55 %`, a fifth date style) and fails here, unless it is
 * listed below with why it is not shown to a user in a language.
 */
const FORMATTERS = ['shared/money/format.ts', 'shared/i18n/']

const MACHINE_FORMATS: Record<string, string> = {
  'electron/main/accounting/software-exports.ts':
    'accounting software import files want a dot and two decimals, whatever the language',
  'electron/main/cli/generate-command.ts': 'a timing printed by a developer command',
  'electron/main/demo/large-file/funds.ts': 'a generated exchange rate, stored as an exact decimal',
  'electron/main/workbook/cell-values.ts': 'an exact decimal written into a cell, not shown',
  'electron/main/workbook/export-cells.ts':
    'measures a column’s width as the spreadsheet will show the cell in the reader’s language',
}

const AD_HOC = /\.toFixed\(|\.toLocale(?:Date|Time)?String\(|Intl\.(?:NumberFormat|DateTimeFormat)/

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Each line of our code that formats by itself, as `path:line: text`. */
function adHocFormatting(): string[] {
  return ['renderer/src', 'electron', 'shared'].flatMap(sources).flatMap((path) => {
    if (FORMATTERS.some((formatter) => path.startsWith(formatter))) return []
    if (path in MACHINE_FORMATS) return []
    return readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        AD_HOC.test(line) && !/^\s*(\/\/|\*)/.test(line)
          ? [`${path}:${index + 1}: ${line.trim()}`]
          : [],
      )
  })
}

describe('one formatter for numbers and dates', () => {
  it('no code outside the formatters writes a number or a date in its own style', () => {
    expect(adHocFormatting()).toEqual([])
  })

  it('each listed exception still formats by itself (a stale entry would hide a new one)', () => {
    for (const path of Object.keys(MACHINE_FORMATS))
      expect(AD_HOC.test(readFileSync(path, 'utf8')), path).toBe(true)
  })

  it('dates have one style per language: only format-dates.ts builds a date format', () => {
    const dateStyles = sources('shared/i18n')
      .filter((path) => /DateTimeFormat|dateStyle/.test(readFileSync(path, 'utf8')))
      .sort()
    expect(dateStyles).toEqual(['shared/i18n/format-dates.ts'])
  })

  it('the guard sees a new ad-hoc formatter (it can fail)', () => {
    const line = 'const shown = `${(amount / 100).toFixed(2)} €`'
    expect(AD_HOC.test(line)).toBe(true)
    expect(AD_HOC.test('formatAmount(money(amount, "EUR"), language)')).toBe(false)
    expect(AD_HOC.test('new Intl.DateTimeFormat("fr-FR")')).toBe(true)
    expect(AD_HOC.test('date.toLocaleDateString()')).toBe(true)
  })
})
