import { spawn } from 'node:child_process'
import { access, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import type { WorkbookReport } from '@shared/workbook/schema'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'

const CLI = resolve('out/main/cli.js')

/** Runs the built CLI as a shell pipe would: its output read from a pipe to its end. */
function aimf(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', fail)
    child.on('close', (code) =>
      done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    )
  })
}

let folder: string
let data: string

async function workbook(name: string, sheets: Record<string, (string | number | null)[][]>) {
  const book = new ExcelJS.Workbook()
  for (const [sheet, rows] of Object.entries(sheets)) {
    const added = book.addWorksheet(sheet)
    for (const row of rows) added.addRow(row)
  }
  const path = join(folder, name)
  await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
  return path
}

beforeAll(async () => {
  await access(CLI).catch(() => {
    throw new Error(
      'out/main/cli.js is missing: run `npm run build` before the tests (npm test does).',
    )
  })
  folder = await tempFolder('file')
  data = join(folder, 'data.sqlite')
  await (await DataFile.create(data)).close()
})

describe('aimf import', () => {
  it('prints a large refusal whole with --json through a pipe, exit 1, the file as it was', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [
      `M-${String(i).padStart(4, '0')}`,
      'Ville',
      `Ville numéro ${i}`,
      'Atlantide',
      null,
      null,
      'Actif',
    ])
    const path = await workbook('refus.xlsx', {
      Membres: [
        ['Code', 'Type', 'Nom', 'Pays', 'Population', 'Membre depuis le', 'Statut'],
        ...rows,
      ],
    })
    const before = await sha256(data)
    const run = await aimf('import', data, path, '--json')
    expect(run.code).toBe(1)
    expect(run.stdout.length).toBeGreaterThan(64 * 1024)
    const report = JSON.parse(run.stdout) as WorkbookReport
    expect(report.imported).toBe(false)
    expect(report.problems).toHaveLength(1000)
    expect(report.omittedProblems).toBeGreaterThanOrEqual(500)
    expect(report.problems.filter((p) => p.code === 'badCountry')[0]).toMatchObject({
      sheet: 'Membres',
      row: 2,
      column: 'Pays',
      value: 'Atlantide',
    })
    expect(await sha256(data)).toBe(before)
  })

  it('answers one JSON document for a dry run, a refusal while writing, and a wrong file (exit 0, 1, 2)', async () => {
    const good = await workbook('bon.xlsx', {
      Bailleurs: [
        ['Nom', 'Type', 'Devise par défaut'],
        ['Ville de Paris', 'Ville', 'EUR'],
      ],
    })
    const before = await sha256(data)
    const dry = await aimf('import', data, good, '--dry-run', '--json')
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      imported: false,
      sheets: [{ sheet: 'Bailleurs', rows: 1, created: 1, updated: 0, unchanged: 0 }],
    })
    expect(await sha256(data)).toBe(before)

    // Refused by the rates' service while written: located, in JSON, exit 1.
    const xof = await workbook('xof.xlsx', {
      'Taux de change': [
        ['Devise', 'Date', 'Taux (pour 1 €)', 'Source'],
        ['XOF', '01/01/2026', '655,957', 'BCEAO'],
      ],
    })
    const refused = await aimf('import', data, xof, '--json')
    expect(refused.code).toBe(1)
    expect(
      (JSON.parse(refused.stdout) as WorkbookReport).problems.filter((p) => p.blocking),
    ).toEqual([
      expect.objectContaining({ sheet: 'Taux de change', row: 2, column: 'Devise', value: 'XOF' }),
    ])
    expect(await sha256(data)).toBe(before)

    const missing = await aimf('import', join(folder, 'absent.sqlite'), good, '--json')
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'FILE_NOT_FOUND' } })
    const noWorkbook = await aimf('import', data, '--json')
    expect(noWorkbook.code).toBe(2)
    expect(JSON.parse(noWorkbook.stdout)).toMatchObject({ error: { code: 'USAGE' } })
    const noSuchWorkbook = await aimf('import', data, join(folder, 'absent.xlsx'), '--json')
    expect(noSuchWorkbook.code).toBe(2)
    expect(JSON.parse(noSuchWorkbook.stdout)).toMatchObject({ error: { code: 'FILE_NOT_FOUND' } })

    const imported = await aimf('import', data, good)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('Bailleurs : 1 créé(s)')
  })
})
