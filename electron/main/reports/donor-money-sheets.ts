import { sql } from 'kysely'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { prefinancingThreshold } from '@shared/plausibility/eu-rules'
import type { CurrencyCode } from '@shared/money/currencies'
import type { ReportColumn, ReportRow, ReportSheet } from '@shared/reports/model'
import { CLOSINGS } from '../closing/closing-statement'
import type { Spending } from './donor-spending'
import type { ReportContext } from './report-context'
import { amount, day, rate, row, sums, text } from './report-cells'

/** The amount committed as last amended, from the ledger's commitments. */
export function agreementAmount(agreement: AgreementDetail): number {
  return agreement.figures.committed
}

/** The receipts to the end of the period, and the balance held. */
export async function receiptsSheet(
  context: ReportContext,
  agreement: AgreementDetail,
  spending: Spending[],
  end: string,
): Promise<ReportSheet> {
  const { t } = context
  const currency = agreement.currency
  const receipts = await sql<{
    entry_date: string
    amount_minor: number
    eur_minor: number
    rate: string
    bank_reference: string | null
    source_table: string
  }>`
    SELECT e.entry_date, e.amount_minor, e.eur_minor, e.rate, r.bank_reference, e.source_table
    FROM ledger_entries e LEFT JOIN receipts r ON r.id = e.source_id
    WHERE e.deleted_at IS NULL AND e.kind = 'receipt' AND e.agreement_id = ${agreement.id}
      AND e.entry_date <= ${end} AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
    ORDER BY e.entry_date`.execute(context.session.file.db)
  const rows = receipts.rows.map((r) =>
    row([
      day(r.entry_date),
      // The closing's refund is a negative receipt: named, so that nobody takes it for an error.
      text(r.source_table === CLOSINGS ? t('closing.report.refundRow') : r.bank_reference),
      amount(r.amount_minor, currency),
      rate(r.rate),
      amount(r.eur_minor),
    ]),
  )
  const received = receipts.rows.reduce((sum, r) => sum + r.amount_minor, 0)
  const receivedEur = receipts.rows.reduce((sum, r) => sum + r.eur_minor, 0)
  const items = rows.map((_, i) => i)
  rows.push(
    row(
      [
        text(t('reporting.donor.received')),
        null,
        amount(received, currency),
        null,
        amount(receivedEur),
      ],
      'total',
      sums(5, [2, 4], items),
    ),
  )
  const spent = spending.filter((s) => s.entryDate <= end).reduce((sum, s) => sum + s.amount, 0)
  const committed = agreementAmount(agreement)
  const balanceRows = [
    row([text(t('reporting.donor.committed')), amount(committed, currency)]),
    row([text(t('reporting.donor.received')), amount(received, currency)]),
    row([text(t('reporting.donor.spent')), amount(spent, currency)]),
    row([text(t('reporting.donor.balanceHeld')), amount(received - spent, currency)], 'total', [
      null,
      { op: 'rowDifference', a: 1, b: 2 },
    ]),
    row(
      [text(t('reporting.donor.stillExpected')), amount(committed - received, currency)],
      'item',
      [null, { op: 'rowDifference', a: 0, b: 1 }],
    ),
  ]
  return {
    name: t('reporting.sheet.receipts'),
    title: t('reporting.sheet.receipts'),
    tables: [
      {
        columns: [
          { label: t('reporting.col.date'), kind: 'date', width: 12 },
          { label: t('reporting.col.bankReference'), kind: 'text', width: 22 },
          { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
          { label: t('reporting.col.rate'), kind: 'rate', width: 10 },
          { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
        ],
        rows,
      },
      {
        title: t('reporting.donor.balanceTitle', { date: context.date(end) }),
        columns: [
          { label: t('reporting.col.item'), kind: 'text', width: 36 },
          { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
        ],
        rows: balanceRows,
        // The EU's payment cycle: said for agreements following its rules only.
        notes: agreement.euRules
          ? nextPaymentTest(
              context,
              receipts.rows.filter((r) => r.source_table !== CLOSINGS),
              spent,
              currency,
            )
          : [],
      },
    ],
  }
}

/**
 * The EU's test before a further pre-financing is requested (PRAG general conditions): the
 * spending reaches 100 % of the earlier payments and 70 % of the last one. Said with its
 * figures, passed or not, once the funder has paid.
 */
function nextPaymentTest(
  context: ReportContext,
  receipts: readonly { amount_minor: number }[],
  spent: number,
  currency: CurrencyCode,
): string[] {
  const test = prefinancingThreshold(receipts.map((r) => r.amount_minor))
  if (!test) return []
  const { last, threshold } = test
  const show = (minor: number) => formatMoney(money(minor, currency), context.language)
  return [
    context.t(spent >= threshold ? 'reporting.donor.seventyMet' : 'reporting.donor.seventyNotMet', {
      spent: show(spent),
      threshold: show(threshold),
      last: show(last),
    }),
  ]
}

/**
 * Each spending of the period in the currency it was incurred, in the agreement's currency by
 * its rule at the rule's rate, and in euros; with a rule other than the bank's, the exchange
 * difference of each against the bank's amount.
 */
export function currencySheet(
  context: ReportContext,
  spending: Spending[],
  currency: CurrencyCode,
  withDifference: boolean,
): ReportSheet {
  const { t } = context
  const difference = (cells: ReportRow['cells'], minor: number) =>
    withDifference ? [...cells, amount(minor, currency)] : cells
  const rows = spending.map((s) =>
    row(
      difference(
        [
          day(s.entryDate),
          text(s.description),
          text(s.headingCode),
          amount(s.incurredAmount, s.incurredCurrency),
          text(s.incurredCurrency),
          amount(s.amount, currency),
          rate(s.rate),
          amount(s.eur),
        ],
        s.amount - s.bankAmount,
      ),
    ),
  )
  const items = rows.map((_, i) => i)
  const width = withDifference ? 9 : 8
  rows.push(
    row(
      difference(
        [
          text(t('reporting.total')),
          null,
          null,
          null,
          null,
          amount(
            spending.reduce((sum, s) => sum + s.amount, 0),
            currency,
          ),
          null,
          amount(spending.reduce((sum, s) => sum + s.eur, 0)),
        ],
        spending.reduce((sum, s) => sum + s.amount - s.bankAmount, 0),
      ),
      'total',
      sums(width, withDifference ? [5, 7, 8] : [5, 7], items),
    ),
  )
  const columns: ReportColumn[] = [
    { label: t('reporting.col.date'), kind: 'date', width: 11 },
    { label: t('reporting.col.description'), kind: 'text', width: 36 },
    { label: t('reporting.col.heading'), kind: 'text', width: 8 },
    { label: t('reporting.col.incurred'), kind: 'money', width: 16 },
    { label: t('reporting.col.currency'), kind: 'text', width: 7 },
    { label: t('reporting.col.amountIn', { currency }), kind: 'money', width: 16 },
    { label: t('reporting.col.rate'), kind: 'rate', width: 10 },
    { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
  ]
  if (withDifference)
    columns.push({ label: t('reporting.donor.exchangeDifference'), kind: 'money', width: 16 })
  return {
    name: t('reporting.sheet.currencies'),
    title: t('reporting.sheet.currencies'),
    tables: [{ columns, rows }],
  }
}
