import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { readWorkbook } from '../support/exports'
import { found } from '../support/found'
import { startTestApp, type TestApp } from '../support/core'
import { fileDigest, imported, workbook } from '../support/workbook-import'

let app: TestApp
afterEach(async () => app?.core.dispose())

const SHEET = 'Conventions'
const COLUMN = 'Règles UE / PRAG'

/**
 * A cell as the register reads a choice: without case, accents or blanks around; and without
 * control characters, which an .xlsx file cannot hold (the writer leaves them out).
 */
const plain = (cell: unknown) =>
  String(cell ?? '')
    // eslint-disable-next-line no-control-regex -- the point: what the file cannot hold
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()

/** An EU funder and two agreements, one flagged EU / PRAG; the file exported. */
async function exported() {
  app = await startTestApp({ lifetime: 'file' })
  const funder = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const agreement = (reference: string, euRules: boolean) =>
    app.ok('agreements.create', {
      funderId: funder.id,
      reference,
      title: `Action ${reference}`,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      currency: 'EUR',
      amount: '100000',
      earmarking: 'programme',
      programmeCode: 'local_governance',
      nature: 'operating',
      euRules,
    })
  await agreement('UE-PRAG-2026', true)
  await agreement('UE-AUTRE-2026', false)
  app.host.nextExportPath = join(app.folder, 'export.xlsx')
  const book = await readWorkbook((await app.ok('workbook.export', {})).path)
  const sheet = found(book.getWorksheet(SHEET), 'agreements sheet')
  const headings = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''))
  const rows = [2, 3].map((n) =>
    (sheet.getRow(n).values as unknown[])
      .slice(1)
      .map((v) => (v instanceof Date ? v : v === undefined ? null : (v as string | number | null))),
  )
  return { headings, rows }
}

describe('the EU / PRAG column of the agreements sheet', () => {
  it('is written « Oui » / « Non » and read back; left empty, an agreement keeps its flag', async () => {
    const { headings, rows } = await exported()
    const column = headings.indexOf(COLUMN)
    expect(column).toBeGreaterThan(0)
    const flags = rows.map((r) => [r[0], r[column]])
    expect(flags).toEqual([
      ['UE-AUTRE-2026', 'Non'],
      ['UE-PRAG-2026', 'Oui'],
    ])
    // The flagged agreement's cell emptied, the other's « Oui »: one flag kept, one set.
    const edited = rows.map((r) => [...r])
    const [other, prag] = edited.map((r) => found(r, 'row'))
    if (!other || !prag) throw new Error('rows')
    other[column] = 'oui'
    prag[column] = null
    const report = await imported(app, await workbook(app, { [SHEET]: [headings, ...edited] }))
    expect(report.problems.filter((p) => p.blocking)).toEqual([])
    const list = await app.ok('agreements.list', {})
    expect(list.map((a) => [a.reference, a.euRules]).sort()).toEqual([
      ['UE-AUTRE-2026', true],
      ['UE-PRAG-2026', true],
    ])
    // « Non » takes the flag off.
    prag[column] = 'Non'
    await imported(app, await workbook(app, { [SHEET]: [headings, ...edited] }))
    const after = await app.ok('agreements.list', {})
    expect(after.find((a) => a.reference === 'UE-PRAG-2026')?.euRules).toBe(false)
  }, 120_000)

  it('takes or refuses 260 hostile cells: refused on its sheet, row and column with the file unchanged, or taken as yes, no or kept, and the check clean', async () => {
    const { headings, rows } = await exported()
    const path = found(app.core.fileInfo()?.path, 'path')
    const column = headings.indexOf(COLUMN)
    const model = found(rows[1], 'model row')
    const cells: (string | number | null)[] = [
      'Oui',
      'Non',
      'oui',
      'NON',
      'Yes',
      'no',
      ' Oui ',
      'OUÍ',
      'yes',
      '',
      null,
      'O',
      'N',
      '1',
      '0',
      1,
      0,
      -1,
      0.5,
      'Vrai',
      'Faux',
      'TRUE',
      'false',
      '=1',
      '=TRUE()',
      'Oui Non',
      'Oui;Non',
      'Non.',
      'Ouii',
      'x'.repeat(5000),
      '\u0000',
      '\u0000Oui',
      'Oui\n',
      '🙂',
      '<b>Oui</b>',
      "'; UPDATE agreements SET is_eu_prag = 2; --",
      'null',
      'undefined',
      'NaN',
      'Règles UE',
      'UE',
      'PRAG',
      'Οui',
      'Оui',
      'Oui\u200b',
    ]
    // And 215 one-to-three-character changes of « Oui » and « Non » (a seeded draw).
    const alphabet = ' ONUIinou;.-1é\u00a0'
    let seed = 19
    const draw = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    for (let i = 0; i < 215; i++) {
      let text = i % 2 === 0 ? 'Oui' : 'Non'
      for (let k = 0; k <= draw(3); k++) {
        const at = draw(text.length + 1)
        const change = draw(3)
        const char = alphabet[draw(alphabet.length)] ?? ''
        text =
          change === 0
            ? text.slice(0, at) + text.slice(at + 1)
            : change === 1
              ? text.slice(0, at) + char + text.slice(at)
              : text.slice(0, at) + char + text.slice(at + 1)
      }
      cells.push(text)
    }
    expect(cells).toHaveLength(260)
    let refused = 0
    let taken = 0
    for (const [n, cell] of cells.entries()) {
      // Each a new agreement, so that what a cell made is read on its own.
      const reference = `UE-FUZZ-${n}`
      const row = [...model]
      row[0] = reference
      row[column] = cell
      const hostile = await workbook(app, { [SHEET]: [headings, row] })
      const before = await fileDigest(app)
      const report = await imported(app, hostile)
      const blocking = report.problems.filter((p) => p.blocking)
      if (blocking.length > 0) {
        refused += 1
        expect(report.imported, String(cell)).toBe(false)
        for (const problem of blocking) {
          expect([problem.sheet, problem.row, problem.column], String(cell)).toEqual([
            SHEET,
            2,
            COLUMN,
          ])
          expect(problem.message, String(cell)).not.toMatch(/Error|undefined|\.ts:\d/)
        }
        expect(await fileDigest(app), String(cell)).toEqual(before)
        continue
      }
      taken += 1
      expect(report.imported, String(cell)).toBe(true)
      const made = (await app.ok('agreements.list', {})).find((a) => a.reference === reference)
      const read = plain(cell)
      // Taken only as what it says: yes, no, or nothing (a new agreement is not flagged).
      expect(['oui', 'yes', 'non', 'no', ''], String(cell)).toContain(read)
      expect(made?.euRules, String(cell)).toBe(read === 'oui' || read === 'yes')
    }
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    expect(refused).toBeGreaterThan(100)
    expect(taken).toBeGreaterThan(10)
  }, 600_000)
})
