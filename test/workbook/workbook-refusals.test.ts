import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import { readWorkbook } from '../support/exports'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import {
  workbook,
  checkedReport,
  imported,
  fileDigest,
  MEMBERS_HEADING,
} from '../support/workbook-import'
import { REGISTERS } from '../../electron/main/workbook/registers'

// What an import refuses, with its sheet, row and column, leaving the file as it was.

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('the workbook of the registers, refused or cancelled', () => {
  it('reads dates typed as text in the order the Notes sheet declares, day first by default', async () => {
    app = await startTestApp()
    const joinedOn = async (notes: (string | null)[][] | null) => {
      const sheets: Record<string, (string | number | Date | null)[][]> = {
        Membres: [
          MEMBERS_HEADING,
          ['M-0001', 'Ville', 'Ville de Dakar', 'SN', null, '03/04/2021', 'Actif'],
        ],
      }
      if (notes) sheets.Notes = notes
      app.host.nextDocument = await workbook(app, sheets)
      const report = await checkedReport(app)
      return report
    }
    // The template declares day first; a US workbook declares month first.
    const template = await readWorkbook(
      await (async () => {
        const path = join(app.folder, 'modele.xlsx')
        await writeFile(path, await registersWorkbook(REGISTERS, 'fr'))
        return path
      })(),
    )
    const notes = found(template.getWorksheet('Notes'), 'notes')
    const declared = found(
      notes
        .getRows(1, notes.rowCount)
        ?.find((r) => r.getCell(1).value === 'Ordre des dates écrites en texte'),
      'date order row',
    )
    expect(declared.getCell(2).value).toBe('JJ/MM/AAAA')

    expect((await joinedOn(null)).problems.filter((p) => p.blocking)).toEqual([])
    await imported(app, found(app.host.nextDocument, 'workbook'))
    const session = app.core.requireSession()
    const joined = async () =>
      (await session.members.list()).find((m) => m.code === 'M-0001')?.joinedOn
    expect(await joined()).toBe('2021-04-03')

    await joinedOn([['Ordre des dates écrites en texte', 'MM/JJ/AAAA']])
    await imported(app, found(app.host.nextDocument, 'workbook'))
    expect(await joined()).toBe('2021-03-04')
    await joinedOn([['Order of dates typed as text', 'DD/MM/YYYY']])
    await imported(app, found(app.host.nextDocument, 'workbook'))
    expect(await joined()).toBe('2021-04-03')

    const refused = await joinedOn([['Ordre des dates écrites en texte', 'AAAA/MM/JJ']])
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Notes', row: 1, blocking: true, code: 'badDateOrder' }),
      ]),
    )
  })

  it('lists every problem with its sheet, row and column, and writes nothing', async () => {
    app = await startTestApp()
    const path = await workbook(app, {
      Membres: [
        [...MEMBERS_HEADING, 'Couleur préférée'],
        ['M-0001', 'Ville', 'Ville de Dakar', 'SN', 3_000_000, '12/05/1979', 'Actif', 'bleu'],
        ['M-0002', 'Ville', 'Ville de Nulle-Part', 'Atlantide', null, '31/02/2020', 'Actif', null],
        ['M-0001', 'Ville', 'Ville de Dakar (bis)', 'SN', null, null, 'Actif', null],
        ['M-0003', 'Métropole', '=HYPERLINK("http://x","clic")', 'CI', null, null, 'Actif', null],
        [null, null, null, null, null, null, null, null],
      ],
      Bailleurs: [
        ['Nom', 'Type'],
        ['AFD', 'Agence'],
      ],
    })
    const digest = await fileDigest(app)
    app.host.nextDocument = path
    const report = await checkedReport(app)
    const where = (p: (typeof report.problems)[number]) => [p.sheet, p.row, p.column, p.blocking]
    expect(report.problems.map(where)).toEqual(
      expect.arrayContaining([
        ['Membres', 1, 'Couleur préférée', false],
        ['Membres', 3, 'Pays', true],
        ['Membres', 3, 'Membre depuis le', true],
        ['Membres', 4, 'Code', true],
        ['Membres', 5, 'Type', true],
        ['Bailleurs', 1, 'Devise par défaut', true],
        ['Taux de change', null, null, false],
      ]),
    )
    const duplicate = found(
      report.problems.find((p) => p.row === 4),
      'duplicate',
    )
    expect(duplicate.message).toBe('Déjà présent à la ligne 2 de cette feuille.')
    const badDate = found(
      report.problems.find((p) => p.column === 'Membre depuis le'),
      'date',
    )
    expect(badDate).toMatchObject({
      value: '31/02/2020',
      message: expect.stringContaining('JJ/MM/AAAA'),
    })
    // Blocked: the job ends with the problems, nothing imported.
    expect((await imported(app, path)).imported).toBe(false)
    expect(await fileDigest(app)).toBe(digest)
  })

  it('keeps formulas typed in cells as text, and exports them as text', async () => {
    app = await startTestApp()
    const path = await workbook(app, {
      Membres: [
        MEMBERS_HEADING,
        ['M-0009', 'Ville', '=HYPERLINK("http://x","clic")', 'SN', null, null, 'Actif'],
      ],
    })
    expect((await imported(app, path)).imported).toBe(true)
    const member = found((await app.core.requireSession().members.list())[0], 'member')
    expect(member.name).toBe('=HYPERLINK("http://x","clic")')
    app.host.nextExportPath = join(app.folder, 'back.xlsx')
    const back = await readWorkbook((await app.ok('workbook.export', {})).path)
    const cell = found(back.getWorksheet('Membres'), 'sheet').getCell('C2')
    expect(cell.value).toBe('=HYPERLINK("http://x","clic")')
    expect(cell.formula).toBeUndefined()
  })

  it('imports all or nothing: a row the core refuses puts the file back as it was', async () => {
    app = await startTestApp()
    const digest = await fileDigest(app)
    const file = app.core.requireSession().file.path
    const before = await sha256(file)
    // XOF has a fixed parity: the rates service refuses it, after the funder was written.
    const path = await workbook(app, {
      Bailleurs: [
        ['Nom', 'Type', 'Devise par défaut'],
        ['Ville de Paris', 'Ville', 'EUR'],
      ],
      'Taux de change': [
        ['Devise', 'Date', 'Taux (pour 1 €)', 'Source'],
        ['XOF', '01/01/2026', '655,957', 'BCEAO'],
      ],
    })
    // Refused while written: every row undone, the refusal located on its row and column.
    const report = await imported(app, path)
    expect(report.imported).toBe(false)
    expect(report.problems.filter((p) => p.blocking)).toEqual([
      expect.objectContaining({
        sheet: 'Taux de change',
        row: 2,
        column: 'Devise',
        value: 'XOF',
        blocking: true,
        message: expect.stringMatching(/parité fixe/),
      }),
    ])
    expect(await fileDigest(app)).toBe(digest)
    expect(await app.core.requireSession().funders.list()).toEqual([])
    expect(await sha256(file)).toBe(before)
    // The dry run refuses it alike, and writes no backup.
    app.host.nextDocument = path
    expect((await checkedReport(app)).problems).toEqual(report.problems)
    expect(await sha256(file)).toBe(before)
  })

  it('refuses a file that is not a workbook, and writes the template with its notes', async () => {
    app = await startTestApp()
    const path = join(app.folder, 'pas-un-classeur.xlsx')
    await writeFile(path, 'ceci n’est pas un classeur')
    app.host.nextDocument = path
    const report = await checkedReport(app)
    expect(report.problems).toMatchObject([{ code: 'notXlsx', blocking: true }])
    const template = await readWorkbook(
      await writeFile(
        join(app.folder, 'modele.xlsx'),
        await registersWorkbook(REGISTERS, 'fr'),
      ).then(() => join(app.folder, 'modele.xlsx')),
    )
    const notes = found(template.getWorksheet('Notes'), 'notes')
    let described = 0
    notes.eachRow((row) => {
      if (row.getCell(1).value === 'Membres' && row.getCell(2).value === 'Statut') {
        described += 1
        expect(String(row.getCell(5).value)).toContain('Radié')
      }
    })
    expect(described).toBe(1)
  })

  it('refuses a receipt naming an agreement found nowhere, and an amount with too many decimals', async () => {
    app = await startTestApp()
    const path = await workbook(app, {
      Bailleurs: [
        ['Nom', 'Type', 'Devise par défaut'],
        ['AFD', 'Agence', 'EUR'],
      ],
      Conventions: [
        [
          'Référence',
          'Bailleur',
          'Intitulé',
          'Début',
          'Fin',
          'Devise',
          'Montant engagé',
          'Affectation des fonds',
          'Nature',
        ],
        [
          'AFD-2026',
          'AFD',
          'Appui',
          '01/01/2026',
          '31/12/2027',
          'XOF',
          '1 000 000,5',
          'Délié',
          'Fonctionnement',
        ],
        [
          'AFD-2027',
          'AFD',
          'Appui 2',
          '01/01/2027',
          '31/12/2028',
          'EUR',
          '250 000',
          'Délié',
          'Fonctionnement',
        ],
      ],
      Versements: [
        ['Convention', 'Reçu le', 'Devise', 'Montant'],
        ['UE-9999', '15/03/2026', 'EUR', '1000'],
        ['AFD-2027', '15/03/2027', 'EUR', '100000'],
      ],
    })
    app.host.nextDocument = path
    const report = await checkedReport(app)
    expect(
      report.problems.filter((p) => p.blocking).map((p) => [p.sheet, p.row, p.column, p.code]),
    ).toEqual([
      ['Conventions', 2, 'Montant engagé', 'tooManyDecimals'],
      ['Versements', 2, 'Convention', 'unknownReference'],
    ])
    expect(report.sheets.find((s) => s.sheet === 'Versements')).toMatchObject({
      rows: 2,
    })
  })

  it('reads formulas by their value, says merged cells and hidden rows, and refuses a huge workbook', async () => {
    app = await startTestApp()
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Membres')
    sheet.addRow(MEMBERS_HEADING)
    sheet.addRow(['M-0201', 'Ville', 'Ville de Lomé', 'TG', null, null, 'Actif'])
    sheet.getCell('E2').value = { formula: '1000*1800', result: 1_800_000 }
    sheet.addRow(['M-0202', 'Ville', 'Ville de Kara', 'TG', null, null, 'Actif']).hidden = true
    sheet.addRow(['M-0203', 'Ville', 'Ville de Sokodé', 'TG', null, null, 'Actif'])
    sheet.mergeCells('F4:G4')
    const path = join(app.folder, 'formes.xlsx')
    await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
    app.host.nextDocument = path
    const report = await checkedReport(app)
    expect(report.problems.map((p) => [p.code, p.row, p.column, p.blocking])).toEqual(
      expect.arrayContaining([
        ['mergedCells', null, 'F4:G4', false],
        ['hiddenRow', 3, null, false],
      ]),
    )
    // Merged with the empty date before it, the status is gone: refused on its cell, not guessed.
    expect(report.problems.filter((p) => p.blocking).map((p) => [p.row, p.column])).toEqual([
      [4, 'Statut'],
    ])

    const huge = join(app.folder, 'enorme.xlsx')
    await writeFile(huge, Buffer.alloc(50 * 1024 * 1024, 1))
    app.host.nextDocument = huge
    expect((await checkedReport(app)).problems).toMatchObject([
      { code: 'tooLarge', blocking: true },
    ])
  })

  it('cancels an import under way and leaves the file as it was', async () => {
    app = await startTestApp()
    const rows = Array.from({ length: 300 }, (_, i) => [
      `M-${String(i + 1).padStart(4, '0')}`,
      'Ville',
      `Ville ${i + 1}`,
      'SN',
      null,
      null,
      'Actif',
    ])
    const path = await workbook(app, { Membres: [MEMBERS_HEADING, ...rows] })
    const digest = await fileDigest(app)
    const started = await app.ok('workbook.import', {
      file: app.core.files.grant(path, 'import-workbook'),
    })
    await app.ok('workbook.cancel', { jobId: started.jobId })
    let job = started
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20))
      job = await app.ok('workbook.progress', { jobId: job.jobId })
    }
    expect(job.state).toBe('cancelled')
    expect(await fileDigest(app)).toBe(digest)
  })
})
