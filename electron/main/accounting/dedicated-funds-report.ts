import type { ReportColumn, ReportDocument, ReportRow } from '@shared/reports/model'
import { amount, row, sums, text } from '../reports/report-cells'
import type { ReportContext } from '../reports/report-context'
import { booksContext, deriveYear } from './books'
import type { AgreementYear } from './agreement-year'
import { yearEndLines } from './year-end-entries'

const money = (label: string, width = 15): ReportColumn => ({ label, kind: 'money', width })
const words = (label: string, width: number): ReportColumn => ({ label, kind: 'text', width })

/**
 * « Fonds dédiés » of a year, from the ledger: the table of the notes to the annual accounts
 * (dedicated funds at the start, used, carried, at the end, for each tied agreement), each
 * agreement's year in detail (notified, received, share of future years, used by nature) and
 * the year-end entries (689/789 against 19x, 74x against 487).
 */
export async function dedicatedFundsReport(
  context: ReportContext,
  year: number,
): Promise<ReportDocument> {
  const { t, session } = context
  const db = session.file.db
  const options = { today: context.today, language: context.language }
  const books = booksContext(db, year, options)
  const shared = await books
  const derived = await deriveYear(db, year, options, shared)
  const years = derived.agreementYears
    .filter((y) => y.fundClass === 'tied' || hasFigures(y))
    .sort((a, b) => a.reference.localeCompare(b.reference))

  const annexColumns = [
    words(t('accounting.dedicated.reference'), 22),
    words(t('accounting.dedicated.funder'), 28),
    money(t('accounting.dedicated.atStart')),
    money(t('accounting.dedicated.used')),
    money(t('accounting.dedicated.added')),
    money(t('accounting.dedicated.atEnd')),
    words(t('accounting.dedicated.idle'), 12),
  ]
  const annexRows: ReportRow[] = []
  const tied = years.filter(
    (y) =>
      y.fundClass === 'tied' &&
      (y.dedicatedStart !== 0 ||
        y.dedicatedEnd !== 0 ||
        y.dedicatedUsed !== 0 ||
        y.dedicatedAdded !== 0),
  )
  const byAccount = new Map<string, AgreementYear[]>()
  for (const item of tied) {
    const account = shared
      .at(`${year}-12-31`)
      .plan.account(
        'dedicated.fund',
        { fundClass: 'tied', nature: null, funderKind: item.funderKind as never, budgetLine: null },
        `${year}-12-31`,
      )
    byAccount.set(account, [...(byAccount.get(account) ?? []), item])
  }
  const moneyColumns = [2, 3, 4, 5]
  const subtotals: number[] = []
  for (const [account, list] of [...byAccount].sort(([a], [b]) => a.localeCompare(b))) {
    annexRows.push(
      row(
        [
          text(
            account === '194'
              ? t('accounting.dedicated.group.194')
              : t('accounting.dedicated.group.other', { account }),
          ),
          ...Array(annexColumns.length - 1).fill(null),
        ],
        'group',
      ),
    )
    const first = annexRows.length
    for (const item of list) {
      annexRows.push(
        row([
          text(item.reference),
          text(item.funderName),
          amount(item.dedicatedStart),
          amount(item.dedicatedUsed),
          amount(item.dedicatedAdded),
          amount(item.dedicatedEnd),
          text(t(item.idle ? 'accounting.dedicated.yes' : 'accounting.dedicated.no')),
        ]),
      )
    }
    const rows = Array.from({ length: annexRows.length - first }, (_, i) => first + i)
    subtotals.push(annexRows.length)
    annexRows.push(
      row(
        [
          text(t('reporting.subtotal', { name: account })),
          null,
          ...totals(list, ['dedicatedStart', 'dedicatedUsed', 'dedicatedAdded', 'dedicatedEnd']),
          null,
        ],
        'subtotal',
        sums(annexColumns.length, moneyColumns, rows),
      ),
    )
  }
  annexRows.push(
    row(
      [
        text(t('reporting.total')),
        null,
        ...totals(tied, ['dedicatedStart', 'dedicatedUsed', 'dedicatedAdded', 'dedicatedEnd']),
        null,
      ],
      'total',
      sums(annexColumns.length, moneyColumns, subtotals),
    ),
  )

  const detailColumns = [
    words(t('accounting.dedicated.reference'), 22),
    words(t('accounting.dedicated.funder'), 24),
    words(t('accounting.condition.fundClass'), 10),
    money(t('accounting.dedicated.committed')),
    money(t('accounting.dedicated.received')),
    money(t('accounting.dedicated.futureStart')),
    money(t('accounting.dedicated.futureEnd')),
    money(t('accounting.dedicated.income')),
    money(t('accounting.dedicated.usedOperating')),
    money(t('accounting.dedicated.usedInvestment')),
    money(t('accounting.dedicated.usedTotal')),
    money(t('accounting.dedicated.atStart')),
    money(t('accounting.dedicated.used')),
    money(t('accounting.dedicated.added')),
    money(t('accounting.dedicated.atEnd')),
  ]
  const detailRows: ReportRow[] = years.map((item) => {
    const used = item.used.operating + item.used.investment
    return row(
      [
        text(item.reference),
        text(item.funderName),
        text(t(`agreements.fundClass.${item.fundClass}`)),
        amount(item.committed.operating + item.committed.investment),
        amount(item.received),
        amount(item.futureStart.operating + item.futureStart.investment),
        amount(item.futureEnd.operating + item.futureEnd.investment),
        amount(item.income),
        amount(item.used.operating),
        amount(item.used.investment),
        amount(used),
        amount(item.dedicatedStart),
        amount(item.dedicatedUsed),
        amount(item.dedicatedAdded),
        amount(item.dedicatedEnd),
      ],
      'item',
      Array.from({ length: detailColumns.length }, (_, column) =>
        column === 10 ? { op: 'add' as const, columns: [8, 9] } : null,
      ),
    )
  })
  const detailMoney = Array.from({ length: 12 }, (_, i) => i + 3)
  const detailCells = (index: number) =>
    detailRows.reduce((sum, r) => {
      const cell = r.cells[index]
      return sum + (cell?.kind === 'money' ? cell.minor : 0)
    }, 0)
  detailRows.push(
    row(
      [
        text(t('reporting.total')),
        null,
        null,
        ...detailMoney.map((index) => amount(detailCells(index))),
      ],
      'total',
      sums(
        detailColumns.length,
        detailMoney,
        detailRows.map((_, i) => i),
      ),
    ),
  )

  const entryColumns = [
    { label: t('accounting.dedicated.entryDate'), kind: 'date' as const, width: 11 },
    words(t('accounting.dedicated.journal'), 8),
    words(t('accounting.dedicated.account'), 9),
    words(t('accounting.ledger.label'), 30),
    words(t('accounting.dedicated.label'), 36),
    money(t('accounting.ledger.debit')),
    money(t('accounting.ledger.credit')),
  ]
  const entryRows: ReportRow[] = []
  const day = `${year}-12-31`
  const { plan } = shared.at(day)
  for (const item of years) {
    const { lines, kinds } = yearEndLines(item, shared)
    for (const [index, line] of lines.entries()) {
      entryRows.push(
        row([
          { kind: 'date', iso: day },
          text(plan.general.code),
          text(line.account),
          text(plan.accountLabel(line.account)),
          text(t(`accounting.label.${kinds[index] ?? 'deferred'}`, { reference: item.reference })),
          amount(line.eur > 0 ? line.eur : 0),
          amount(line.eur < 0 ? -line.eur : 0),
        ]),
      )
    }
  }
  const entryTotal = (column: 5 | 6) =>
    entryRows.reduce((sum, r) => {
      const cell = r.cells[column]
      return sum + (cell?.kind === 'money' ? cell.minor : 0)
    }, 0)
  entryRows.push(
    row(
      [
        text(t('reporting.total')),
        null,
        null,
        null,
        null,
        amount(entryTotal(5)),
        amount(entryTotal(6)),
      ],
      'total',
      sums(
        entryColumns.length,
        [5, 6],
        entryRows.map((_, i) => i),
      ),
    ),
  )

  const closed = derived.provisional
    ? t('accounting.ledger.provisional')
    : t('accounting.ledger.closedNote', { date: context.date(derived.closures.closedThrough) })
  return {
    kind: 'dedicated-funds',
    title: t('accounting.dedicated.title', { year }),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language: context.language,
    parameters: [
      { label: t('reporting.param.year'), value: String(year) },
      { label: t('accounting.tabs.periods'), value: closed },
    ],
    sheets: [
      {
        name: t('accounting.dedicated.annex').slice(0, 31),
        title: t('accounting.dedicated.annex'),
        tables: [
          {
            columns: annexColumns,
            rows: annexRows,
            notes: [t('accounting.dedicated.notes.method')],
          },
        ],
      },
      {
        name: t('accounting.dedicated.detail').slice(0, 31),
        title: t('accounting.dedicated.detail'),
        tables: [
          {
            columns: detailColumns,
            rows: detailRows,
            notes: [t('accounting.dedicated.notes.future')],
          },
        ],
      },
      {
        name: t('accounting.dedicated.closing').slice(0, 31),
        title: t('accounting.dedicated.closing'),
        tables: [{ columns: entryColumns, rows: entryRows }],
      },
    ],
  }
}

function hasFigures(item: AgreementYear): boolean {
  return (
    item.committed.operating + item.committed.investment !== 0 ||
    item.received !== 0 ||
    item.used.operating + item.used.investment !== 0 ||
    item.futureStart.operating + item.futureStart.investment !== 0 ||
    item.futureEnd.operating + item.futureEnd.investment !== 0
  )
}

function totals(
  list: readonly AgreementYear[],
  keys: readonly ('dedicatedStart' | 'dedicatedUsed' | 'dedicatedAdded' | 'dedicatedEnd')[],
) {
  return keys.map((key) => amount(list.reduce((sum, item) => sum + item[key], 0)))
}
