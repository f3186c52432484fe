import type { z } from 'zod'
import type { RecordWriter } from '../changelog/record-writer'
import { AppFailure, type FieldFailure } from '../failure'
import { postEntries, reverseEntriesOf } from '../funds/ledger'
import type { Paying } from './paying'
import type { ExpenseBasis } from './expense-shares'
import { ExpenseContext } from './expense-context'
import { EXPENSE_SHARES } from './expense-share-list'
import type { changeExpenseFundsInput } from '@shared/budget/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'

type ChangeFields = z.output<typeof changeExpenseFundsInput>

/** A fund's part of an expense, before or after the change, as the confirmation lists it. */
interface Part {
  agreementId: string | null
  headingCode: string | null
  percentBp: number | null
  amountMinor: number
  eurMinor: number
}

/**
 * Changes who pays an expense — its shares (funds, percentages or amounts, headings), or from one
 * fund to shares and back — as one correction: the expense's entries are reversed (with the
 * reason given, kept on each reversal and so in the change log), its old shares archived, and
 * the new payment checked as at creation (every share on its row: period, nature, heading, free
 * money, the money the old split freed counting) and posted. The expense's date, amount and
 * line stay. Unless `confirmed`, nothing is kept: the refusal lists the split before and after,
 * so that money is never moved without the person seeing it. Any refusal changes nothing.
 */
/**
 * How the expenses' service checks who pays (`BudgetExpensesService.paying`), given by the
 * service itself so that this module does not import it back.
 */
export type PayingCheck = (
  context: ExpenseContext,
  fields: Pick<ChangeFields, 'agreementId' | 'headingCode' | 'shares'>,
  basis: ExpenseBasis,
) => Promise<Paying>

/**
 * The warnings the new payment's parts raise (the +25 % heading rule: plausibility/agreement-
 * checks.ts), read in the change's transaction once the old payment is given back; given by the
 * caller, so that the budget does not import the checks.
 */
export type PartsWarnings = (
  trx: RecordWriter['trx'],
  parts: readonly { agreementId: string | null; headingCode: string | null; amount: Money }[],
  shared: boolean,
  day: string,
) => Promise<FieldFailure[]>

