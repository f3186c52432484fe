import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { RecordValues } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import { fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import type { LedgerEntryInput } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import { assertAgreementPays, type ExpenseContext } from './expense-context'
import {
  amountsOfPercents,
  type expenseSharesInput,
  FULL_PERCENT_BP,
  parseSharePercent,
} from '@shared/budget/cost-sharing'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { allocate } from '@shared/money/split'

type SharesFields = z.output<typeof expenseSharesInput>

/** What the expense is, once read: its line's nature, its amount, its euros and rate. */
export interface ExpenseBasis {
  spentOn: string
  nature: 'operating' | 'investment'
  amount: Money
  eur: Money
  rate: string
  bankAccountId: string | null | undefined
}

/** A share checked: its record (but for the expense it belongs to) and its ledger entry. */
export interface PreparedShare {
  values: RecordValues
  entry: Omit<LedgerEntryInput, 'source' | 'use'>
}

/**
 * Checks each share of a shared expense as the expense form checks its one paying fund — the
 * agreement exists and is open, covers the day, pays the line's nature, has the heading and
 * the free money — naming the share's row on refusal (`shares.rows.1.headingCode`), and says what
 * each writes: a share record and one ledger entry of its fund. The shares add up exactly to
 * the expense, in its currency and in euros (shared/budget/cost-sharing.ts says how).
 */
export async function prepareShares(
  context: ExpenseContext,
  rates: ExchangeRatesService,
  shares: SharesFields,
  basis: ExpenseBasis,
): Promise<PreparedShare[]> {
  const rows = shares.rows
  if (rows.length < 2) throw fieldFailure('VALIDATION', 'shares.rows', 'costSharing.tooFew')
  const seen = new Set<string>()
  for (const [index, row] of rows.entries()) {
    const key = `${row.agreementId ?? ''}|${row.headingCode ?? ''}`
    if (seen.has(key)) {
      throw fieldFailure('VALIDATION', fieldOf(index, 'headingCode'), 'costSharing.duplicate')
    }
    seen.add(key)
  }
  const { amounts, percents } = amountsOf(shares, basis.amount)
  const eurs = allocate(
    basis.eur,
    amounts.map((a) => a.minor),
  )
  const prepared: PreparedShare[] = []
  for (const [index, row] of rows.entries()) {
    const amount = amounts[index] ?? money(0, basis.amount.currency)
    const eur = eurs[index] ?? money(0, 'EUR')
    const moneyField = fieldOf(index, shares.mode)
    const paid = row.agreementId
      ? await agreementShare(context, rates, basis, row, index, amount, eur, moneyField)
      : await untiedShare(context, row.headingCode, index, eur, moneyField)
    prepared.push({
      values: {
        position: index,
        agreement_id: row.agreementId,
        heading_code: paid.headingCode,
        percent_bp: percents[index] ?? null,
        amount_minor: amount.minor,
        eur_minor: eur.minor,
      },
      entry: {
        entryDate: basis.spentOn,
        kind: 'expense',
        fundClass: paid.fundClass,
        agreementId: row.agreementId,
        nature: basis.nature,
        amount: paid.native,
        eurMinor: eur.minor,
        rate: paid.rate,
        headingCode: paid.headingCode,
        bankAccountId: basis.bankAccountId,
      },
    })
  }
  return prepared
}

function fieldOf(index: number, name: string): string {
  return `shares.rows.${index}.${name}`
}

/**
 * The shares' amounts: read as given (adding up to the expense), or from their percentages.
 * Also what the entry checks weigh each share with (plausibility/money-checks.ts).
 */
export function amountsOf(
  shares: SharesFields,
  total: Money,
): { amounts: Money[]; percents: (number | null)[] } {
  const last = shares.rows.length - 1
  if (shares.mode === 'percent') {
    const percents = shares.rows.map((row, index) => {
      const bp = row.percent === null ? null : parseSharePercent(row.percent)
      if (bp === null)
        throw fieldFailure('VALIDATION', fieldOf(index, 'percent'), 'costSharing.percentInvalid')
      return bp
    })
    const sum = percents.reduce((a, b) => a + b, 0)
    if (sum !== FULL_PERCENT_BP) {
      throw fieldFailure('VALIDATION', fieldOf(last, 'percent'), 'costSharing.percentSum', {
        total: { basisPoints: sum },
      })
    }
    return { amounts: amountsOfPercents(total, percents), percents }
  }
  const amounts = shares.rows.map((row, index) =>
    readAmount(row.amount ?? '', total.currency, fieldOf(index, 'amount')),
  )
  const sum = amounts.reduce((a, b) => a + b.minor, 0)
  if (sum !== total.minor) {
    throw fieldFailure('VALIDATION', fieldOf(last, 'amount'), 'costSharing.amountSum', {
      shared: money(sum, total.currency),
      expense: total,
    })
  }
  return { amounts, percents: amounts.map(() => null) }
}

interface PaidShare {
  native: Money
  rate: string
  headingCode: string | null
  fundClass: 'tied' | 'untied'
}

async function untiedShare(
  context: ExpenseContext,
  headingCode: string | null,
  index: number,
  eur: Money,
  moneyField: string,
): Promise<PaidShare> {
  if (headingCode !== null) {
    throw fieldFailure('VALIDATION', fieldOf(index, 'headingCode'), 'costSharing.untiedHeading')
  }
  const available = await context.free.untied()
  if (eur.minor > available) {
    throw fieldFailure('CONFLICT', moneyField, 'errors.untiedOverSpent', {
      unallocated: money(Math.max(0, available), 'EUR'),
      asked: eur,
    })
  }
  context.free.spendUntied(eur.minor)
  return { native: eur, rate: '1', headingCode: null, fundClass: 'untied' }
}

async function agreementShare(
  context: ExpenseContext,
  rates: ExchangeRatesService,
  basis: ExpenseBasis,
  row: { agreementId: string | null; headingCode: string | null },
  index: number,
  amount: Money,
  eur: Money,
  moneyField: string,
): Promise<PaidShare> {
  const agreementField = fieldOf(index, 'agreementId')
  const agreement = await context.agreement(row.agreementId ?? '')
  if (!agreement) throw fieldFailure('VALIDATION', agreementField, 'errors.NOT_FOUND')
  const closedOn = await context.closedOn(agreement.id)
  if (closedOn !== null) {
    throw fieldFailure('CONFLICT', agreementField, 'errors.agreementClosed', {
      reference: agreement.reference,
      date: { day: closedOn },
    })
  }
  assertAgreementPays(agreement, basis.nature, basis.spentOn, {
    agreement: agreementField,
    date: agreementField,
  })
  const headingCode = await context.heading(
    agreement.id,
    row.headingCode,
    fieldOf(index, 'headingCode'),
  )
  const currency = agreement.currency as CurrencyCode
  const paid =
    currency === amount.currency
      ? { native: amount, rate: basis.rate }
      : await inCurrency(context.db, rates, eur, currency, basis.spentOn, moneyField)
  const unallocated = await context.free.ofAgreement(agreement.id)
  if (paid.native.minor > unallocated) {
    throw fieldFailure('CONFLICT', moneyField, 'errors.agreementOverSpent', {
      reference: agreement.reference,
      unallocated: money(Math.max(0, unallocated), currency),
      asked: paid.native,
    })
  }
  context.free.spendFromAgreement(agreement.id, paid.native.minor)
  // An untied grant's share is the untied fund's too (its ledger entry says `untied`).
  if (agreement.earmarking === 'untied') context.free.spendUntied(eur.minor)
  return {
    ...paid,
    headingCode,
    fundClass: agreement.earmarking !== 'untied' ? 'tied' : 'untied',
  }
}

/** Euros in a fund's currency at the day's rate (the rate of an expense paid in another). */
export async function inCurrency(
  db: Transaction<Database>,
  rates: ExchangeRatesService,
  eur: Money,
  currency: CurrencyCode,
  day: string,
  field: string,
): Promise<{ native: Money; rate: string }> {
  const applied = await rates.rateOn(currency, day, db)
  if (!applied) {
    throw fieldFailure('VALIDATION', field, 'errors.noRate', { currency, date: { day } })
  }
  return { native: fromEuro(eur, currency, applied.rate), rate: applied.rate }
}
