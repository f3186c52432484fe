import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import type { Session } from '../../electron/main/app/session'
import { deriveYear } from '../../electron/main/accounting/books'
import { exportEntries } from '../../electron/main/accounting/entries-export'
import { SAGE_COLUMNS } from '../../electron/main/accounting/software-exports'
import { runCli } from '../../electron/main/cli/cli'
import { DataFile } from '../../electron/main/db/data-file'
import { buildDemo } from '../../electron/main/demo/build-demo'
import { buildReport } from '../../electron/main/reports/build-report'
import type { Cell, ReportDocument } from '@shared/reports/model'
import { found } from '../support/found'
import { tempFolder } from '../support/temp'
import { TODAY } from './support'

let path: string
let file: DataFile
let session: Session
const YEAR = 2024

beforeAll(async () => {
  const folder = await tempFolder('file')
  path = join(folder, 'demo.sqlite')
  file = await DataFile.create(path, { isDemo: true })
  await file.fill(() => buildDemo(file))
  session = createSession(file)
  return async () => {
    await file.close().catch(() => undefined)
  }
}, 120_000)

const minor = (cell: Cell | undefined) => (cell?.kind === 'money' ? cell.minor : NaN)
const request = (kind: 'dedicated-funds' | 'trial-balance' | 'general-ledger', year: number) => ({
  kind,
  agreementId: null,
  versionId: null,
  year,
  from: null,
  to: null,
  language: 'fr' as const,
})

describe('the dedicated funds of the demo', () => {
  it('are the ledger’s sums, to the cent, for every agreement and year', async () => {
    const sums = await sql<{ reference: string; year: string; kind: string; eur: number }>`
      SELECT a.reference, substr(e.entry_date, 1, 4) AS year, e.kind, SUM(e.eur_minor) AS eur
      FROM ledger_entries e JOIN agreements a ON a.id = e.agreement_id
      GROUP BY a.reference, year, e.kind`.execute(file.db)
    const ledger = (reference: string, year: number, kinds: string[]) =>
      sums.rows
        .filter(
          (r) => r.reference === reference && Number(r.year) === year && kinds.includes(r.kind),
        )
        .reduce((s, r) => s + Number(r.eur), 0)
    let checked = 0
    let carried = 0
    for (const year of [2019, 2022, 2024, 2025]) {
      const report: ReportDocument = await buildReport(
        session,
        request('dedicated-funds', year),
        'fr',
      )
      const detail = found(report.sheets[1]?.tables[0], 'detail')
      let previousEnd = new Map<string, number>()
      if (year > 2019) {
        const before = await buildReport(session, request('dedicated-funds', year - 1), 'fr')
        for (const r of found(before.sheets[1]?.tables[0], 'before').rows) {
          const ref = r.cells[0]?.kind === 'text' ? r.cells[0].text : ''
          previousEnd.set(ref, minor(r.cells[14]))
        }
      } else previousEnd = new Map()
      for (const r of detail.rows.filter((row) => row.style === 'item')) {
        const reference = r.cells[0]?.kind === 'text' ? r.cells[0].text : ''
        expect(minor(r.cells[3]), `${reference} ${year} notified`).toBe(
          ledger(reference, year, ['commitment']),
        )
        expect(minor(r.cells[4]), `${reference} ${year} received`).toBe(
          ledger(reference, year, ['receipt']),
        )
        expect(minor(r.cells[10]), `${reference} ${year} used`).toBe(
          ledger(reference, year, ['allocation', 'expense']),
        )
        // Income = notified − change of the future share; start + added − used = end.
        expect(minor(r.cells[7])).toBe(minor(r.cells[3]) - (minor(r.cells[6]) - minor(r.cells[5])))
        expect(minor(r.cells[11]) + minor(r.cells[13]) - minor(r.cells[12])).toBe(
          minor(r.cells[14]),
        )
        if (previousEnd.has(reference)) expect(minor(r.cells[11])).toBe(previousEnd.get(reference))
        carried += minor(r.cells[14])
        checked += 1
      }
      // The year-end entries are those the FEC of the year holds.
      const books = await deriveYear(file.db, year, { today: TODAY, language: 'fr' })
      const entries = found(report.sheets[2]?.tables[0], 'entries')
      const total = found(entries.rows.at(-1), 'total')
      const fec = books.entries
        .filter((e) => e.origin.kind === 'year-end')
        .flatMap((e) => e.lines)
        .reduce((s, l) => s + l.debit, 0)
      expect(minor(total.cells[5])).toBe(fec)
      expect(minor(total.cells[5])).toBe(minor(total.cells[6]))
    }
    expect(checked).toBeGreaterThan(20)
    expect(carried).toBeGreaterThan(0)
  })

  it('are exported by `aimf report FILE dedicated-funds --year` in Excel and PDF', async () => {
    await file.close()
    const folder = await tempFolder()
    for (const format of ['xlsx', 'pdf']) {
      const target = join(folder, `fd.${format}`)
      const err: string[] = []
      const code = await runCli(
        [
          'report',
          path,
          'dedicated-funds',
          '--year',
          String(YEAR),
          '--format',
          format,
          '--out',
          target,
        ],
        () => undefined,
        (l) => err.push(l),
      )
      expect(err).toEqual([])
      expect(code).toBe(0)
      expect((await readFile(target)).length).toBeGreaterThan(1000)
    }
    const missing: string[] = []
    expect(
      await runCli(
        ['report', path, 'dedicated-funds', '--format', 'pdf', '--out', join(folder, 'x.pdf')],
        () => undefined,
        (l) => missing.push(l),
      ),
    ).toBe(2)
    expect(missing.join(' ')).toContain('--year')
    file = await DataFile.open(path)
    session = createSession(file)
  })
})

