import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { minorUnits } from '@shared/money/currencies'
import { duesCalls } from '../../electron/main/dues/dues-accounts'
import { minorToDecimalString } from '@shared/money/decimal'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { afterEach, describe, expect, it } from 'vitest'
import { readAmount, readCurrency, readDate } from '../../electron/main/workbook/cell-values'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'
import type { Job } from '@shared/jobs/schema'
import type { WorkbookReport } from '@shared/workbook/schema'
import { startTestApp, type TestApp } from '../support/core'
import { readWorkbook } from '../support/exports'
import { sha256 } from '../support/files'
import { found } from '../support/found'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** A workbook with the given sheets, each a heading row then rows, as a user would type them. */
async function workbook(sheets: Record<string, (string | number | Date | null)[][]>) {
  const book = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name)
    for (const row of rows) sheet.addRow(row)
  }
  const path = join(app.folder, `import-${Object.keys(sheets).join('-')}.xlsx`)
  await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
  return path
}

/** Imports a workbook as the window does: starts the job and follows it to its end. */
async function importJob(path: string): Promise<Job<WorkbookReport>> {
  let job = await app.ok('workbook.import', { file: app.core.files.grant(path, 'import-workbook') })
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('workbook.progress', { jobId: job.jobId })
  }
  return job
}

/** The report of the window's check (a dry run) of the workbook the host hands over. */
async function checkedReport(): Promise<WorkbookReport> {
  let job = (await app.ok('workbook.check', {})).job
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20))
    job = await app.ok('workbook.progress', { jobId: job.jobId })
  }
  if (job.state !== 'done' || !job.result) throw new Error(`check ${job.state}: ${job.failure}`)
  return job.result
}

/** The report of an import that ran to its end. */
async function imported(path: string): Promise<WorkbookReport> {
  const job = await importJob(path)
  if (job.state !== 'done' || !job.result) throw new Error(`import ${job.state}: ${job.failure}`)
  return job.result
}

const MEMBERS_HEADING = ['Code', 'Type', 'Nom', 'Pays', 'Population', 'Membre depuis le', 'Statut']

type Session = ReturnType<TestApp['core']['requireSession']>

/**
 * Every record of the registers a workbook carries, table by table, as content only: ids,
 * stamps, authors and links by id differ from one file to another, what the records say must
 * not (archived records count as archived, whatever the day).
 */
async function contentsOf(session: Session): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {}
  for (const table of COMPARED_TABLES) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
      session.file.db,
    )
    contents[table] = rows.rows
      // Archived rows are compared where the workbook carries them; elsewhere they are the
      // history of how each file was written (a dues scale is saved whole, band by band).
      .filter((row) => ARCHIVABLE.includes(table) || row.deleted_at === null)
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([column]) => !IGNORED_COLUMNS.test(column))
            .map(([column, value]) => [column, column === 'deleted_at' ? value !== null : value]),
        ),
      )
      .sort()
  }
  return contents
}

/** The registers whose archived records the workbook carries. */
const ARCHIVABLE = ['funders', 'agreements', 'members', 'projects']

/** Columns that differ between two files holding the same records (a line's key is an id). */
const IGNORED_COLUMNS = /^(id|created_at|updated_at|author|.*_id|line_key)$/

const COMPARED_TABLES = [
  'funders',
  'exchange_rates',
  'members',
  'member_contacts',
  'member_roles',
  'agreements',
  'agreement_headings',
  'receipts',
  'agreement_amendments',
  'agreement_instalments',
  'agreement_reports',
  'other_income',
  'dues_bands',
  'dues_overrides',
  'dues_calls',
  'dues_payments',
  'dues_settlements',
  'projects',
  'project_transitions',
  'agreement_projects',
  'financing_lines',
  'tranches',
  'project_expenses',
  'indicators',
  'indicator_values',
  'budget_versions',
  'budget_items',
  'budget_line_sources',
  'budget_expenses',
  'ledger_entries',
]

