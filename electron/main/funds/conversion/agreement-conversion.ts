import { sql } from 'kysely'
import type { DataFile } from '../../db/data-file'
import { AppFailure } from '../../failure'
import type {
  ConversionFallback,
  ConversionRule,
  ConversionSummary,
} from '@shared/funds/conversion-rule'
import type { CurrencyCode } from '@shared/money/currencies'
import type { RateText } from '@shared/money/exchange'
import {
  type ConvertedSpending,
  type ReceiptLot,
  type SpendingToConvert,
  convertByRule,
  differenceAgainstBank,
} from './convert-by-rule'

type Db = DataFile['db']

/** The agreement as a conversion needs it. */
export interface ConvertingAgreement {
  id: string
  currency: CurrencyCode
  conversionRule: ConversionRule
}

/**
 * An agreement's spending converted by its rule, with the receipts and InforEuro rates of the
 * file to `end`: the one place the donor report and the agreement page take them from.
 */
export async function convertAgreementSpending(
  db: Db,
  agreement: ConvertingAgreement,
  spending: readonly SpendingToConvert[],
  end: string,
): Promise<ConvertedSpending[]> {
  const receipts =
    agreement.conversionRule === 'receipts_average' || agreement.conversionRule === 'receipts_fifo'
      ? await receiptLots(db, agreement.id, end)
      : []
  const inforEuro =
    agreement.conversionRule === 'inforeuro_month'
      ? await inforEuroRates(db, [agreement.currency, ...spending.map((s) => s.paidCurrency)])
      : new Map<string, RateText>()
  return convertByRule(
    agreement.conversionRule,
    agreement.currency,
    spending,
    receipts,
    (currency, month) => inforEuro.get(`${currency}|${month}`) ?? null,
  )
}

/** The agreement's spending to a day at the bank's rates and by its rule (the agreement page). */
export async function conversionSummary(
  db: Db,
  agreementId: string,
  asOf: string,
): Promise<ConversionSummary> {
  const row = await db
    .selectFrom('agreements')
    .select(['id', 'currency', 'conversion_rule'])
    .where('id', '=', agreementId)
    .executeTakeFirst()
  if (!row) throw new AppFailure('NOT_FOUND')
  const agreement = {
    id: row.id,
    currency: row.currency as CurrencyCode,
    conversionRule: row.conversion_rule,
  }
  const spending = await spendingToConvert(db, agreementId, asOf)
  const converted = await convertAgreementSpending(db, agreement, spending, asOf)
  const spentAtBank = spending.reduce((sum, s) => sum + s.amount, 0)
  const difference = differenceAgainstBank(spending, converted)
  return {
    rule: agreement.conversionRule,
    spentAtBank,
    spentByRule: spentAtBank + difference,
    difference,
    fallbacks: distinctFallbacks(converted),
  }
}

/** Each missing rate or early spending once, in the order met. */
export function distinctFallbacks(converted: readonly ConvertedSpending[]): ConversionFallback[] {
  const seen = new Map<string, ConversionFallback>()
  for (const { fallback } of converted) {
    if (!fallback) continue
    seen.set(`${fallback.reason}|${fallback.currency}|${fallback.period}`, fallback)
  }
  return [...seen.values()]
}

/**
 * The agreement's spending entries to a day, netted of cancellations, with the currency each
 * was paid in: an expense's own, a tranche's project's (whose euros are what the ledger holds).
 */
export async function spendingToConvert(
  db: Db,
  agreementId: string,
  end: string,
): Promise<SpendingToConvert[]> {
  const rows = await sql<{
    entry_date: string
    amount_minor: number
    eur_minor: number
    currency: string
    paid_currency: string | null
    paid_amount: number | null
  }>`
    SELECT e.entry_date, e.amount_minor, e.eur_minor, e.currency,
      COALESCE(x.currency, p.currency) AS paid_currency,
      COALESCE(s.amount_minor, x.amount_minor) AS paid_amount
    ${spendingFrom(agreementId, end)}`.execute(db)
  return rows.rows.map((r) => spendingOfRow(r))
}

/**
 * The FROM and WHERE of an agreement's live spending entries, shared with the donor report. A
 * shared expense's entry is its share (`s`): what it incurred is the share's amount.
 */
export function spendingFrom(agreementId: string, end: string) {
  return sql`
    FROM ledger_entries e
      LEFT JOIN budget_expenses x ON e.source_table = 'budget_expenses' AND x.id = e.source_id
      LEFT JOIN expense_shares s ON e.use_table = 'expense_shares' AND s.id = e.use_id
      LEFT JOIN tranches tr ON e.source_table = 'tranches' AND tr.id = e.source_id
      LEFT JOIN projects p ON p.id = tr.project_id
    WHERE e.deleted_at IS NULL AND e.agreement_id = ${agreementId}
      AND e.kind IN ('disbursement', 'expense') AND e.entry_date <= ${end}
      AND e.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_id = e.id)
    ORDER BY e.entry_date, e.created_at`
}

/**
 * A ledger row as a spending to convert. A tranche's part has no amount of its own in the
 * project's currency: in the agreement's currency it is the ledger's amount, otherwise its
 * euros stand for it (exact for euros and francs CFA).
 */
export function spendingOfRow(r: {
  entry_date: string
  amount_minor: number
  eur_minor: number
  currency: string
  paid_currency: string | null
  paid_amount: number | null
}): SpendingToConvert {
  const currency = r.currency as CurrencyCode
  const paidCurrency = (r.paid_currency ?? currency) as CurrencyCode
  const paidAmount = r.paid_amount ?? (paidCurrency === currency ? r.amount_minor : r.eur_minor)
  return {
    entryDate: r.entry_date,
    amount: r.amount_minor,
    eur: r.eur_minor,
    // Without its own amount, a spending not in the agreement's currency is taken in euros.
    paidCurrency: r.paid_amount === null && paidCurrency !== currency ? 'EUR' : paidCurrency,
    paidAmount,
  }
}

/**
 * The funds actually converted: the funder's payments net of cancellations. A closing's refund
 * (agreement_closings) gives money back, it converts none: left out, so that closing an agreement
 * does not move the rate its spending was counted at (nor its frozen statement).
 */
async function receiptLots(db: Db, agreementId: string, end: string): Promise<ReceiptLot[]> {
  const rows = await sql<{ entry_date: string; amount_minor: number; eur_minor: number }>`
    SELECT e.entry_date, e.amount_minor, e.eur_minor FROM ledger_entries e
    WHERE e.deleted_at IS NULL AND e.kind = 'receipt' AND e.agreement_id = ${agreementId}
      AND e.entry_date <= ${end} AND e.reverses_id IS NULL
      AND e.source_table != 'agreement_closings'
      AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
    ORDER BY e.entry_date, e.created_at`.execute(db)
  return rows.rows.map((r) => ({
    receivedOn: r.entry_date,
    amount: r.amount_minor,
    eur: r.eur_minor,
  }))
}

/** The InforEuro rates of some currencies, by currency and month (the month's own rate). */
async function inforEuroRates(
  db: Db,
  currencies: readonly string[],
): Promise<Map<string, RateText>> {
  const rows = await db
    .selectFrom('exchange_rates')
    .select(['currency', 'rate_date', 'rate'])
    .where('series', '=', 'inforeuro')
    .where('deleted_at', 'is', null)
    .where('currency', 'in', [...new Set(currencies)])
    .orderBy('rate_date')
    .execute()
  return new Map(rows.map((r) => [`${r.currency}|${r.rate_date.slice(0, 7)}`, r.rate]))
}
