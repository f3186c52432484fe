import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import type { WorkbookReport } from '@shared/workbook/schema'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'
import { type Sheets, columnOf, copyOf, sheetsOf, smallerExport, workbookOf } from './mutants'
import { REGISTERS } from '../../electron/main/workbook/registers'

let folder: string
let empty: string
let base: Sheets

beforeAll(async () => {
  folder = await tempFolder('file')
  const demo = await DataFile.create(join(folder, 'demo.sqlite'), { isDemo: true })
  await buildDemo(demo)
  const exported = await registersWorkbook(REGISTERS, 'fr', createSession(demo))
  await demo.close()
  base = smallerExport(await sheetsOf(exported))
  empty = join(folder, 'empty.sqlite')
  await (await DataFile.create(empty)).close()
}, 120_000)

let files = 0

/** Writes the sheets as a workbook and imports it into a new file (or only checks it). */
async function imported(sheets: Sheets, dryRun: boolean, into?: string) {
  files += 1
  const workbook = join(folder, `classeur-${files}.xlsx`)
  await writeFile(workbook, await workbookOf(sheets))
  const path = into ?? join(folder, `fichier-${files}.sqlite`)
  if (!into) {
    await copyFile(empty, path)
    await (await DataFile.open(path)).close()
  }
  const before = await sha256(path)
  const file = await DataFile.open(path)
  let report: WorkbookReport
  try {
    report = await importWorkbook(createSession(file), workbook, {
      dryRun,
      author: 'Test',
      language: 'fr',
      registers: REGISTERS,
    })
  } finally {
    await file.close()
  }
  return { path, report, before, blocking: report.problems.filter((p) => p.blocking) }
}

/** The rows of a sheet of the file's own export, for comparing with what was imported. */
async function exportedSheet(path: string, sheet: string) {
  const file = await DataFile.open(path)
  try {
    return (await sheetsOf(await registersWorkbook(REGISTERS, 'fr', createSession(file)))).get(
      sheet,
    )
  } finally {
    await file.close()
  }
}

const UNTIED = 'Fonds délié de l’AIMF'
const SPLIT = 'Répartition entre les lignes (convention ou fonds : montant ; …)'

describe('names written as people write them', () => {
  it('takes the untied fund in a tranche’s split with a straight apostrophe, without accents or capitals, or as « Fonds délié »', async () => {
    const sheets = copyOf(base)
    const tranches = sheets.get('Tranches') ?? []
    const split = columnOf(tranches, SPLIT)
    expect(split).toBeGreaterThan(-1)
    const spellings = ["Fonds délié de l'AIMF", "FONDS DELIE DE L'AIMF", 'fonds délié']
    let changed = 0
    for (const row of tranches.slice(1)) {
      const cell = row[split]
      if (typeof cell !== 'string' || !cell.includes(UNTIED)) continue
      row[split] = cell.replace(UNTIED, spellings[changed % spellings.length] ?? UNTIED)
      changed += 1
    }
    expect(changed).toBeGreaterThanOrEqual(spellings.length)

    const dry = await imported(sheets, true)
    expect(dry.blocking).toEqual([])
    const real = await imported(sheets, false)
    expect(real.blocking).toEqual([])
    expect(real.report.imported).toBe(true)
    // The splits are those of the export, each untied share found under its one name.
    expect(await exportedSheet(real.path, 'Tranches')).toEqual(base.get('Tranches'))
    expect(await checkFile(real.path)).toEqual([])
  }, 120_000)

  it('refuses a split naming no line of the plan, located, with the names it may give', async () => {
    const sheets = copyOf(base)
    const tranches = sheets.get('Tranches') ?? []
    const split = columnOf(tranches, SPLIT)
    const index = tranches.findIndex(
      (row, i) => i > 0 && typeof row[split] === 'string' && String(row[split]).includes(UNTIED),
    )
    const row = tranches[index] ?? []
    row[split] = String(row[split]).replace(UNTIED, 'Fond délié')
    const dry = await imported(sheets, true)
    // The project's next tranches are refused with it (numbered after a tranche not made).
    expect(dry.blocking.slice(1).map((p) => p.code)).toEqual(
      dry.blocking.slice(1).map(() => 'trancheNumber'),
    )
    expect(dry.blocking.slice(0, 1)).toEqual([
      expect.objectContaining({
        sheet: 'Tranches',
        row: index + 1,
        column: SPLIT,
        message: expect.stringContaining(`« ${UNTIED} »`),
      }),
    ])
    expect(await sha256(dry.path)).toBe(dry.before)
  }, 120_000)
})

describe('a rule of a service, found by the dry run', () => {
  it('refuses a USD agreement that starts before the first USD rate on its Devise cell, pointing to the rates sheet, and the import alike', async () => {
    const sheets = copyOf(base)
    const agreements = sheets.get('Conventions') ?? []
    const rates = sheets.get('Taux de change') ?? []
    const currency = columnOf(agreements, 'Devise')
    const starts = columnOf(agreements, 'Début')
    const reference = columnOf(agreements, 'Référence')
    // The workbook's first USD rate, and an agreement in USD starting the year before it.
    const usd = rates
      .slice(1)
      .filter((row) => row[columnOf(rates, 'Devise')] === 'USD')
      .map((row) => row[columnOf(rates, 'Date')])
      .filter((day): day is Date => day instanceof Date)
      .sort((a, b) => a.getTime() - b.getTime())[0]
    if (!usd) throw new Error('the demo has no USD rate')
    // A new agreement, as a demo one, but in USD and signed the year before that rate.
    const agreement = [...(agreements[1] ?? [])]
    agreement[reference] = 'USD-2019-TEST'
    agreement[currency] = 'USD'
    agreement[columnOf(agreements, 'Signée le')] = null
    agreement[starts] = new Date(Date.UTC(usd.getUTCFullYear() - 1, 0, 15))
    const archived = columnOf(agreements, 'Archivé le')
    if (archived >= 0) agreement[archived] = null
    agreements.push(agreement)
    const dry = await imported(sheets, true)
    expect(dry.blocking).toEqual([
      expect.objectContaining({
        sheet: 'Conventions',
        row: agreements.length,
        column: 'Devise',
        value: 'USD',
        code: 'noRate',
        message: expect.stringContaining('« Taux de change »'),
      }),
    ])
    expect(await sha256(dry.path)).toBe(dry.before)

    const real = await imported(sheets, false, dry.path)
    expect(real.report.imported).toBe(false)
    expect(real.report.problems).toEqual(dry.report.problems)
    expect(await sha256(real.path)).toBe(dry.before)
  }, 120_000)
})