async function fileDigest() {
  const session = app.core.requireSession()
  const db = session.file.db
  const counts = await Promise.all(
    (['funders', 'members', 'exchange_rates', 'change_log'] as const).map(async (table) =>
      Number(
        (await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
      ),
    ),
  )
  return counts.join('/')
}

describe('reading cells as people type them', () => {
  it('reads amounts, dates and currencies, and refuses what it would have to guess', () => {
    expect(readAmount('1 234,56', 'EUR', 'fr')).toEqual({ ok: true, value: '1234.56' })
    expect(readAmount('1\u202f234\u202f567 FCFA', 'XOF', 'fr')).toEqual({
      ok: true,
      value: '1234567',
    })
    expect(readAmount(1234.5, 'EUR', 'fr')).toEqual({ ok: true, value: '1234.50' })
    expect(readAmount('12,345', 'EUR', 'fr')).toMatchObject({
      ok: false,
      key: 'workbook.tooManyDecimals',
    })
    expect(readAmount(10.5, 'XOF', 'fr')).toMatchObject({
      ok: false,
      key: 'workbook.tooManyDecimals',
    })
    expect(readDate('03/04/2021')).toEqual({ ok: true, value: '2021-04-03' })
    expect(readDate('31/02/2021')).toMatchObject({ ok: false, key: 'workbook.badDate' })
    expect(readDate(44291)).toEqual({ ok: true, value: '2021-04-05' })
    expect(readDate({ excelDate: 44291 })).toEqual({ ok: true, value: '2021-04-05' })
    expect(readCurrency('euro')).toEqual({ ok: true, value: 'EUR' })
    expect(readCurrency('$ US')).toEqual({ ok: true, value: 'USD' })
    expect(readCurrency('xaf')).toEqual({ ok: true, value: 'XAF' })
    expect(readCurrency('FCFA')).toMatchObject({ ok: false, key: 'workbook.ambiguousCfa' })
  })
})

/** Each agreement's schedule and reporting calendar, as its page shows them. */
async function termsOf(session: ReturnType<TestApp['core']['requireSession']>) {
  return Promise.all(
    (await session.agreements.list()).map(async (a) => {
      const detail = await session.agreements.get(a.id)
      return [
        a.reference,
        detail.instalments.map((i) => [i.expectedOn, i.amount]),
        detail.reports.map((r) => [r.kind, r.dueOn, r.periodFrom, r.periodTo, r.status, r.sentOn]),
        detail.budget.headings
          .map((h) => [h.code, h.label, h.role, h.amount])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      ]
    }),
  )
}

describe('the workbook of the registers', () => {
  it('exports a file and imports it into an empty one with the same records; again, nothing changes', async () => {
    app = await startTestApp({ openFile: false })
    await app.core.openDemo()
    const demo = app.core.requireSession()
    // A member that resigned and was archived: its calls and payments stay in the file.
    const resigned = found(
      (await demo.members.list()).find((m) => m.status === 'resigned'),
      'a resigned member',
    )
    await demo.members.archive(resigned.id, 'Test')
    const archivedCodes = async (session: typeof demo) =>
      (await session.members.list({ includeArchived: true }))
        .filter((m) => m.archivedAt)
        .map((m) => m.code)
    expect(await archivedCodes(demo)).toEqual([resigned.code])
    // An agreement and a funder archived too: they come back archived, with their money.
    const [oldest] = await demo.agreements.list()
    const closed = found(oldest, 'an agreement')
    await demo.agreements.archive(closed.id, 'Test')
    const idle = await demo.funders.create(
      {
        name: 'Fondation dissoute',
        acronym: null,
        kind: 'foundation',
        country: null,
        defaultCurrency: 'EUR',
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        notes: null,
      },
      'Test',
    )
    await demo.funders.archive(idle.id, 'Test')
    const archivedOthers = async (session: typeof demo) => [
      (await session.agreements.list({ includeArchived: true }))
        .filter((a) => a.archivedAt)
        .map((a) => a.reference),
      (await session.funders.list({ includeArchived: true }))
        .filter((f) => f.archivedAt)
        .map((f) => f.name),
    ]
    expect(await archivedOthers(demo)).toEqual([[closed.reference], ['Fondation dissoute']])
    const dakar = (await demo.members.list()).find((m) => m.name === 'Ville de Dakar')
    // A payment that settles a member's newest open call, not its oldest: it comes back so.
    const untouched = (await duesCalls(demo.file.db)).filter(
      (c) => c.status !== 'cancelled' && c.outstanding === c.amount,
    )
    const member = untouched.find(
      (c) => untouched.filter((other) => other.memberId === c.memberId).length >= 2,
    )?.memberId
    const [oldestOpen, newestOpen] = untouched
      .filter((c) => c.memberId === member)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    if (!oldestOpen || !newestOpen || oldestOpen.memberId !== newestOpen.memberId)
      throw new Error('no member with two open calls in the demo')
    const chosenAmount = minorToDecimalString(newestOpen.amount, minorUnits(newestOpen.currency))
    await demo.duesPayments.add(
      {
        memberId: newestOpen.memberId,
        kind: 'dues',
        receivedOn: '2025-06-30',
        payer: null,
        amount: chosenAmount,
        currency: newestOpen.currency,
        rate: null,
        method: 'transfer',
        bankReference: 'CHOISI-2025',
        note: null,
        settle: [{ callId: newestOpen.id, amount: chosenAmount }],
      },
      'Test',
    )
    const settledBy = async (session: typeof demo) =>
      (
        await session.file.db
          .selectFrom('dues_settlements as s')
          .innerJoin('dues_payments as p', 'p.id', 's.payment_id')
          .innerJoin('dues_calls as c', 'c.id', 's.call_id')
          .select('c.number')
          .where('p.bank_reference', '=', 'CHOISI-2025')
          .execute()
      ).map((s) => s.number)
    expect(await settledBy(demo)).toEqual([newestOpen.number])
    await demo.dues.addContact(
      {
        memberId: dakar?.id ?? '',
        name: 'Awa Diop',
        role: 'Directrice des relations internationales',
        email: 'awa.diop@example.sn',
        phone: null,
      },
      'Test',
    )
    await demo.duesScale.setOverride(
      {
        memberId: dakar?.id ?? '',
        year: 2025,
        amount: '1500',
        currency: 'EUR',
        reason: 'Accord du Bureau : ville-siège de l’Assemblée générale',
      },
      'Test',
    )
    // Contacts, roles, scales and particular amounts, by member code: what must come back.
    const membershipOf = async (session: typeof demo) => ({
      bands: await session.file.db
        .selectFrom('dues_bands')
        .select(['year', 'member_kind', 'population_from', 'population_to'])
        .select(['amount_minor', 'currency', 'label'])
        .where('deleted_at', 'is', null)
        .orderBy('year')
        .orderBy('member_kind')
        .orderBy('population_from')
        .execute(),
      overrides: await session.file.db
        .selectFrom('dues_overrides as o')
        .innerJoin('members as m', 'm.id', 'o.member_id')
        .select(['m.code', 'o.year', 'o.amount_minor', 'o.currency', 'o.reason'])
        .where('o.deleted_at', 'is', null)
        .execute(),
      contacts: await session.file.db
        .selectFrom('member_contacts as c')
        .innerJoin('members as m', 'm.id', 'c.member_id')
        .select(['m.code', 'c.name', 'c.role', 'c.email', 'c.phone'])
        .where('c.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('c.name')
        .execute(),
      roles: await session.file.db
        .selectFrom('member_roles as r')
        .innerJoin('members as m', 'm.id', 'r.member_id')
        .select(['m.code', 'r.body', 'r.role', 'r.starts_on', 'r.ends_on'])
        .where('r.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('r.starts_on')
        .execute(),
    })
    const demoMembership = await membershipOf(demo)
    expect(demoMembership.contacts.length).toBeGreaterThan(0)
    expect(demoMembership.roles.length).toBeGreaterThan(5)
    expect(demoMembership.bands.length).toBeGreaterThan(60)
    expect(demoMembership.overrides).toHaveLength(1)
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    const exported = await readWorkbook(path)
    expect(exported.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Bailleurs',
        'Taux de change',
        'Membres',
        'Conventions',
        'Versements',
        'Notes',
      ]),
    )
    const members = found(exported.getWorksheet('Membres'), 'members sheet')
    // Closed lists carry a drop-down in the template's cells.
    expect(members.getCell('B2').dataValidation).toMatchObject({ type: 'list' })
    const demoFunders = await demo.funders.list()
    const demoMembers = await demo.members.list()
    const demoRates = (await demo.rates.list()).filter((r) => !r.fixed)
    const demoAgreements = await demo.agreements.list()
    const ledgerOf = async (session: typeof demo) =>
      (
        await session.file.db
          .selectFrom('ledger_entries')
          .select(['kind'])
          .select((eb) => [
            eb.fn.sum<number>('amount_minor').as('amount'),
            eb.fn.sum<number>('eur_minor').as('eur'),
          ])
          .where('kind', 'in', ['commitment', 'receipt', 'due_payment', 'other_income'])
          .groupBy('kind')
          .orderBy('kind')
          .execute()
      ).map((row) => [row.kind, Number(row.amount), Number(row.eur)])
    const demoLedger = await ledgerOf(demo)
    const demoDues = await demo.dues.summary(2025)
    const demoTerms = await termsOf(demo)
    const demoContents = await contentsOf(demo)
    expect(demoTerms.flatMap(([, , , headings]) => headings as unknown[]).length).toBeGreaterThan(5)

    await app.core.createFile(join(app.folder, 'empty.sqlite'))
    app.host.nextDocument = path
    const preview = await checkedReport()
    expect(preview.problems.filter((p) => p.blocking)).toEqual([])
    // The archived member is in the sheet too.
    expect(preview.sheets.find((s) => s.sheet === 'Membres')).toMatchObject({
      rows: demoMembers.length + 1,
      created: demoMembers.length + 1,
    })
    const report = await imported(path)
    expect(report.imported).toBe(true)
    const session = app.core.requireSession()
    const strip = <T extends object>(rows: T[]) =>
      rows.map(
        ({
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          ...rest
        }: T & { id?: unknown; createdAt?: unknown; updatedAt?: unknown }) => rest,
      )
    expect(strip(await session.funders.list())).toEqual(strip(demoFunders))
    expect(
      (await session.members.list()).map((m) => [
        m.code,
        m.name,
        m.kind,
        m.country,
        m.population,
        m.status,
        m.joinedOn,
      ]),
    ).toEqual(
      demoMembers.map((m) => [
        m.code,
        m.name,
        m.kind,
        m.country,
        m.population,
        m.status,
        m.joinedOn,
      ]),
    )
    expect(
      (await session.rates.list())
        .filter((r) => !r.fixed)
        .map((r) => [r.currency, r.rateDate, r.rate]),
    ).toEqual(demoRates.map((r) => [r.currency, r.rateDate, r.rate]))
    // Agreements and their receipts: the same money in the ledger, to the cent.
    expect(
      (await session.agreements.list()).map((a) => [
        a.reference,
        a.figures.committed,
        a.figures.received,
      ]),
    ).toEqual(demoAgreements.map((a) => [a.reference, a.figures.committed, a.figures.received]))
    expect(await ledgerOf(session)).toEqual(demoLedger)
    // Every record of every register comes back as it was, but for one thing: an approval the
    // demo recorded before its dues existed, now made after them while the city was in arrears
    // that day, says why it was recorded without a reason.
    const byImport = translate('fr', 'workbook.approvedByImport')
    const contents = await contentsOf(session)
    const approvedByImport = (contents.project_transitions ?? []).filter((t) =>
      t.includes(byImport),
    )
    expect(approvedByImport.length).toBeGreaterThan(0)
    contents.project_transitions = (contents.project_transitions ?? [])
      .map((t) => t.replace(JSON.stringify(byImport), 'null'))
      .sort()
    expect(contents).toEqual(demoContents)
    expect(await membershipOf(session)).toEqual(demoMembership)
    expect(await settledBy(session)).toEqual([newestOpen.number])
    expect(await archivedCodes(session)).toEqual([resigned.code])
    expect(await archivedOthers(session)).toEqual([[closed.reference], ['Fondation dissoute']])
    // Each agreement's schedule and reporting calendar, statuses included.
    expect(await termsOf(session)).toEqual(demoTerms)
    // Dues calls and payments: the same collection dashboard, arrears by age included.
    // (Records have new ids in the new file; members with equal arrears may list in any order.)
    const withoutIds = ({ largest, ...rest }: typeof demoDues) => ({
      ...rest,
      largest: largest.map((m) => `${m.memberName} ${m.arrearsEur}`).sort(),
    })
    expect(withoutIds(await session.dues.summary(2025))).toEqual(withoutIds(demoDues))
    const before = await fileDigest()
    const again = await imported(path)
    expect(again.sheets.every((s) => s.created === 0 && s.updated === 0)).toBe(true)
    expect(await fileDigest()).toBe(before)
  }, 180_000)

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
      app.host.nextDocument = await workbook(sheets)
      const report = await checkedReport()
      return report
    }
    // The template declares day first; a US workbook declares month first.
    const template = await readWorkbook(
      await (async () => {
        const path = join(app.folder, 'modele.xlsx')
        await writeFile(path, await registersWorkbook('fr'))
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
    await imported(found(app.host.nextDocument, 'workbook'))
    const session = app.core.requireSession()
    const joined = async () =>
      (await session.members.list()).find((m) => m.code === 'M-0001')?.joinedOn
    expect(await joined()).toBe('2021-04-03')

    await joinedOn([['Ordre des dates écrites en texte', 'MM/JJ/AAAA']])
    await imported(found(app.host.nextDocument, 'workbook'))
    expect(await joined()).toBe('2021-03-04')
    await joinedOn([['Order of dates typed as text', 'DD/MM/YYYY']])
    await imported(found(app.host.nextDocument, 'workbook'))
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
    const path = await workbook({
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
    const digest = await fileDigest()
    app.host.nextDocument = path
    const report = await checkedReport()
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
    expect((await imported(path)).imported).toBe(false)
    expect(await fileDigest()).toBe(digest)
  })

  it('keeps formulas typed in cells as text, and exports them as text', async () => {
    app = await startTestApp()
    const path = await workbook({
      Membres: [
        MEMBERS_HEADING,
        ['M-0009', 'Ville', '=HYPERLINK("http://x","clic")', 'SN', null, null, 'Actif'],
      ],
    })
    expect((await imported(path)).imported).toBe(true)
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
    const digest = await fileDigest()
    const file = app.core.requireSession().file.path
    const before = await sha256(file)
    // XOF has a fixed parity: the rates service refuses it, after the funder was written.
    const path = await workbook({
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
    const report = await imported(path)
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
    expect(await fileDigest()).toBe(digest)
    expect(await app.core.requireSession().funders.list()).toEqual([])
    expect(await sha256(file)).toBe(before)
    // The dry run refuses it alike, and writes no backup.
    app.host.nextDocument = path
    expect((await checkedReport()).problems).toEqual(report.problems)
    expect(await sha256(file)).toBe(before)
  })

  it('refuses a file that is not a workbook, and writes the template with its notes', async () => {
    app = await startTestApp()
    const path = join(app.folder, 'pas-un-classeur.xlsx')
    await writeFile(path, 'ceci n’est pas un classeur')
    app.host.nextDocument = path
    const report = await checkedReport()
    expect(report.problems).toMatchObject([{ code: 'notXlsx', blocking: true }])
    const template = await readWorkbook(
      await writeFile(join(app.folder, 'modele.xlsx'), await registersWorkbook('fr')).then(() =>
        join(app.folder, 'modele.xlsx'),
      ),
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
    const path = await workbook({
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
    const report = await checkedReport()
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
    const report = await checkedReport()
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
    expect((await checkedReport()).problems).toMatchObject([{ code: 'tooLarge', blocking: true }])
  })

  it('carries amendments and other income across, with the same commitments and income to the cent', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', {
      name: 'Canada',
      kind: 'state',
      defaultCurrency: 'CAD',
    })
    await app.ok('rates.add', {
      currency: 'CAD',
      rateDate: '2025-01-01',
      rate: '1.4950',
      source: 'BCE',
    })
    const agreement = await app.ok('agreements.create', {
      funderId: funder.id,
      reference: 'CA-2025',
      title: 'Subvention',
      startsOn: '2025-01-01',
      endsOn: '2026-12-31',
      currency: 'CAD',
      amount: '300000',
      earmarking: 'untied',
      nature: 'operating',
    })
    await app.ok('agreements.addAmendment', {
      agreementId: agreement.id,
      signedOn: '2025-09-01',
      amountChange: '-25000.50',
      newEndsOn: '2027-06-30',
      note: 'Réduction',
    })
    await app.ok('funds.addOtherIncome', {
      confirmed: true,
      receivedOn: '2025-03-10',
      label: 'Intérêts',
      currency: 'EUR',
      amount: '1234.56',
    })
    const ledger = async () =>
      (
        await app.core
          .requireSession()
          .file.db.selectFrom('ledger_entries')
          .select(['kind'])
          .select((eb) => [
            eb.fn.sum<number>('amount_minor').as('amount'),
            eb.fn.sum<number>('eur_minor').as('eur'),
          ])
          .groupBy('kind')
          .orderBy('kind')
          .execute()
      ).map((row) => [row.kind, Number(row.amount), Number(row.eur)])
    const before = await ledger()
    app.host.nextExportPath = join(app.folder, 'export.xlsx')
    const { path } = await app.ok('workbook.export', {})
    await app.core.createFile(join(app.folder, 'copy.sqlite'))
    const report = await imported(path)
    // Every sheet read, none missing (a streamed read that ends early is read again whole).
    expect(report.problems.filter((p) => p.code === 'missingSheet' || p.blocking)).toEqual([])
    expect(report.imported).toBe(true)
    expect(await ledger()).toEqual(before)
    const copy = await app.ok('agreements.list', {})
    expect(copy.map((a) => [a.reference, a.figures.committed])).toEqual([['CA-2025', 27_499_950]])
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
    const path = await workbook({ Membres: [MEMBERS_HEADING, ...rows] })
    const digest = await fileDigest()
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
    expect(await fileDigest()).toBe(digest)
  })
})

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
    await imported(path)
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
    const report = await imported(await save(book, 'paid.xlsx'))
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
    const before = await fileDigest()
    const back = await imported(await save(book, 'back.xlsx'))
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
    expect(await fileDigest()).toBe(before)

    // A status whose dates are missing, or dates beyond the status, are found by the check.
    project.getCell(columnOf(projects, 'projects.field.status')).value = 'En cours'
    project.getCell(columnOf(projects, 'workbook.column.closedOn')).value = new Date(
      Date.UTC(2026, 0, 5),
    )
    app.host.nextDocument = await save(book, 'dates.xlsx')
    const checked = await checkedReport()
    expect(
      checked.problems.filter((p) => p.blocking).map((p) => [p.sheet, p.row, p.column, p.code]),
    ).toEqual([
      ['Projets', project.number, 'Convention signée le', 'required'],
      ['Projets', project.number, 'Démarré le', 'required'],
      ['Projets', project.number, 'Clôturé le', 'dateBeyondStatus'],
    ])
  }, 120_000)
})
