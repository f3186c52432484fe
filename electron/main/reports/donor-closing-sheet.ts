import { sql } from 'kysely'
import { CLOSINGS, closingStatement } from '../closing/closing-statement'
import type { ClosingStatement } from '@shared/closing/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import type { ReportRow, ReportSheet, ReportTable } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { recordName } from '@shared/history/record-name'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { amount, day, rate, row, sums, text } from './report-cells'

// Rows of the statement table, by position (the formulas refer to them).
const ELIGIBLE = 1
const CASH = 3
const FINAL_DUE = 6
const RECEIVED = 7

/**
 * The agreement's closing statement as the closing tab shows it (the same figures, read by the
 * same function): frozen at its closing, or provisional as it would be if closed today. Then
 * the refund as the ledger holds it (its date, amount, rate and euro value), and the
 * co-financing declared, the in-kind part kept out of the eligible costs.
 */
export async function closingSheet(
  context: ReportContext,
  agreementId: string,
): Promise<ReportSheet> {
  const { t } = context
  const statement = await closingStatement(context.session.file.db, agreementId)
  const closing = statement.closing
  const title = closing
    ? t('closing.report.titleClosed', { date: context.date(closing.closedOn) })
    : t('closing.report.titleProvisional', { date: context.date(context.today) })
  const tables: ReportTable[] = [statementTable(context, statement, title)]
  if (statement.ineligible.length > 0) tables.push(ineligibleTable(context, statement))
  if (closing) tables.push(await refundTable(context, statement, closing.id))
  if (statement.contributions.length > 0) tables.push(contributionsTable(context, statement))
  return { name: t('closing.report.sheet'), title, tables }
}

function statementTable(context: ReportContext, s: ClosingStatement, title: string): ReportTable {
  const { t, language } = context
  const money = (minor: number) => amount(minor, s.currency)
  const share =
    s.funderShareBp === null
      ? t('closing.funderShareAll')
      : t('closing.funderShare', { rate: formatBasisPoints(s.funderShareBp, language) })
  const line = (label: string, minor: number, style: ReportRow['style'] = 'item') =>
    row([text(label), money(minor)], style)
  const rows: ReportRow[] = [
    line(t('closing.ceiling'), s.ceiling),
    line(t('closing.eligibleSpending'), s.eligibleSpending),
    line(t('closing.ineligibleSpending'), s.ineligibleSpending),
    line(t('closing.cashCofinancing'), s.cashCofinancing),
    // The eligible costs add the two rows of costs the action bore within its period.
    row([text(t('closing.totalEligible')), money(s.totalEligible)], 'subtotal', [
      null,
      { op: 'sum', rows: [ELIGIBLE, CASH] },
    ]),
    line(share, s.funderShare),
    line(t('closing.finalDue'), s.finalDue, 'total'),
    line(t('closing.received'), s.received),
    // One of the two balances is zero: the other is what was received less the amount due.
    line(t('closing.refund'), s.refund, s.refund > 0 ? 'total' : 'item'),
    line(t('closing.stillToReceive'), s.stillToReceive, s.stillToReceive > 0 ? 'total' : 'item'),
    line(t('closing.inKind'), s.inKind),
  ]
  // The eligible spending is the funder's rule's (a closing's, the rule it was counted by): its
  // difference to the bank, on its own line.
  const countedBy = s.closing?.conversionRule ?? s.conversionRule
  if (countedBy !== 'day_rate')
    rows.push(line(t('closing.exchangeDifference'), s.exchangeDifference))
  const balance = s.refund > 0 ? 8 : 9
  const target = rows[balance]
  if (target && (s.refund > 0 || s.stillToReceive > 0)) {
    target.formulas = [
      null,
      s.refund > 0
        ? { op: 'rowDifference', a: RECEIVED, b: FINAL_DUE }
        : { op: 'rowDifference', a: FINAL_DUE, b: RECEIVED },
    ]
  }
  const notes = [
    s.closing ? t('closing.closedOn', { date: context.date(s.closing.closedOn) }) : '',
    s.closing ? t('closing.closedRule', { rule: t(`conversion.rule.${countedBy}`) }) : '',
    s.closing && countedBy !== s.conversionRule
      ? t('closing.ruleChangedSince', { rule: t(`conversion.rule.${s.conversionRule}`) })
      : '',
    s.closing ? '' : t('closing.openStatement'),
    t('closing.report.period', {
      from: context.date(s.startsOn),
      to: context.date(s.endsOn),
    }),
    t('closing.report.inKindApart'),
  ].filter((note) => note !== '')
  return {
    title,
    columns: [
      { label: t('reporting.col.item'), kind: 'text', width: 52 },
      { label: t('reporting.col.amountIn', { currency: s.currency }), kind: 'money', width: 18 },
    ],
    rows,
    notes,
  }
}