export async function changeExpenseFunds(
  writer: RecordWriter,
  expenses: { paying: PayingCheck },
  fields: ChangeFields,
  warnings: PartsWarnings = async () => [],
): Promise<number> {
  const trx = writer.trx
  const expense = await trx
    .selectFrom('budget_expenses')
    .selectAll()
    .where('id', '=', fields.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!expense) throw new AppFailure('NOT_FOUND')
  if (expense.cancel_reason) throw new AppFailure('CONFLICT', 'errors.expenseCancelled')
  const oldShares = await trx
    .selectFrom('expense_shares')
    .selectAll()
    .where('expense_id', '=', expense.id)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute()
  const firstEntry = await trx
    .selectFrom('ledger_entries')
    .select('bank_account_id')
    .where('source_table', '=', 'budget_expenses')
    .where('source_id', '=', expense.id)
    .where('reverses_id', 'is', null)
    .executeTakeFirst()
  const before: Part[] =
    oldShares.length > 0
      ? oldShares.map((s) => ({
          agreementId: s.agreement_id,
          headingCode: s.heading_code,
          percentBp: s.percent_bp,
          amountMinor: s.amount_minor,
          eurMinor: s.eur_minor,
        }))
      : [
          {
            agreementId: expense.agreement_id,
            headingCode: expense.heading_code,
            percentBp: null,
            amountMinor: expense.amount_minor,
            eurMinor: expense.eur_minor,
          },
        ]
  // What the old payment holds is given back first: the new one may use it.
  await reverseEntriesOf(writer, { table: 'budget_expenses', id: expense.id }, fields.reason)
  for (const share of oldShares) await writer.archive(EXPENSE_SHARES, share.id)

  const context = new ExpenseContext(trx)
  const line = await context.line(expense.year, expense.line_key)
  const amount = money(expense.amount_minor, expense.currency as CurrencyCode)
  const paid = await expenses.paying(context, fields, {
    spentOn: expense.spent_on,
    nature: line.nature,
    amount,
    eur: money(expense.eur_minor, 'EUR'),
    rate: expense.rate,
    bankAccountId: firstEntry?.bank_account_id ?? null,
  })
  const after: Part[] = paid.entry
    ? [{ ...before[0], ...onePart(fields.agreementId, paid.headingCode, expense) }]
    : paid.shares.map((s) => ({
        agreementId: (s.values.agreement_id as string | null) ?? null,
        headingCode: (s.values.heading_code as string | null) ?? null,
        percentBp: (s.values.percent_bp as number | null) ?? null,
        amountMinor: Number(s.values.amount_minor),
        eurMinor: Number(s.values.eur_minor),
      }))
  if (samePayment(before, after)) {
    throw new AppFailure('VALIDATION', 'costSharing.change.unchanged')
  }
  // Weighed before the new entries are posted: each part is the amount to come on its heading.
  const raised = await warnings(
    trx,
    after.map((p) => ({ ...p, amount: money(p.amountMinor, amount.currency) })),
    !paid.entry,
    expense.spent_on,
  )
  const source = { table: 'budget_expenses', id: expense.id }
  await writer.update(
    'budget_expenses',
    expense.id,
    { agreement_id: paid.entry ? fields.agreementId : null, heading_code: paid.headingCode },
    expense,
  )
  const shareIds = await writer.insertMany(
    EXPENSE_SHARES,
    paid.shares.map((s) => ({ ...s.values, expense_id: expense.id })),
  )
  await postEntries(writer, [
    ...(paid.entry ? [{ ...paid.entry, source }] : []),
    ...paid.shares.map((s, index) => ({
      ...s.entry,
      source,
      use: { table: EXPENSE_SHARES, id: shareIds[index] ?? '' },
    })),
  ])
  if (fields.confirmed !== true) {
    throw new AppFailure('NEEDS_CONFIRMATION', 'errors.NEEDS_CONFIRMATION', {}, [
      ...(await partsListed(writer, 'before', before, amount.currency)),
      ...(await partsListed(writer, 'after', after, amount.currency)),
      ...raised,
    ])
  }
  return expense.year
}

function onePart(
  agreementId: string | null,
  headingCode: string | null,
  expense: { amount_minor: number; eur_minor: number },
): Part {
  return {
    agreementId,
    headingCode,
    percentBp: null,
    amountMinor: expense.amount_minor,
    eurMinor: expense.eur_minor,
  }
}

function samePayment(before: readonly Part[], after: readonly Part[]): boolean {
  const key = (parts: readonly Part[]) =>
    JSON.stringify(parts.map((p) => [p.agreementId, p.headingCode, p.amountMinor, p.eurMinor]))
  return key(before) === key(after)
}

/** Each part as one line of the confirmation: « Avant : UE-GOUV-2026 / 1 — 2 592,64 € (60 %) ». */
async function partsListed(
  writer: RecordWriter,
  when: 'before' | 'after',
  parts: readonly Part[],
  currency: CurrencyCode,
): Promise<FieldFailure[]> {
  const listed: FieldFailure[] = []
  for (const part of parts) {
    const agreement = part.agreementId
      ? await writer.trx
          .selectFrom('agreements')
          .select('reference')
          .where('id', '=', part.agreementId)
          .executeTakeFirst()
      : undefined
    const params = {
      fund: agreement ? agreement.reference : { message: 'costSharing.untied' as const },
      heading: part.headingCode ? ` / ${part.headingCode}` : '',
      amount: money(part.amountMinor, currency),
    }
    listed.push(
      part.percentBp === null
        ? { path: 'shares', key: `costSharing.change.${when}`, params }
        : {
            path: 'shares',
            key: `costSharing.change.${when}Percent`,
            params: { ...params, percent: { basisPoints: part.percentBp } },
          },
    )
  }
  return listed
}
