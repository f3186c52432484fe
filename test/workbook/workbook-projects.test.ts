import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { readWorkbook } from '../support/exports'
import { found } from '../support/found'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import { checkedReport, imported, fileDigest } from '../support/workbook-import'

// Projects and budgets through the workbook: tranches, expenses, lifecycles.

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('projects and budgets in the workbook', () => {
  /** The column of a sheet whose heading is `heading` (French). */
  const columnOf = (sheet: ExcelJS.Worksheet, heading: MessageKey) => {
    const wanted = translate('fr', heading)
    let found = 0
    sheet.getRow(1).eachCell((cell, index) => {
      if (cell.value === wanted) found = index
    })
    if (!found) throw new Error(`no column ${wanted} in ${sheet.name}`)
    return found
  }
  const rowOf = (sheet: ExcelJS.Worksheet, heading: MessageKey, value: string) => {
    const column = columnOf(sheet, heading)
    for (let row = 2; row <= sheet.rowCount; row++) {
      if (sheet.getRow(row).getCell(column).value === value) return sheet.getRow(row)
    }
    throw new Error(`no row ${value} in ${sheet.name}`)
  }
  const save = async (book: ExcelJS.Workbook, name: string) => {
    const path = join(app.folder, name)
    await book.xlsx.writeFile(path)
    return path
  }

  it('gives back a tranche paid with a split chosen by hand, line by line, to the cent', async () => {
    app = await startTestApp({ openFile: false })
    await app.core.openDemo()
    const db = app.core.requireSession().file.db
    // A tranche still to pay in a project with two committed AIMF lines, paid in part (1,000)
    // all on one of them but one unit: not the pro rata split.
    const candidates = await db
      .selectFrom('tranches as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', 't.project_id'])
      .where('p.status', '=', 'in_progress')
      .where('t.status', '=', 'planned')
      .orderBy('p.code')
      .execute()
    let paidId: string | null = null
    for (const tranche of candidates) {
      const lines = await db
        .selectFrom('financing_lines')
        .select('id')
        .where('project_id', '=', tranche.project_id)
        .where('committed_on', 'is not', null)
        .where('source', 'in', ['agreement', 'untied_fund'])
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute()
      const [first, second] = lines
      if (!first || !second) continue
      const result = await app.call('projects.payTranche', {
        confirmed: true,
        id: tranche.id,
        paidOn: '2025-11-03',
        amount: '1000',
        overrideReason: 'Versé à la demande de la ville',
        split: [
          { lineId: first.id, amount: '999' },
          { lineId: second.id, amount: '1' },
        ],
      })
      if (result.ok) {
        paidId = tranche.id
        break
      }
    }
    if (!paidId) throw new Error('no tranche of the demo could be paid with a split')
    const byLine = async (session: ReturnType<TestApp['core']['requireSession']>) =>
      (
        await session.file.db
          .selectFrom('ledger_entries as e')
          .innerJoin('tranches as t', 't.id', 'e.source_id')
          .innerJoin('projects as p', 'p.id', 't.project_id')
          .innerJoin('financing_lines as l', 'l.id', 'e.use_id')
          .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
          .select([
            'p.code',
            't.number',
            'l.source',
            'a.reference',
            'e.amount_minor',
            'e.eur_minor',
          ])
          .where('e.source_table', '=', 'tranches')
          .where('e.deleted_at', 'is', null)
          .orderBy('p.code')
          .orderBy('t.number')
          .orderBy('l.created_at')
          .execute()
      ).map((e) => [e.code, e.number, e.source, e.reference, e.amount_minor, e.eur_minor].join('|'))
    const before = await byLine(app.core.requireSession())
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    await app.core.createFile(join(app.folder, 'copy.sqlite'))
    await imported(app, path)
    expect(await byLine(app.core.requireSession())).toEqual(before)
  }, 120_000)

  it('goes as far as a changed row says — a tranche paid, a budget expense cancelled — and never moves a project back', async () => {
    app = await startTestApp({ openFile: false })
    await app.core.openDemo()
    const session = app.core.requireSession()
    const db = session.file.db
    // A project under way with a tranche still to pay, and a budget expense not cancelled.
    const planned = await db
      .selectFrom('tranches as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['p.code', 't.number', 't.id', 't.amount_minor'])
      .where('p.status', '=', 'in_progress')
      .where('t.status', '=', 'planned')
      .orderBy('p.code')
      .orderBy('t.number')
      .executeTakeFirstOrThrow()
    const expense = await db
      .selectFrom('budget_expenses')
      .select(['id', 'description', 'eur_minor'])
      .where('cancel_reason', 'is', null)
      .orderBy('spent_on', 'desc')
      .executeTakeFirstOrThrow()
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    const book = await readWorkbook(path)

    const tranches = found(book.getWorksheet('Tranches'), 'tranches sheet')
    const tranche = [...Array(tranches.rowCount).keys()]
      .map((i) => tranches.getRow(i + 1))
      .find(
        (row) =>
          row.getCell(columnOf(tranches, 'workbook.column.project')).value === planned.code &&
          row.getCell(columnOf(tranches, 'projects.tranches.number')).value === planned.number,
      )
    if (!tranche) throw new Error('the tranche is not exported')
    tranche.getCell(columnOf(tranches, 'projects.tranches.paidOn')).value = new Date(
      Date.UTC(2025, 10, 3),
    )
    tranche.getCell(columnOf(tranches, 'projects.tranches.overrideReason')).value =
      'Rapport d’étape reçu par courriel'
    const expenses = found(book.getWorksheet('Dépenses du budget'), 'budget expenses sheet')
    rowOf(expenses, 'budget.form.description', expense.description).getCell(
      columnOf(expenses, 'workbook.column.cancelReason'),
    ).value = 'Saisie en double'
    const report = await imported(app, await save(book, 'paid.xlsx'))
    const counts = Object.fromEntries(report.sheets.map((s) => [s.sheet, [s.created, s.updated]]))
    expect(counts).toMatchObject({
      Tranches: [0, 1],
      'Dépenses du budget': [0, 1],
      Projets: [0, 0],
    })
    const paid = await db
      .selectFrom('tranches')
      .select(['status', 'paid_on', 'override_reason'])
      .where('id', '=', planned.id)
      .executeTakeFirstOrThrow()
    expect(paid).toEqual({
      status: 'paid',
      paid_on: '2025-11-03',
      override_reason: 'Rapport d’étape reçu par courriel',
    })
    const disbursed = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('amount'))
      .where('source_table', '=', 'tranches')
      .where('source_id', '=', planned.id)
      .executeTakeFirstOrThrow()
    expect(Number(disbursed.amount)).toBe(planned.amount_minor)
    const reversed = await db
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
      .where('source_table', '=', 'budget_expenses')
      .where('source_id', '=', expense.id)
      .executeTakeFirstOrThrow()
    expect(Number(reversed.eur)).toBe(0)

    // The same project said to be only approved: refused, and nothing of the workbook is written.
    const projects = found(book.getWorksheet('Projets'), 'projects sheet')
    const project = rowOf(projects, 'projects.field.code', planned.code)
    project.getCell(columnOf(projects, 'projects.field.status')).value = 'Approuvé'
    project.getCell(columnOf(projects, 'workbook.column.signedOn')).value = null
    project.getCell(columnOf(projects, 'workbook.column.startedOn')).value = null
    const before = await fileDigest(app)
    const back = await imported(app, await save(book, 'back.xlsx'))
    expect(back.imported).toBe(false)
    expect(back.problems.filter((p) => p.blocking)).toEqual([
      expect.objectContaining({
        sheet: 'Projets',
        row: project.number,
        column: 'Statut',
        value: 'approved',
        message: expect.stringContaining(`Le projet ${planned.code} est déjà « En cours »`),
      }),
    ])
    expect(await fileDigest(app)).toBe(before)

    // A status whose dates are missing, or dates beyond the status, are found by the check.
    project.getCell(columnOf(projects, 'projects.field.status')).value = 'En cours'
    project.getCell(columnOf(projects, 'workbook.column.closedOn')).value = new Date(
      Date.UTC(2026, 0, 5),
    )
    app.host.nextDocument = await save(book, 'dates.xlsx')
    const checked = await checkedReport(app)
    expect(
      checked.problems.filter((p) => p.blocking).map((p) => [p.sheet, p.row, p.column, p.code]),
    ).toEqual([
      ['Projets', project.number, 'Convention signée le', 'required'],
      ['Projets', project.number, 'Démarré le', 'required'],
      ['Projets', project.number, 'Clôturé le', 'dateBeyondStatus'],
    ])
  }, 120_000)
})
