import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { Session } from '../../electron/main/app/session'
import { readWorkbook } from '../support/exports'
import { found } from '../support/found'
import { fileDigest, imported, workbook } from '../support/workbook-import'
import { sharedSalary, type SharingWorld, sharingWorld } from './cost-sharing-setup'

let world: SharingWorld
afterEach(async () => world?.app.core.dispose())

/** Every live share as fund / heading / amount / euros, and each fund's expense entries. */
async function sharesAndLedger(session: Session) {
  const db = session.file.db
  const shares = (
    await db
      .selectFrom('expense_shares as s')
      .innerJoin('budget_expenses as e', 'e.id', 's.expense_id')
      .leftJoin('agreements as a', 'a.id', 's.agreement_id')
      .select(['e.description', 'e.cancel_reason', 's.position', 's.heading_code'])
      .select(['s.amount_minor', 's.eur_minor', 'a.reference'])
      .where('s.deleted_at', 'is', null)
      .orderBy('e.description')
      .orderBy('s.position')
      .execute()
  ).map((s) =>
    [s.description, s.cancel_reason ?? '', s.reference ?? 'untied', s.heading_code ?? '']
      .concat([String(s.amount_minor), String(s.eur_minor)])
      .join('|'),
  )
  const ledger = (
    await db
      .selectFrom('ledger_entries as l')
      .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
      .select(['a.reference', 'l.fund_class'])
      .select((eb) => eb.fn.sum<number>('l.eur_minor').as('eur'))
      .where('l.source_table', '=', 'budget_expenses')
      .where('l.deleted_at', 'is', null)
      .groupBy(['a.reference', 'l.fund_class'])
      .orderBy('a.reference')
      .execute()
  ).map((l) => `${l.reference ?? l.fund_class}|${Number(l.eur)}`)
  return { shares, ledger }
}

