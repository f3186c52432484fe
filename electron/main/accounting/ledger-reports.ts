import type { ReportColumn, ReportDocument, ReportRow } from '@shared/reports/model'
import { amount, row, sums, text } from '../reports/report-cells'
import type { ReportContext } from '../reports/report-context'
import { accountClass } from '@shared/accounting/chart'
import type { BookEntry } from './book-entry'
import { type YearBooks, deriveYear } from './books'

const money = (label: string, width = 15): ReportColumn => ({ label, kind: 'money', width })
const words = (label: string, width: number): ReportColumn => ({ label, kind: 'text', width })

interface AccountTotals {
  account: string
  label: string
  opening: number
  debit: number
  credit: number
}

/** Each account's opening balance (the opening entry) and movements of the year. */
function accountTotals(books: YearBooks): AccountTotals[] {
  const accounts = new Map<string, AccountTotals>()
  for (const entry of books.entries) {
    for (const line of entry.lines) {
      const totals = accounts.get(line.account) ?? {
        account: line.account,
        label: line.accountLabel,
        opening: 0,
        debit: 0,
        credit: 0,
      }
      if (entry.origin.kind === 'opening') totals.opening += line.debit - line.credit
      else {
        totals.debit += line.debit
        totals.credit += line.credit
      }
      accounts.set(line.account, totals)
    }
  }
  return [...accounts.values()].sort((a, b) => a.account.localeCompare(b.account))
}

function statusOf(context: ReportContext, books: YearBooks): string {
  return books.provisional
    ? context.t('accounting.ledger.provisional')
    : context.t('accounting.ledger.closedNote', {
        date: context.date(books.closures.closedThrough),
      })
}

/**
 * The trial balance (balance générale) of a year: every account's opening balance, debits and
 * credits of the year and closing balance, by class, with live totals.
 */
export async function trialBalanceReport(
  context: ReportContext,
  year: number,
): Promise<ReportDocument> {
  const { t, session } = context
  const books = await deriveYear(session.file.db, year, {
    today: context.today,
    language: context.language,
  })
  const columns = [
    words(t('accounting.ledger.account'), 10),
    words(t('accounting.ledger.label'), 40),
    money(t('accounting.ledger.openingDebit')),
    money(t('accounting.ledger.openingCredit')),
    money(t('accounting.ledger.movementDebit')),
    money(t('accounting.ledger.movementCredit')),
    money(t('accounting.ledger.closingDebit')),
    money(t('accounting.ledger.closingCredit')),
  ]
  const moneyColumns = [2, 3, 4, 5, 6, 7]
  const rows: ReportRow[] = []
  const subtotals: number[] = []
  const all = accountTotals(books)
  const figures = (list: readonly AccountTotals[]) => {
    let openDebit = 0
    let openCredit = 0
    let debit = 0
    let credit = 0
    let closeDebit = 0
    let closeCredit = 0
    for (const a of list) {
      openDebit += Math.max(0, a.opening)
      openCredit += Math.max(0, -a.opening)
      debit += a.debit
      credit += a.credit
      const closing = a.opening + a.debit - a.credit
      closeDebit += Math.max(0, closing)
      closeCredit += Math.max(0, -closing)
    }
    return [openDebit, openCredit, debit, credit, closeDebit, closeCredit].map((v) => amount(v))
  }
  for (let accountClassNumber = 1; accountClassNumber <= 7; accountClassNumber += 1) {
    const list = all.filter((a) => accountClass(a.account) === accountClassNumber)
    if (list.length === 0) continue
    const first = rows.length
    for (const totals of list)
      rows.push(row([text(totals.account), text(totals.label), ...figures([totals])]))
    subtotals.push(rows.length)
    rows.push(
      row(
        [text(t('reporting.subtotal', { name: `${accountClassNumber}` })), null, ...figures(list)],
        'subtotal',
        sums(
          columns.length,
          moneyColumns,
          Array.from({ length: list.length }, (_, i) => first + i),
        ),
      ),
    )
  }
  rows.push(
    row(
      [text(t('reporting.total')), null, ...figures(all)],
      'total',
      sums(columns.length, moneyColumns, subtotals),
    ),
  )
  return {
    kind: 'trial-balance',
    title: t('accounting.ledger.trialTitle', { year }),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language: context.language,
    parameters: [
      { label: t('reporting.param.year'), value: String(year) },
      { label: t('accounting.tabs.periods'), value: statusOf(context, books) },
    ],
    sheets: [
      {
        name: t('reporting.kind.trial-balance').slice(0, 31),
        title: t('accounting.ledger.trialTitle', { year }),
        tables: [{ columns, rows }],
      },
    ],
  }
}

