import { sql } from 'kysely'
import {
  convertAgreementSpending,
  distinctFallbacks,
  spendingFrom,
  spendingOfRow,
} from '../funds/conversion/agreement-conversion'
import type { ConversionFallback } from '@shared/funds/conversion-rule'
import type { AgreementDetail } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import type { ReportContext } from './report-context'

/** One spending entry of the agreement (a tranche's part, an expense), with what it was. */
export interface Spending {
  entryDate: string
  kind: 'disbursement' | 'expense'
  headingCode: string | null
  /** In the agreement's currency, by the agreement's conversion rule. */
  amount: number
  /** In the agreement's currency at the bank's rate of the day: the ledger's amount. */
  bankAmount: number
  eur: number
  /** The rate printed beside it: the rule's, or the bank's of the day. */
  rate: string | null
  description: string
  incurredAmount: number
  incurredCurrency: CurrencyCode
  /** Overhead recovered by the untied fund (the agreement's indirect costs), not a direct cost. */
  overhead: boolean
}

/**
 * The agreement's spending entries to a day, netted of cancellations, with their origin,
 * converted by the agreement's rule; and what the rule could not convert.
 */
export async function spendingOf(
  context: ReportContext,
  agreement: AgreementDetail,
  end: string,
): Promise<{ spending: Spending[]; fallbacks: ConversionFallback[] }> {
  const db = context.session.file.db
  const rows = await sql<{
    entry_date: string
    kind: 'disbursement' | 'expense'
    heading_code: string | null
    amount_minor: number
    eur_minor: number
    rate: string
    expense_description: string | null
    expense_amount: number | null
    expense_currency: string | null
    project_code: string | null
    tranche_number: number | null
    currency: string
    paid_currency: string | null
    paid_amount: number | null
    source_table: string
  }>`
    SELECT e.source_table, e.entry_date, e.kind, e.heading_code, e.amount_minor, e.eur_minor, e.rate, e.currency,
      x.description AS expense_description,
      COALESCE(s.amount_minor, x.amount_minor) AS expense_amount,
      x.currency AS expense_currency, p.code AS project_code, tr.number AS tranche_number,
      COALESCE(x.currency, p.currency) AS paid_currency,
      COALESCE(s.amount_minor, x.amount_minor) AS paid_amount
    ${spendingFrom(agreement.id, end)}`.execute(db)
  const converted = await convertAgreementSpending(
    db,
    agreement,
    rows.rows.map((r) => spendingOfRow(r)),
    end,
  )
  const spending = rows.rows.map((r, i) => {
    const byRule = converted[i]
    return {
      entryDate: r.entry_date,
      kind: r.kind,
      headingCode: r.heading_code,
      amount: byRule?.amount ?? r.amount_minor,
      bankAmount: r.amount_minor,
      eur: r.eur_minor,
      rate: agreement.conversionRule === 'day_rate' ? r.rate : (byRule?.rate ?? null),
      overhead: r.source_table === 'overhead_recoveries',
      description:
        r.source_table === 'overhead_recoveries'
          ? context.t('overhead.reportLine')
          : r.kind === 'expense'
            ? (r.expense_description ?? '')
            : context.t('reporting.donor.tranche', {
                code: r.project_code ?? '',
                number: r.tranche_number ?? 0,
              }),
      incurredAmount:
        r.kind === 'expense' && r.expense_amount !== null ? r.expense_amount : r.amount_minor,
      incurredCurrency: (r.kind === 'expense' && r.expense_currency
        ? r.expense_currency
        : r.currency) as CurrencyCode,
    }
  })
  return { spending, fallbacks: distinctFallbacks(converted) }
}
