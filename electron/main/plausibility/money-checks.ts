import type { z } from 'zod'
import type { Session } from '../app/session'
import { closedThrough, nextDay } from '../accounting/closures'
import { fieldFailure } from '../failure'
import { agreementFigures, emptyFigures } from '../funds/ledger'
import { amountsOf } from '../budget/expense-shares'
import { headingChargeWarnings, prefinancingCheck, sharesHeadingWarnings } from './agreement-checks'
import { readAmount } from '../funds/money-input'
import type { budgetExpenseInput } from '@shared/budget/schema'
import type { paymentInput } from '@shared/dues/schema'
import type { otherIncomeInput, receiptInput } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import {
  type PlausibilityWarning,
  aboveDueWarnings,
  aboveUsualWarnings,
  currencyWarnings,
  dateWarnings,
  planBalanceWarnings,
} from '@shared/plausibility/warnings'
import type { tranchePaymentInput, transitionInput } from '@shared/projects/schema'

/*
 * What each money form checks before it writes, read from the file as it is. The rules are the
 * pure functions of @shared/plausibility; here only the figures they compare are gathered.
 */

type Warnings = Promise<PlausibilityWarning[]>

/**
 * A money date: refused first if its period is closed (as the ledger would refuse it, so that
 * nobody confirms a date only to be refused), then unlikely if future or over a year back.
 */
export async function moneyDateWarnings(
  session: Session,
  path: string,
  day: string,
  today: string,
): Warnings {
  const through = await closedThrough(session.file.db)
  if (through !== null && day <= through) {
    throw fieldFailure('CONFLICT', path, 'accounting.errors.periodClosed', {
      date: day,
      through,
      firstOpen: nextDay(through),
    })
  }
  return dateWarnings(path, day, today)
}
const amounts = (rows: readonly { amount: number; currency: CurrencyCode }[]): Money[] =>
  rows.map((row) => money(row.amount, row.currency))

/** A dues payment: its date, its currency against the calls', its amount against what is owed. */
export async function duesPaymentWarnings(
  session: Session,
  input: z.output<typeof paymentInput>,
  today: string,
): Warnings {
  const amount = readAmount(input.amount, input.currency, 'amount')
  const account = await session.dues.account(input.memberId)
  const warnings = [
    ...(await moneyDateWarnings(session, 'receivedOn', input.receivedOn, today)),
    ...aboveUsualWarnings(
      'amount',
      amount,
      amounts(account.payments.filter((p) => p.kind === input.kind)),
    ),
  ]
  if (input.kind !== 'dues') return warnings
  const open = account.calls.filter((c) => c.status !== 'cancelled' && c.outstanding > 0)
  warnings.push(
    ...currencyWarnings(
      'currency',
      amount.currency,
      open.map((c) => c.currency),
    ),
  )
  if (open.every((c) => c.currency === amount.currency)) {
    const due = money(
      open.reduce((total, c) => total + c.outstanding, 0),
      amount.currency,
    )
    warnings.push(...aboveDueWarnings('amount', amount, due, 'plausibility.aboveOpenCalls'))
  } else {
    // Calls in several currencies: compared in euros, at the payment's rate (given or the day's).
    const rate =
      input.rate ?? (await session.rates.rateOn(amount.currency, input.receivedOn))?.rate ?? null
    if (rate !== null) {
      const due = money(
        open.reduce((total, c) => total + c.outstandingEur, 0),
        'EUR',
      )
      warnings.push(
        ...aboveDueWarnings('amount', toEuro(amount, rate), due, 'plausibility.aboveOpenCalls'),
      )
    }
  }
  return warnings
}