/**
 * The general ledger (grand livre) of a year, or of part of it: for each account, its opening
 * balance, then every line in order with the running balance, and its totals.
 */
export async function generalLedgerReport(
  context: ReportContext,
  year: number,
  from: string | null,
  to: string | null,
): Promise<ReportDocument> {
  const { t, session } = context
  const books = await deriveYear(session.file.db, year, {
    today: context.today,
    language: context.language,
  })
  const start = from && from > `${year}-01-01` ? from : `${year}-01-01`
  const end = to && to < `${year}-12-31` ? to : `${year}-12-31`
  const columns = [
    { label: t('accounting.ledger.date'), kind: 'date' as const, width: 11 },
    words(t('accounting.ledger.journal'), 7),
    { label: t('accounting.ledger.number'), kind: 'number' as const, width: 7 },
    words(t('accounting.ledger.piece'), 16),
    words(t('accounting.ledger.entryLabel'), 40),
    words(t('accounting.ledger.analytic'), 18),
    money(t('accounting.ledger.debit')),
    money(t('accounting.ledger.credit')),
    money(t('accounting.ledger.balance')),
  ]
  const byAccount = new Map<
    string,
    { label: string; lines: { entry: BookEntry; index: number }[] }
  >()
  for (const entry of books.entries) {
    for (const [index, line] of entry.lines.entries()) {
      const group = byAccount.get(line.account) ?? { label: line.accountLabel, lines: [] }
      group.lines.push({ entry, index })
      byAccount.set(line.account, group)
    }
  }
  const rows: ReportRow[] = []
  for (const [account, group] of [...byAccount].sort(([a], [b]) => a.localeCompare(b))) {
    const before = group.lines.filter(({ entry }) => entry.date < start)
    const within = group.lines.filter(({ entry }) => entry.date >= start && entry.date <= end)
    if (within.length === 0 && before.length === 0) continue
    rows.push(
      row([text(`${account} – ${group.label}`), ...Array(columns.length - 1).fill(null)], 'group'),
    )
    let balance = before.reduce((sum, { entry, index }) => {
      const line = entry.lines[index]
      return sum + (line ? line.debit - line.credit : 0)
    }, 0)
    const first = rows.length
    if (before.length > 0) {
      rows.push(
        row([
          { kind: 'date', iso: start },
          null,
          null,
          null,
          text(t('accounting.label.opening', { year })),
          null,
          amount(Math.max(0, balance)),
          amount(Math.max(0, -balance)),
          amount(balance),
        ]),
      )
    }
    for (const { entry, index } of within) {
      const line = entry.lines[index]
      if (!line) continue
      balance += line.debit - line.credit
      rows.push(
        row([
          { kind: 'date', iso: entry.date },
          text(entry.journal.code),
          { kind: 'number', value: entry.number },
          text(entry.pieceRef),
          text(line.label),
          text([line.agreement, line.project, line.auxiliary?.code].filter(Boolean).join(' ')),
          amount(line.debit),
          amount(line.credit),
          amount(balance),
        ]),
      )
    }
    const debit = rows
      .slice(first)
      .reduce((s, r) => s + (r.cells[6]?.kind === 'money' ? r.cells[6].minor : 0), 0)
    const credit = rows
      .slice(first)
      .reduce((s, r) => s + (r.cells[7]?.kind === 'money' ? r.cells[7].minor : 0), 0)
    rows.push(
      row(
        [
          text(t('accounting.ledger.totalAccount', { account })),
          ...Array(5).fill(null),
          amount(debit),
          amount(credit),
          amount(balance),
        ],
        'subtotal',
        sums(
          columns.length,
          [6, 7],
          Array.from({ length: rows.length - first }, (_, i) => first + i),
        ),
      ),
    )
  }
  return {
    kind: 'general-ledger',
    title: t('accounting.ledger.generalTitle', { year }),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language: context.language,
    parameters: [
      {
        label: t('reporting.param.period'),
        value: `${context.date(start)} – ${context.date(end)}`,
      },
      { label: t('accounting.tabs.periods'), value: statusOf(context, books) },
    ],
    sheets: [
      {
        name: t('reporting.kind.general-ledger').slice(0, 31),
        title: t('accounting.ledger.generalTitle', { year }),
        tables: [{ columns, rows }],
      },
    ],
  }
}
