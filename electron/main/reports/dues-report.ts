import { arrearsByAge, duesCalls, duesSummary } from '../dues/dues-accounts'
import { countryName } from '@shared/geo/country-names'
import type { DuesCall } from '@shared/dues/schema'
import type { ReportDocument, ReportRow } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import {
  amount,
  percent,
  row,
  share,
  sums,
  text,
  withFormulas,
  year as yearCell,
} from './report-cells'

// Columns of the member table.
const CALLED = 2
const COLLECTED = 3
const REMAINING = 4
const AGES = [5, 6, 7, 8]
const ARREARS = 9
const WIDTH = 10

/**
 * The dues report for a year: each member's call and what it paid of it, its arrears by age on
 * the report's day, and the ten-year collection record.
 */
export async function duesReport(context: ReportContext, year: number): Promise<ReportDocument> {
  const { session, t, language } = context
  const db = session.file.db
  const asOf = context.today
  const calls = (await duesCalls(db)).filter((c) => c.status !== 'cancelled')
  const byMember = new Map<string, DuesCall[]>()
  for (const call of calls)
    byMember.set(call.memberId, [...(byMember.get(call.memberId) ?? []), call])
  const members = (await session.members.list()).filter((m) => byMember.has(m.id))
  members.sort((a, b) => a.name.localeCompare(b.name, language))
  const columns = [
    { label: t('reporting.col.member'), kind: 'text' as const, width: 34 },
    { label: t('reporting.col.country'), kind: 'text' as const, width: 16 },
    { label: t('reporting.dues.called', { year }), kind: 'money' as const, width: 14 },
    { label: t('reporting.dues.collected', { year }), kind: 'money' as const, width: 14 },
    { label: t('reporting.dues.remaining', { year }), kind: 'money' as const, width: 14 },
    { label: t('dues.summary.current'), kind: 'money' as const, width: 13 },
    { label: t('dues.summary.oneYear'), kind: 'money' as const, width: 13 },
    { label: t('dues.summary.twoYears'), kind: 'money' as const, width: 13 },
    { label: t('dues.summary.threeYearsOrMore'), kind: 'money' as const, width: 13 },
    { label: t('reporting.dues.arrearsTotal'), kind: 'money' as const, width: 14 },
  ]
  const rows: ReportRow[] = []
  for (const member of members) {
    const own = byMember.get(member.id) ?? []
    const ofYear = own.filter((c) => c.year === year)
    const called = ofYear.reduce((sum, c) => sum + c.eurAmount, 0)
    const collected = ofYear.reduce((sum, c) => sum + c.eurAmount - c.outstandingEur, 0)
    const ages = arrearsByAge(own, asOf)
    if (called === 0 && ages.total === 0) continue
    rows.push(
      row(
        [
          text(member.name),
          text(member.country ? countryName(member.country, language) : null),
          amount(called),
          amount(collected),
          amount(called - collected),
          amount(ages.current),
          amount(ages.oneYear),
          amount(ages.twoYears),
          amount(ages.threeYearsOrMore),
          amount(ages.total),
        ],
        'item',
        withFormulas(WIDTH, [
          [REMAINING, { op: 'subtract', a: CALLED, b: COLLECTED }],
          [ARREARS, { op: 'add', columns: AGES }],
        ]),
      ),
    )
  }
  const itemRows = rows.map((_, index) => index)
  const column = (index: number) =>
    rows.reduce((sum, r) => {
      const cell = r.cells[index]
      return sum + (cell?.kind === 'money' ? cell.minor : 0)
    }, 0)
  const moneyColumns = [CALLED, COLLECTED, REMAINING, ...AGES, ARREARS]
  rows.push(
    row(
      [text(t('reporting.total')), null, ...moneyColumns.map((c) => amount(column(c)))],
      'total',
      sums(WIDTH, moneyColumns, itemRows),
    ),
  )

  const summary = await duesSummary(db, year, asOf)
  const historyColumns = [
    { label: t('reporting.col.year'), kind: 'year' as const, width: 8 },
    { label: t('dues.summary.calledColumn'), kind: 'money' as const, width: 16 },
    { label: t('dues.summary.collectedColumn'), kind: 'money' as const, width: 16 },
    { label: t('dues.summary.rateColumn'), kind: 'percent' as const, width: 10 },
  ]
  const historyRows = summary.byYear.map((y) =>
    row(
      [
        yearCell(y.year),
        amount(y.calledEur),
        amount(y.collectedEur),
        // The exact share, as the cell's formula gives it (the summary's is rounded to 0.01 %).
        percent(share(y.collectedEur, y.calledEur)),
      ],
      'item',
      withFormulas(4, [[3, { op: 'ratio', a: 2, b: 1 }]]),
    ),
  )
  return {
    kind: 'dues',
    title: t('reporting.kind.dues'),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language,
    parameters: [
      { label: t('reporting.col.year'), value: String(year) },
      { label: t('reporting.param.asOf'), value: context.date(asOf) },
    ],
    sheets: [
      {
        name: t('reporting.sheet.byMember'),
        title: t('reporting.sheet.byMember'),
        tables: [{ columns, rows, notes: [t('reporting.dues.note')] }],
      },
      {
        name: t('reporting.sheet.tenYears'),
        title: t('reporting.sheet.tenYears'),
        tables: [
          {
            columns: historyColumns,
            rows: historyRows,
            notes: [
              t('reporting.dues.upToDate', {
                upToDate: summary.membersUpToDate,
                inArrears: summary.membersInArrears,
              }),
            ],
          },
        ],
      },
    ],
  }
}
