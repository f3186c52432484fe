import { sql } from 'kysely'
import type { DataFile } from '../../db/data-file'
import type { ConversionRule } from '@shared/funds/conversion-rule'
import type { CurrencyCode } from '@shared/money/currencies'
import { divideHalfUp } from '@shared/money/decimal'
import { convertAgreementSpending, spendingFrom, spendingOfRow } from './agreement-conversion'
import type { SpendingToConvert } from './convert-by-rule'

type Db = DataFile['db']

/** The latest day there is: every spending of an agreement, whatever its date. */
export const EVERY_DAY = '9999-12-31'

/** One spending of an agreement, as the ledger holds it and as its rule counts it. */
export interface RuleSpending {
  entryDate: string
  headingCode: string | null
  /** The ledger's source: an overhead posting is not a direct cost. */
  sourceTable: string
  /** The record that made the entry (an expense, a tranche, an overhead posting). */
  sourceId: string
  /** The nature the entry was charged as (operating or investment), when it says. */
  nature: string | null
  /** In the agreement's currency at the bank's rate of the day (the ledger's). */
  bankAmount: number
  /** In the agreement's currency by its rule (the donor report's). */
  amount: number
  /** Its euros at the bank's rate of the day (the ledger's). */
  bankEur: number
  /** Its euros by the rule: the bank's and the difference at the spending's own rate. */
  eur: number
}

/** An expense not yet in the ledger, to be counted with the others (a warning at entry). */
export interface SpendingToCome extends SpendingToConvert {
  headingCode: string | null
}

/**
 * The agreement's spending to `end` (net of cancellations), each converted by the agreement's
 * rule: what the +25 % heading test, the 70 % test, the overhead base and the closing statement
 * count, so that they agree to the cent with the donor report and the agreement page. An
 * expense about to be entered is converted after the others (its place in a FIFO over receipts).
 */
export async function spendingByRule(
  db: Db,
  agreement: { id: string; currency: CurrencyCode; conversionRule: ConversionRule },
  end: string,
  toCome: SpendingToCome | null = null,
): Promise<RuleSpending[]> {
  const rows = await sql<{
    entry_date: string
    heading_code: string | null
    source_table: string
    source_id: string
    nature: string | null
    amount_minor: number
    eur_minor: number
    currency: string
    paid_currency: string | null
    paid_amount: number | null
  }>`
    SELECT e.entry_date, e.heading_code, e.source_table, e.source_id, e.nature, e.amount_minor, e.eur_minor, e.currency,
      COALESCE(x.currency, p.currency) AS paid_currency,
      COALESCE(s.amount_minor, x.amount_minor) AS paid_amount
    ${spendingFrom(agreement.id, end)}`.execute(db)
  const spending = rows.rows.map((r) => ({
    ...spendingOfRow(r),
    headingCode: r.heading_code,
    sourceTable: r.source_table,
    sourceId: r.source_id,
    nature: r.nature,
  }))
  const all = toCome
    ? [...spending, { ...toCome, sourceTable: '', sourceId: '', nature: null }]
    : spending
  const converted = await convertAgreementSpending(db, agreement, all, end)
  return all.map((s, i) => {
    const amount = converted[i]?.amount ?? s.amount
    return {
      entryDate: s.entryDate,
      headingCode: s.headingCode,
      sourceTable: s.sourceTable,
      sourceId: s.sourceId,
      nature: s.nature,
      bankAmount: s.amount,
      amount,
      bankEur: s.eur,
      // The bank's euros and the difference's, as the agreement page adds them (rule-differences).
      eur: s.eur + euroAtOwnRate(amount - s.amount, s.eur, s.amount),
    }
  })
}

/** A part of a spending in euros at the spending's own rate (its euros over its amount). */
export function euroAtOwnRate(minor: number, eur: number, amount: number): number {
  if (minor === 0 || amount === 0) return 0
  return Number(divideHalfUp(BigInt(minor) * BigInt(eur), BigInt(amount)))
}

/** Spending added up: by the rule and at the bank, in the agreement's currency and in euros. */
export function totalOf(spending: readonly RuleSpending[]) {
  return spending.reduce(
    (sum, s) => ({
      amount: sum.amount + s.amount,
      bankAmount: sum.bankAmount + s.bankAmount,
      eur: sum.eur + s.eur,
      bankEur: sum.bankEur + s.bankEur,
    }),
    { amount: 0, bankAmount: 0, eur: 0, bankEur: 0 },
  )
}
