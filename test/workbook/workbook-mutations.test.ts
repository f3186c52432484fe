import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import type { WorkbookProblem, WorkbookReport } from '@shared/workbook/schema'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'
import {
  type Mutant,
  mutatePackage,
  mutateSheets,
  randomFrom,
  sheetsOf,
  smallerExport,
  workbookOf,
} from './mutants'
import { REGISTERS } from '../../electron/main/workbook/registers'

/** How many mutants: cells, rows, columns, sheets and notes, then package parts. */
const SHEET_MUTANTS = 165
const PACKAGE_MUTANTS = 40

/** Problems of the whole workbook or of a whole sheet: they name no row. */
const WHOLE = new Set([
  'notXlsx',
  'damagedPart',
  'tooLarge',
  'tooManyRows',
  'tooManyRowsInAll',
  'noRegister',
  'missingSheetPart',
  'sheetTwice',
  'badDateRange',
  'badDateOrder',
])

/** A blocking problem says where: the file or sheet for those of a whole, else row and column. */
function located(problem: WorkbookProblem): boolean {
  if (WHOLE.has(problem.code)) return problem.sheet !== '' || problem.row === null
  if (problem.code === 'fileRule') return problem.sheet !== '' && problem.row !== null
  return (
    problem.sheet !== '' &&
    problem.row !== null &&
    problem.column !== null &&
    problem.message !== ''
  )
}

let folder: string
let empty: string
let base: Awaited<ReturnType<typeof sheetsOf>>

/** A new data file, opened once (a copied file takes an identity of its own when first opened). */
async function freshFile(name: string): Promise<string> {
  const path = join(folder, `${name}.sqlite`)
  await copyFile(empty, path)
  await (await DataFile.open(path)).close()
  return path
}

async function run(path: string, workbook: string, dryRun: boolean): Promise<WorkbookReport> {
  const file = await DataFile.open(path)
  try {
    return await importWorkbook(createSession(file), workbook, {
      dryRun,
      author: 'Test',
      language: 'fr',
      registers: REGISTERS,
    })
  } finally {
    await file.close()
  }
}

/**
 * The dry run on a mutant: refused with every blocking problem located and the data file byte
 * for byte as it was — then the import refuses it alike; or passing — then the import writes it,
 * never refused, and `aimf check` finds nothing wrong in the file.
 */
async function attack(mutant: Mutant, index: number): Promise<'imported' | 'refused'> {
  const workbook = join(folder, `mutant-${index}.xlsx`)
  await writeFile(workbook, mutant.bytes)
  const path = await freshFile(`mutant-${index}`)
  const before = await sha256(path)
  const dry = await run(path, workbook, true)
  expect(await sha256(path), `${mutant.name}: the dry run changed the file`).toBe(before)
  const blocking = dry.problems.filter((p) => p.blocking)
  if (blocking.length > 0) {
    expect(
      blocking.filter((p) => !located(p)),
      `${mutant.name}: unlocated`,
    ).toEqual([])
    // One in five refused mutants is imported for real too: refused alike, the file as it was.
    if (index % 5 === 0) {
      const real = await run(path, workbook, false)
      expect(real.imported, mutant.name).toBe(false)
      expect(real.problems, mutant.name).toEqual(dry.problems)
      expect(await sha256(path), mutant.name).toBe(before)
    }
    return 'refused'
  }
  const real = await run(path, workbook, false)
  expect(
    real.problems.filter((p) => p.blocking),
    `${mutant.name}: passed the dry run, refused by the import`,
  ).toEqual([])
  expect(real.imported, mutant.name).toBe(true)
  expect(real.sheets, mutant.name).toEqual(dry.sheets)
  expect(await checkFile(path), `${mutant.name}: aimf check`).toEqual([])
  return 'imported'
}

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

describe('the import attacked by mutated copies of the demo’s export', () => {
  it('imports the smaller export as it is, every sheet of it', async () => {
    const bytes = await workbookOf(base)
    expect(await attack({ name: 'the export as it is', bytes }, 1)).toBe('imported')
    const sheets = (await run(await freshFile('as-is'), join(folder, 'mutant-1.xlsx'), true)).sheets
    expect(sheets.filter((s) => s.rows === 0).map((s) => s.sheet)).toEqual([
      'Avenants',
      'Autres recettes',
      'Contacts des membres',
      'Montants particuliers',
    ])
  }, 60_000)

  it(`${SHEET_MUTANTS} mutants of cells, rows, columns, sheets and notes`, async () => {
    const random = randomFrom(22)
    const outcomes = { imported: 0, refused: 0 }
    for (let index = 0; index < SHEET_MUTANTS; index += 1) {
      const mutation = mutateSheets(base, random)
      const bytes = await workbookOf(mutation.sheets, mutation.hidden)
      outcomes[await attack({ name: mutation.name, bytes }, 100 + index)] += 1
    }
    // Both outcomes are met: the mutants are not all refused, nor all harmless.
    expect(outcomes.imported).toBeGreaterThan(20)
    expect(outcomes.refused).toBeGreaterThan(50)
  }, 600_000)

  it(`${PACKAGE_MUTANTS} mutants of the package: parts removed, damaged, cut`, async () => {
    const random = randomFrom(2022)
    const bytes = await workbookOf(base)
    let refused = 0
    for (let index = 0; index < PACKAGE_MUTANTS; index += 1) {
      const mutant = await mutatePackage(bytes, random)
      if ((await attack(mutant, 1000 + index)) === 'refused') refused += 1
    }
    expect(refused).toBeGreaterThan(PACKAGE_MUTANTS / 2)
  }, 600_000)
})
