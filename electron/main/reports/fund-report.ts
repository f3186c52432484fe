import { sql } from 'kysely'
import { agreementFigures, emptyFigures, figuresFromSums } from '../funds/ledger'
import type { LedgerKind } from '../db/schema'
import type { FundClass, FundFigures } from '@shared/funds/schema'
import type { ReportDocument, ReportRow } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import {
  differenceBetween,
  figuresByRule,
  ruleDifferences,
} from '../funds/conversion/rule-differences'
import { amount, percent, row, share, sums, text, withFormulas } from './report-cells'

const FIGURES = ['committed', 'received', 'allocated', 'spent', 'available', 'unallocated'] as const

/**
 * The fund position (situation des fonds) at a day: every agreement's committed, received,
 * allocated, spent, available and unallocated money in euros, by class of funds, with the
 * untied income that has no agreement (dues, other income) and the untied share.
 */
export async function fundReport(context: ReportContext, asOf: string): Promise<ReportDocument> {
  const { session, t } = context
  const agreements = await session.agreements.list()
  const figures = await agreementFigures(session.file.db, asOf)
  const differences = await ruleDifferences(session.file.db, asOf)
  const columns = [
    { label: t('reporting.col.reference'), kind: 'text' as const, width: 20 },
    { label: t('reporting.col.funder'), kind: 'text' as const, width: 28 },
    { label: t('reporting.col.currency'), kind: 'text' as const, width: 8 },
    ...FIGURES.map((key) => ({
      label: t(`agreements.figure.${key}`),
      kind: 'money' as const,
      width: 15,
    })),
  ]
  const width = columns.length
  const money = (f: FundFigures) => FIGURES.map((key) => amount(f[key]))
  const moneyColumns = FIGURES.map((_, index) => index + 3)
  const rows: ReportRow[] = []
  const subtotalRows: number[] = []
  const classTotals: Record<FundClass, FundFigures> = {
    tied: emptyFigures(),
    untied: emptyFigures(),
  }
  for (const fundClass of ['tied', 'untied'] as const) {
    rows.push(
      row([text(t(`agreements.fundClass.${fundClass}`)), ...Array(width - 1).fill(null)], 'group'),
    )
    const first = rows.length
    for (const agreement of agreements.filter(
      (a) => a.fundClass === fundClass && (figures.has(a.id) || a.startsOn <= asOf),
    )) {
      // Each agreement as its conversion rule counts its spending.
      const eur = figuresByRule(
        figures.get(agreement.id)?.eur ?? emptyFigures(),
        differenceBetween(differences.get(agreement.id), '0000-01-01', asOf).eur,
      )
      rows.push(
        row([
          text(agreement.reference),
          text(agreement.funderName),
          text(agreement.currency),
          ...money(eur),
        ]),
      )
      add(classTotals[fundClass], eur)
    }
    if (fundClass === 'untied') {
      for (const [key, kinds] of [
        ['reporting.fund.dues', ['due_payment']],
        ['reporting.fund.otherIncome', ['other_income']],
        ['reporting.fund.untiedFund', ['allocation', 'disbursement', 'expense']],
      ] as const) {
        const unattached = await unattachedFigures(context, asOf, kinds)
        rows.push(row([text(t(key)), null, text('EUR'), ...money(unattached)]))
        add(classTotals.untied, unattached)
      }
    }
    // The rules' exchange difference on its own line: with it, the class's total is the ledger's.
    const difference = agreements
      .filter((a) => a.fundClass === fundClass)
      .reduce((sum, a) => sum + differenceBetween(differences.get(a.id), '0000-01-01', asOf).eur, 0)
    if (difference !== 0) {
      const line = { ...emptyFigures(), spent: -difference, available: difference }
      rows.push(row([text(t('conversion.fundLine')), null, text('EUR'), ...money(line)]))
      add(classTotals[fundClass], line)
    }
    const items = Array.from({ length: rows.length - first }, (_, i) => first + i)
    subtotalRows.push(rows.length)
    rows.push(
      row(
        [
          text(t('reporting.subtotal', { name: t(`agreements.fundClass.${fundClass}`) })),
          null,
          null,
          ...money(classTotals[fundClass]),
        ],
        'subtotal',
        sums(width, moneyColumns, items),
      ),
    )
  }
  const total = emptyFigures()
  add(total, classTotals.tied)
  add(total, classTotals.untied)
  rows.push(
    row(
      [text(t('reporting.total')), null, null, ...money(total)],
      'total',
      sums(width, moneyColumns, subtotalRows),
    ),
  )

  const shareColumns = [
    { label: t('reporting.col.item'), kind: 'text' as const, width: 40 },
    { label: t('agreements.figure.received'), kind: 'money' as const, width: 16 },
    { label: t('reporting.col.share'), kind: 'percent' as const, width: 10 },
  ]
  const received = (c: FundClass) => classTotals[c].received
  const shareRows = [
    row([
      text(t('agreements.fundClass.untied')),
      amount(received('untied')),
      percent(share(received('untied'), total.received)),
    ]),
    row([
      text(t('agreements.fundClass.tied')),
      amount(received('tied')),
      percent(share(received('tied'), total.received)),
    ]),
    row(
      [
        text(t('reporting.total')),
        amount(total.received),
        percent(share(total.received, total.received)),
      ],
      'total',
      withFormulas(3, [[1, { op: 'sum', rows: [0, 1] }]]),
    ),
  ]
  return {
    kind: 'fund',
    title: t('reporting.kind.fund'),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language: context.language,
    parameters: [{ label: t('reporting.param.asOf'), value: context.date(asOf) }],
    sheets: [
      {
        name: t('reporting.sheet.position'),
        title: t('reporting.kind.fund'),
        tables: [{ columns, rows, notes: [t('reporting.fund.note')] }],
      },
      {
        name: t('reporting.sheet.untiedShare'),
        title: t('reporting.sheet.untiedShare'),
        tables: [{ columns: shareColumns, rows: shareRows }],
      },
    ],
  }
}

function add(target: FundFigures, more: FundFigures): void {
  for (const key of Object.keys(target) as (keyof FundFigures)[]) target[key] += more[key]
}

/** Untied money that no agreement carries: dues, other income, the untied fund's uses. */
async function unattachedFigures(
  context: ReportContext,
  asOf: string,
  kinds: readonly LedgerKind[],
): Promise<FundFigures> {
  const rows = await sql<{ kind: LedgerKind; eur: number }>`
    SELECT kind, SUM(eur_minor) AS eur FROM ledger_entries
    WHERE deleted_at IS NULL AND agreement_id IS NULL AND entry_date <= ${asOf}
      AND kind IN (${sql.join([...kinds])})
    GROUP BY kind`.execute(context.session.file.db)
  return figuresFromSums(Object.fromEntries(rows.rows.map((r) => [r.kind, Number(r.eur)])))
}
