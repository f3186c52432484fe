import type { LedgerKind } from '../db/schema'
import type { RuleMatch, RuleRole } from '@shared/accounting/chart'
import type { FunderKind } from '@shared/funders/schema'
import type { Attributes, Auxiliary } from './attributes'
import type { AccountingPlan, Journal } from './plan'

/**
 * What an entry of the books is made from: one ledger entry, or the sum of alike ledger entries
 * of a span booked alike (for the opening balances, where only the accounts' totals matter).
 */
export interface PostingUnit {
  /** The ledger entry; null for a sum of several. */
  id: string | null
  kind: LedgerKind
  /** The day it is booked on: its date, or the first open day if it came after a closing. */
  bookedOn: string
  entryDate: string
  fundClass: 'tied' | 'untied'
  nature: 'operating' | 'investment' | null
  agreementId: string | null
  bankAccountId: string | null
  currency: string
  /** In the entry's currency, minor units, signed (a reversal is negative). */
  amount: number
  /** In euro cents, signed. */
  eur: number
  reversesId: string | null
  /** The city (member) a grant is committed or paid to. */
  cityId: string | null
  /** The budget line an expense is charged to (its key across versions). */
  lineKey: string | null
  /** The project a grant is for (its code), for the analytic columns. */
  project?: string | null
}

/** A line before it is put on its side: positive for a debit, negative for a credit. */
export interface SignedLine {
  account: string
  auxiliary: Auxiliary | null
  eur: number
  /** The amount in the currency it was in, same sign, when that is not the euro. */
  native: { minor: number; currency: string } | null
  /** The agreement and the project the line concerns, for the analytic columns. */
  agreementId: string | null
  project: string | null
}

export interface PostingContext {
  /** The plan and the records' attributes a day's entries are made with (frozen.ts). */
  at(day: string): { plan: AccountingPlan; attributes: Attributes }
  /** What a receipt clears of its receivable (receivables.ts). */
  receivableCredit(id: string): number | undefined
}

/**
 * The lines of the entry a ledger event makes, and its journal: the one rule of the books. A
 * subsidy notified is receivable (4411) and income (74x); a receipt goes to the bank and
 * clears the receivable, an exchange difference on its own line; dues and other income go to
 * the bank and to income; a grant committed to a city is an expense (657) owed to it (4686),
 * paid through the bank; an expense of the secretariat goes through the bank.
 */
export function postingLines(
  unit: PostingUnit,
  context: PostingContext,
): { journal: Journal; lines: SignedLine[] } {
  const day = unit.bookedOn
  const { plan, attributes } = context.at(day)
  const funderId = attributes.funderOf(unit.agreementId)
  const match: RuleMatch = {
    fundClass: unit.fundClass,
    nature: unit.nature,
    funderKind: attributes.funderKind(funderId) as FunderKind | null,
    budgetLine: attributes.budgetLine(unit.lineKey),
  }
  const account = (role: RuleRole) => plan.account(role, match, day)
  const foreign = unit.currency !== 'EUR'
  const line = (
    accountNumber: string,
    sign: 1 | -1,
    options: { auxiliary?: Auxiliary | null; eur?: number; native?: boolean } = {},
  ): SignedLine => ({
    account: accountNumber,
    auxiliary: options.auxiliary ?? null,
    eur: sign * (options.eur ?? unit.eur),
    native:
      foreign && options.native !== false
        ? { minor: sign * unit.amount, currency: unit.currency }
        : null,
    agreementId: unit.agreementId,
    project: unit.project ?? null,
  })
  const funder = attributes.funderAux(funderId)
  const city = attributes.cityAux(unit.cityId)
  const bankLine = (sign: 1 | -1) => {
    const bank = plan.bank(unit.bankAccountId, unit.currency)
    return {
      journal: bank.journal,
      line: line(bank.account, sign, { native: bank.currency === unit.currency }),
    }
  }
  switch (unit.kind) {
    case 'commitment':
      return {
        journal: plan.general,
        lines: [
          line(account('subsidy.receivable'), 1, { auxiliary: funder }),
          line(account('subsidy.income'), -1),
        ],
      }
    case 'receipt': {
      const bank = bankLine(1)
      const cleared = context.receivableCredit(unit.id ?? '') ?? unit.eur
      const lines = [
        bank.line,
        line(account('subsidy.receivable'), -1, { auxiliary: funder, eur: cleared }),
      ]
      const difference = unit.eur - cleared
      if (difference !== 0) {
        // A gain is a difference in the receipt's own direction (a reversal reverses a gain).
        const gain = difference > 0 === unit.eur >= 0
        lines.push({
          ...line(account(gain ? 'exchange.gain' : 'exchange.loss'), -1, { eur: difference }),
          native: null,
        })
      }
      return { journal: bank.journal, lines }
    }
    case 'other_income':
    case 'due_payment': {
      const bank = bankLine(1)
      const income = account(unit.kind === 'due_payment' ? 'dues.income' : 'other.income')
      return { journal: bank.journal, lines: [bank.line, line(income, -1)] }
    }
    case 'allocation':
      return {
        journal: plan.general,
        lines: [
          line(account('grant.expense'), 1),
          line(account('grant.payable'), -1, { auxiliary: city }),
        ],
      }
    case 'disbursement': {
      const bank = bankLine(-1)
      return {
        journal: bank.journal,
        lines: [line(account('grant.payable'), 1, { auxiliary: city }), bank.line],
      }
    }
    case 'expense': {
      const bank = bankLine(-1)
      return { journal: bank.journal, lines: [line(account('expense'), 1), bank.line] }
    }
  }
}