describe('the trial balance and the general ledger', () => {
  it('balance, and carry each account from its opening to its closing balance', async () => {
    const trial = await buildReport(session, request('trial-balance', YEAR), 'fr')
    const rows = found(trial.sheets[0]?.tables[0], 'trial').rows
    const total = found(rows.at(-1), 'total')
    expect(minor(total.cells[2])).toBe(minor(total.cells[3]))
    expect(minor(total.cells[4])).toBe(minor(total.cells[5]))
    expect(minor(total.cells[6])).toBe(minor(total.cells[7]))
    const books = await deriveYear(file.db, YEAR, { today: TODAY, language: 'fr' })
    const movements = books.entries
      .filter((e) => e.origin.kind !== 'opening')
      .flatMap((e) => e.lines)
      .reduce((s, l) => s + l.debit, 0)
    expect(minor(total.cells[4])).toBe(movements)

    const ledger = await buildReport(
      session,
      { ...request('general-ledger', YEAR), from: `${YEAR}-03-01`, to: `${YEAR}-03-31` },
      'fr',
    )
    const lines = found(ledger.sheets[0]?.tables[0], 'ledger').rows
    const bank = lines.findIndex(
      (r) =>
        r.style === 'group' && r.cells[0]?.kind === 'text' && r.cells[0].text.startsWith('5121'),
    )
    expect(bank).toBeGreaterThanOrEqual(0)
    const dates = lines
      .filter((r) => r.style === 'item' && r.cells[1])
      .map((r) => (r.cells[0]?.kind === 'date' ? r.cells[0].iso : ''))
    expect(dates.every((d) => d >= `${YEAR}-03-01` && d <= `${YEAR}-03-31`)).toBe(true)
  })
})

describe('the entries for the accountant’s software', () => {
  it('follow each format’s documented columns', async () => {
    const options = { today: TODAY, language: 'fr' as const }
    const sage = (await exportEntries(file.db, YEAR, 'sage', options)).bytes
      .toString('latin1')
      .split('\r\n')
    expect(sage[0]).toBe(SAGE_COLUMNS.join(';'))
    expect(sage.slice(1, -1).every((l) => l.split(';').length === SAGE_COLUMNS.length)).toBe(true)
    expect(sage[1]).toMatch(/^AN;01\/01\/2024;AN000001;AN2024;/)
    const ebp = (await exportEntries(file.db, YEAR, 'ebp', options)).bytes
      .toString('latin1')
      .split('\r\n')
      .slice(0, -1)
    expect(
      ebp.every((l) =>
        /^\d+,\d{6},[A-Z0-9]+,\d{3}[0-9A-Z]*,,"[^"]*","[^"]*",\d+\.\d{2},[DC],\d{6},EUR$/.test(l),
      ),
    ).toBe(true)
    const cegid = (await exportEntries(file.db, YEAR, 'cegid', options)).bytes
      .toString('latin1')
      .split('\r\n')
      .slice(0, -1)
    expect(cegid.every((l) => l.split(';').length === 11 && /^\d{2}\/\d{2}\/2024;/.test(l))).toBe(
      true,
    )
    const quadra = (await exportEntries(file.db, YEAR, 'quadra', options)).bytes
    expect([...quadra].every((byte) => byte < 0x80)).toBe(true)
    const quadraLines = quadra.toString('ascii').split('\r\n').slice(0, -1)
    expect(new Set(quadraLines.map((l) => l.length))).toEqual(new Set([231]))
    expect(
      quadraLines.every((l) => l.startsWith('M') && /^[DC]\+\d{12}$/.test(l.slice(41, 55))),
    ).toBe(true)
    // The same amounts everywhere: the FEC's debits.
    const fec = await deriveYear(file.db, YEAR, options)
    const debits = fec.entries.flatMap((e) => e.lines).reduce((s, l) => s + l.debit, 0)
    const quadraDebits = quadraLines
      .filter((l) => l[41] === 'D')
      .reduce((s, l) => s + Number(l.slice(43, 55)), 0)
    expect(quadraDebits).toBe(debits)
  })
})