describe('cost sharing in the workbook', () => {
  it('exports a shared expense with its shares and imports it back into a new file, shares and ledger to the cent', async () => {
    world = await sharingWorld()
    const { app, usdId, lineKey } = world
    await sharedSalary(world)
    const rent = await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn: '2026-04-30',
      agreementId: null,
      description: 'Loyer d’avril',
      amount: '1000.01',
      currency: 'USD',
      shares: {
        mode: 'amount',
        rows: [
          { agreementId: usdId, amount: '500.00' },
          { agreementId: null, amount: '500.01' },
        ],
      },
    })
    const cancelled = found(
      rent.find((e) => e.description === 'Loyer d’avril'),
      'rent',
    )
    await app.ok('budget.cancelExpense', { id: cancelled.id, reason: 'Saisi deux fois' })
    const before = await sharesAndLedger(app.core.requireSession())
    expect(before.shares).toHaveLength(4)

    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    const sheet = found((await readWorkbook(path)).getWorksheet('Dépenses du budget'), 'sheet')
    const cells = sheet
      .getSheetValues()
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .map(String)
    expect(cells).toContain('UE-GOUV-2026 / 1 : 2592.64 ; Fonds délié : 1728.43')
    expect(cells).toContain('US-2026 : 500.00 ; Fonds délié : 500.01')

    await app.core.createFile(join(app.folder, 'copy.sqlite'))
    const report = await imported(app, path)
    expect(report.problems.filter((p) => p.blocking)).toEqual([])
    expect(await sharesAndLedger(app.core.requireSession())).toEqual(before)
    const copy = found(app.core.fileInfo()?.path, 'path')
    await app.core.closeFile()
    expect(await checkFile(copy)).toEqual([])
  }, 120_000)

  it('refuses a share naming a fund the file does not have, on its row and column, and imports nothing', async () => {
    world = await sharingWorld()
    const { app, euId, lineKey } = world
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn: '2026-03-31',
      agreementId: null,
      description: 'Salaire de mars',
      amount: '100.00',
      currency: 'EUR',
      shares: {
        mode: 'amount',
        rows: [
          { agreementId: euId, headingCode: '1', amount: '60.00' },
          { agreementId: null, amount: '40.00' },
        ],
      },
    })
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    const book = await readWorkbook(path)
    const sheet = found(book.getWorksheet('Dépenses du budget'), 'sheet')
    let edited = 0
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (String(cell.value).startsWith('UE-GOUV-2026 / 1 :')) {
          cell.value = 'UE-INCONNUE / 1 : 60.00 ; Fonds délié : 40.00'
          edited += 1
        }
      }),
    )
    expect(edited).toBe(1)
    const hostile = join(app.folder, 'hostile.xlsx')
    await book.xlsx.writeFile(hostile)

    const target = join(app.folder, 'target.sqlite')
    await app.core.createFile(target)
    await app.core.closeFile()
    const bytes = await readFile(target)
    await app.core.openFile(target)
    const report = await imported(app, hostile)
    const blocking = report.problems.filter((p) => p.blocking)
    expect(blocking).toMatchObject([
      {
        sheet: 'Dépenses du budget',
        row: 2,
        column: 'Répartition entre les fonds (convention / rubrique ou Fonds délié : montant ; …)',
        code: 'sharesUnknownFund',
      },
    ])
    expect(blocking[0]?.message).toContain('« UE-INCONNUE »')
    expect(report.imported).toBe(false)
    await app.core.closeFile()
    expect(await readFile(target)).toEqual(bytes)
  }, 120_000)

  it('takes or refuses 208 hostile share cells: refused on the cell with the file unchanged, or recorded with the check clean', async () => {
    world = await sharingWorld({ lifetime: 'file' })
    const { app, lineKey } = world
    const path = found(app.core.fileInfo()?.path, 'path')
    // A plain expense exported gives the sheet's headings and a row to vary.
    await app.ok('budget.addExpense', {
      confirmed: true,
      lineKey,
      spentOn: '2026-03-31',
      agreementId: null,
      description: 'Modèle',
      amount: '100.00',
      currency: 'EUR',
    })
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const exported = await readWorkbook((await app.ok('workbook.export', {})).path)
    const sheet = found(exported.getWorksheet('Dépenses du budget'), 'sheet')
    const headings = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''))
    const model = (sheet.getRow(2).values as unknown[])
      .slice(1)
      .map((v) => (v instanceof Date ? v : v === undefined ? null : (v as string | number | null)))
    const description = model.indexOf('Modèle')
    const sharesColumn = headings.indexOf(
      'Répartition entre les fonds (convention / rubrique ou Fonds délié : montant ; …)',
    )
    expect([description, sharesColumn].every((at) => at >= 0)).toBe(true)
    const cells = [
      'UE-GOUV-2026 / 1 : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026/1:60;Fonds délié:40',
      'ue-gouv-2026 / 1 : 60,00 ; FONDS DELIE : 40,00',
      'UE-GOUV-2026 / 1 : 50.00 ; Untied fund : 50.00',
      'UE-GOUV-2026 / 1 : 100.00',
      'UE-GOUV-2026 / 9 : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026 : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026 / 1 : 60.00 ; Fonds délié : 40.01',
      'UE-GOUV-2026 / 1 : 60.00 ; Fonds délié : 39.99',
      'UE-GOUV-2026 / 1 : 60.001 ; Fonds délié : 39.999',
      'UE-GOUV-2026 / 1 : -60.00 ; Fonds délié : 160.00',
      'UE-GOUV-2026 / 1 : 0 ; Fonds délié : 100.00',
      'UE-GOUV-2026 / 1 : 60.00 ; UE-GOUV-2026 / 1 : 40.00',
      'UE-INV-2026 : 60.00 ; Fonds délié : 40.00',
      'US-2026 : 60.00 ; Fonds délié : 40.00',
      'Fonds délié : 100.00',
      'Fonds délié : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026 / 1 : 99999999.00 ; Fonds délié : -99999899.00',
      'UE-GOUV-2026 / 1 : soixante ; Fonds délié : 40.00',
      'UE-GOUV-2026 / 1 ; Fonds délié : 40.00',
      ': 60.00 ; : 40.00',
      ' ; ; ',
      'UE-GOUV-2026 / 1 : 60.00 ;; Fonds délié : 40.00',
      '=SUM(A1:A2)',
      '<script>alert(1)</script> : 100.00',
      "'; DROP TABLE expense_shares; -- : 100.00",
      'Fonds délié / 1 : 60.00 ; UE-GOUV-2026 / 1 : 40.00',
      'UE-GOUV-2026 / 1 / 2 : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026 / 1 : 1e2 ; Fonds délié : 0',
      'UE-GOUV-2026 / 1 : NaN ; Fonds délié : Infinity',
      Array.from({ length: 21 }, () => 'Fonds délié : 4.76').join(' ; '),
      Array.from({ length: 25 }, (_, i) => `UE-GOUV-2026 / ${i} : 4.00`).join(' ; '),
      'x'.repeat(6000),
      `UE-GOUV-2026 / ${'1'.repeat(40)} : 60.00 ; Fonds délié : 40.00`,
      'UE-GOUV-2026 / 1 : 60.00 ; Fonds délié : 40.00 ; ',
      '\u0000 : 100.00',
      'UE-GOUV-2026 / 1 : 60.00\nFonds délié : 40.00',
      'UE-GOUV-2026 / 2 : 30.00 ; UE-GOUV-2026 / 1 : 30.00 ; Fonds délié : 40.00',
      'UE‐GOUV‐2026 / 1 : 60.00 ; Fonds délié : 40.00',
      'UE-GOUV-2026 / 8 : 100.00',
      'UE-GOUV-2026 / 1 : 0.01 ; Fonds délié : 99.99',
      'UE-GOUV-2026 / 1 : 100 000.00',
      'UE-GOUV-2026 / 1 : 1 000,00 ; Fonds délié : -900,00',
      'Fonds délié : 100.00 ; Fonds délié : 0.00',
      '🙂 : 100.00',
      'UE-GOUV-2026 / 1 : 60 ; Fonds délié : 40 ; US-2026 : 0',
      'UE-GOUV-2026 / 1 : 60.00 ; US-2026 : 40.00',
      'UE-GOUV-2026 / 1 : 40000.00 ; Fonds délié : -39900.00',
    ]
    // And 160 one-to-three-character changes of a well-formed cell (a seeded draw).
    const valid = 'UE-GOUV-2026 / 1 : 60.00 ; Fonds délié : 40.00'
    const alphabet = ' :;/.,-01589AEUéx'
    let seed = 27
    const draw = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed % n
    }
    for (let i = 0; i < 160; i++) {
      let text = valid
      for (let k = 0; k <= draw(3); k++) {
        const at = draw(text.length)
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
    let refused = 0
    for (const [n, cell] of cells.entries()) {
      const row = [...model]
      row[description] = `Salaire partagé ${n}`
      row[sharesColumn] = cell
      const hostile = await workbook(app, { 'Dépenses du budget': [headings, row] })
      const before = await fileDigest(app)
      const report = await imported(app, hostile)
      const blocking = report.problems.filter((p) => p.blocking)
      if (blocking.length > 0) {
        refused += 1
        expect(report.imported, cell).toBe(false)
        for (const problem of blocking) {
          expect([problem.sheet, problem.row], cell).toEqual(['Dépenses du budget', 2])
          expect(problem.column, cell).toBeTruthy()
          expect(problem.message, cell).not.toMatch(/Error|undefined|\.ts:\d/)
        }
        expect(await fileDigest(app), cell).toEqual(before)
      } else {
        expect(report.imported, cell).toBe(true)
      }
    }
    await app.core.closeFile()
    // Every share taken is one the file check accepts.
    expect(await checkFile(path)).toEqual([])
    // The well-formed cells are taken and the rest refused: both happen.
    expect(refused).toBeGreaterThan(100)
    expect(refused).toBeLessThan(cells.length - 3)
  }, 600_000)
})