/** A receipt from a funder: its date, and its amount against what remains due and the usual. */
export async function receiptWarnings(
  session: Session,
  input: z.output<typeof receiptInput>,
  today: string,
): Warnings {
  const agreement = await session.agreements.get(input.agreementId)
  const amount = readAmount(input.amount, agreement.currency, 'amount')
  // Every receipt recorded, whatever its date: what the agreement has still to pay.
  const figures =
    (await agreementFigures(session.file.db, '9999-12-31', [agreement.id])).get(agreement.id)
      ?.native ?? emptyFigures()
  const remaining = money(Math.max(0, figures.committed - figures.received), agreement.currency)
  return [
    ...(await moneyDateWarnings(session, 'receivedOn', input.receivedOn, today)),
    ...aboveDueWarnings('amount', amount, remaining, 'errors.receiptOverCommitted').map((w) => ({
      ...w,
      params: { ...w.params, remaining },
    })),
    ...aboveUsualWarnings('amount', amount, amounts(agreement.receipts)),
    ...(await prefinancingCheck(session, agreement.id)),
  ]
}

/** Another income: its date, its amount against the usual of the same currency. */
export async function otherIncomeWarnings(
  session: Session,
  input: z.output<typeof otherIncomeInput>,
  today: string,
): Warnings {
  const amount = readAmount(input.amount, input.currency, 'amount')
  return [
    ...(await moneyDateWarnings(session, 'receivedOn', input.receivedOn, today)),
    ...aboveUsualWarnings('amount', amount, amounts(await session.otherIncome.list())),
  ]
}

/** A budget expense: its date, its amount against the usual of its line. */
export async function budgetExpenseWarnings(
  session: Session,
  input: z.output<typeof budgetExpenseInput>,
  today: string,
): Warnings {
  const amount = readAmount(input.amount, input.currency, 'amount')
  const year = Number(input.spentOn.slice(0, 4))
  const previous = [
    ...(await session.budgetExpenses.list(year - 1, input.lineKey)),
    ...(await session.budgetExpenses.list(year, input.lineKey)),
  ]
  return [
    ...(await moneyDateWarnings(session, 'spentOn', input.spentOn, today)),
    ...aboveUsualWarnings('amount', amount, amounts(previous)),
    ...(await expenseHeadingWarnings(session, input, amount)),
  ]
}

/** The +25 % heading rule, for the one fund paying an expense or for each of its shares. */
async function expenseHeadingWarnings(
  session: Session,
  input: z.output<typeof budgetExpenseInput>,
  amount: Money,
): Warnings {
  if (!input.shares) {
    const { agreementId, headingCode } = input
    return headingChargeWarnings(session, { agreementId, headingCode, amount }, input.spentOn)
  }
  const { amounts } = amountsOf(input.shares, amount)
  return sharesHeadingWarnings(
    session,
    input.shares.rows.map((row, index) => ({
      agreementId: row.agreementId,
      headingCode: row.headingCode,
      amount: amounts[index] ?? money(0, amount.currency),
    })),
    input.spentOn,
  )
}

/** A tranche paid: its date, and what is paid against the tranche. */
export async function tranchePaymentWarnings(
  session: Session,
  input: z.output<typeof tranchePaymentInput>,
  today: string,
): Warnings {
  const warnings = await moneyDateWarnings(session, 'paidOn', input.paidOn, today)
  if (input.amount === null) return warnings
  const tranche = await session.file.db
    .selectFrom('tranches')
    .innerJoin('projects', 'projects.id', 'tranches.project_id')
    .select(['tranches.amount_minor', 'projects.currency'])
    .where('tranches.id', '=', input.id)
    .executeTakeFirst()
  if (!tranche) return warnings
  const currency = tranche.currency as CurrencyCode
  const amount = readAmount(input.amount, currency, 'amount')
  return [
    ...warnings,
    ...aboveDueWarnings(
      'amount',
      amount,
      money(tranche.amount_minor, currency),
      'plausibility.aboveTranche',
    ),
  ]
}

/** Approving a project whose financing plan is not its cost. */
export async function transitionWarnings(
  session: Session,
  input: z.output<typeof transitionInput>,
): Warnings {
  if (input.to !== 'approved') return []
  const { plan } = await session.projects.get(input.projectId)
  if (plan.balanced) return []
  return planBalanceWarnings(money(plan.total, plan.comparedIn), money(plan.cost, plan.comparedIn))
}