/**
 * The spending the closing does not count, each with its reason, as the closing tab lists it;
 * its total is the statement's ineligible spending, and with the eligible the rule's spending.
 */
function ineligibleTable(context: ReportContext, s: ClosingStatement): ReportTable {
  const { t, language } = context
  const rows = s.ineligible.map((item) =>
    row([
      day(item.date),
      text(item.description ?? recordName(item.sourceTable, {}, language)),
      text(item.headingCode),
      text(t(`closing.ineligibleReason.${item.reason}`, { heading: item.headingCode ?? '—' })),
      amount(item.amount, s.currency),
    ]),
  )
  const listed = rows.map((_, index) => index)
  rows.push(
    row(
      [
        text(t('closing.report.ineligibleTotal')),
        null,
        null,
        null,
        amount(s.ineligibleSpending, s.currency),
      ],
      'total',
      sums(5, [4], listed),
    ),
  )
  const show = (minor: number) => formatMoney(money(minor, s.currency), language)
  return {
    title: t('closing.ineligibleList'),
    columns: [
      { label: t('reporting.col.date'), kind: 'date', width: 12 },
      { label: t('reporting.col.item'), kind: 'text', width: 30 },
      { label: t('closing.report.heading'), kind: 'text', width: 10 },
      { label: t('closing.report.reason'), kind: 'text', width: 30 },
      { label: t('reporting.col.amountIn', { currency: s.currency }), kind: 'money', width: 16 },
    ],
    rows,
    notes: [
      t('closing.report.ineligibleNote', {
        eligible: show(s.eligibleSpending),
        ineligible: show(s.ineligibleSpending),
        total: show(s.eligibleSpending + s.ineligibleSpending),
      }),
    ],
  }
}

/** The refund as the ledger holds it, and what the funder paid net of it. */
async function refundTable(
  context: ReportContext,
  s: ClosingStatement,
  closingId: string,
): Promise<ReportTable> {
  const { t } = context
  const entries = await sql<{
    entry_date: string
    amount_minor: number
    eur_minor: number
    rate: string
  }>`
    SELECT entry_date, amount_minor, eur_minor, rate FROM ledger_entries
    WHERE deleted_at IS NULL AND source_table = ${CLOSINGS} AND source_id = ${closingId}
      AND reverses_id IS NULL
    ORDER BY entry_date`.execute(context.session.file.db)
  const rows = entries.rows.map((e) =>
    row([
      day(e.entry_date),
      text(t('closing.report.refundRow')),
      amount(-e.amount_minor, s.currency),
      rate(e.rate),
      amount(-e.eur_minor),
    ]),
  )
  const booked = entries.rows.reduce((sum, e) => sum - e.amount_minor, 0)
  rows.push(
    row([
      null,
      text(t('closing.report.netReceived')),
      amount(s.received - booked, s.currency),
      null,
      null,
    ]),
  )
  return {
    title: t('closing.report.refundTitle'),
    columns: [
      { label: t('reporting.col.date'), kind: 'date', width: 12 },
      { label: t('reporting.col.item'), kind: 'text', width: 34 },
      { label: t('reporting.col.amountIn', { currency: s.currency }), kind: 'money', width: 16 },
      { label: t('reporting.col.rate'), kind: 'rate', width: 10 },
      { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
    ],
    rows,
    notes: entries.rows.length === 0 ? [t('closing.report.noRefund')] : [],
  }
}

/** The co-financing declared: each contribution, cash or in kind. */
function contributionsTable(context: ReportContext, s: ClosingStatement): ReportTable {
  const { t } = context
  return {
    title: t('closing.contributions'),
    columns: [
      { label: t('closing.contributedOn'), kind: 'date', width: 12 },
      { label: t('closing.kind'), kind: 'text', width: 12 },
      { label: t('closing.contributor'), kind: 'text', width: 24 },
      { label: t('closing.description'), kind: 'text', width: 30 },
      { label: t('reporting.col.amountIn', { currency: s.currency }), kind: 'money', width: 16 },
    ],
    rows: s.contributions.map((c) =>
      row([
        day(c.contributedOn),
        text(t(`closing.kinds.${c.kind}`)),
        text(c.contributor),
        text(c.description),
        amount(c.amount, c.currency),
      ]),
    ),
  }
}
