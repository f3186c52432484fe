import type { z } from 'zod'
import type { Session } from '../../app/session'
import { fieldFailure } from '../../failure'
import { budgetExpenseInput } from '@shared/budget/schema'
import { optionalText, requiredText } from '@shared/validation/fields'
import {
  type ImportOutcome,
  type Memo,
  type Register,
  EXPORT_PAGE,
  bulkWrites,
  pagesById,
  keptForSheet,
  known,
  normalAmount,
  amountText,
  keyOf,
  keyedAmounts,
} from '../../workbook/register'
import { AGREEMENT_COLUMN } from '../../workbook/references'
import { year } from './budget-versions'
import type { SharedExpenseContext } from '../budget-expenses-service'
import { sharesCells, sharesOfCell } from './expense-shares-cell'

const expenseRowInput = budgetExpenseInput.omit({ lineKey: true, shares: true }).safeExtend({
  year,
  lineCode: requiredText(20),
  cancelReason: optionalText(500),
  /** A shared expense's shares, « UE-2026-PAIX / 1 : 2592.64 ; Fonds délié : 1728.43 ». */
  shares: keyedAmounts,
})
type ExpenseRow = z.output<typeof expenseRowInput>

/**
 * The secretariat's expenses, each charged to a line of its year (named by its code in the
 * year's latest version) and known by what it says; a cancelled one is recorded, then cancelled.
 */
export const budgetExpenses: Register<ExpenseRow> = {
  key: 'budgetExpenses',
  sheet: 'workbook.sheet.budgetExpenses',
  // Its line, by year and code; the agreement's heading it is charged to.
  references: ['budgetItems', 'headings'],
  columns: [
    { field: 'year', heading: 'budget.year', kind: 'integer', required: true },
    { field: 'lineCode', heading: 'workbook.column.budgetLine', kind: 'text', required: true },
    { field: 'spentOn', heading: 'budget.form.spentOn', kind: 'date', required: true },
    { field: 'supplier', heading: 'budget.form.supplier', kind: 'text' },
    { field: 'description', heading: 'budget.form.description', kind: 'text', required: true },
    { field: 'currency', heading: 'budget.form.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'budget.form.amount', kind: 'amount', required: true },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'headingCode', heading: 'budget.form.heading', kind: 'text' },
    { field: 'shares', heading: 'workbook.column.shares', kind: 'text' },
    { field: 'document', heading: 'projects.expenses.document', kind: 'text' },
    { field: 'cancelReason', heading: 'workbook.column.cancelReason', kind: 'text' },
  ],
  schema: expenseRowInput,
  order: (a, b) => String(a.spentOn).localeCompare(String(b.spentOn)),
  identity: (row) =>
    keyOf(
      row.year,
      row.lineCode,
      row.spentOn,
      row.description,
      row.amount,
      row.currency,
      row.supplier,
    ),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...row,
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async function* (session) {
    // Each line's code in its year's latest version, read once (not once per expense).
    const codes = new Map<string, string>()
    for (const line of await session.file.db
      .selectFrom('budget_items as i')
      .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
      .select(['v.year', 'i.line_key', 'i.code'])
      .where('i.deleted_at', 'is', null)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.number')
      .execute()) {
      codes.set(`${line.year}|${line.line_key}`, line.code)
    }
    const shares = await sharesCells(session)
    yield* pagesById(
      (after) =>
        session.file.db
          .selectFrom('budget_expenses as e')
          .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
          .selectAll('e')
          .select('a.reference as agreement')
          .where('e.deleted_at', 'is', null)
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(EXPORT_PAGE)
          .execute(),
      (e) => ({
        year: e.year,
        lineCode: codes.get(`${e.year}|${e.line_key}`) ?? null,
        spentOn: e.spent_on,
        supplier: e.supplier,
        description: e.description,
        currency: e.currency,
        amount: amountText(e.amount_minor, e.currency),
        agreement: e.agreement,
        headingCode: e.heading_code,
        shares: shares.get(e.id) ?? null,
        document: e.document,
        cancelReason: e.cancel_reason,
      }),
    )
  },
  ...bulkWrites(writeExpenses),
}

/** Where the import keeps the expenses' context between its actions of one sheet. */
const SHARED_CONTEXT = 'budgetExpenseContext'

/**
 * Writes the expenses the file does not hold yet in one go — a budget's year holds thousands —
 * each cancellation where its row stands: the expenses gathered before it written first, so
 * that the money it frees pays the rows after it, as one by one.
 */
async function writeExpenses(
  session: Session,
  rows: ExpenseRow[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
  bulk: boolean,
): Promise<ImportOutcome[]> {
  const lines = await known(
    memo,
    'budgetLineKeys',
    () => latestLines(session),
    (line) => `${line.year}|${line.code}`,
  )
  const identity = (e: {
    line_key: string
    spent_on: string
    description: string
    amount: string
    currency: string
    supplier: string | null
  }) =>
    [e.line_key, e.spent_on, e.description, e.amount, e.currency, e.supplier ?? '']
      .join('|')
      .toLowerCase()
  const recorded = await known(
    memo,
    'budgetExpenses',
    async () =>
      (
        await session.file.db
          .selectFrom('budget_expenses')
          .select(['id', 'line_key', 'spent_on', 'description', 'amount_minor', 'currency'])
          .select(['supplier', 'cancel_reason'])
          .where('deleted_at', 'is', null)
          .execute()
      ).map((e) => ({
        id: e.id,
        cancel_reason: e.cancel_reason,
        key: identity({
          ...e,
          amount: amountText(e.amount_minor, e.currency),
        }),
      })),
    (e) => e.key,
  )
  const outcomes: ImportOutcome[] = []
  const shared = bulk ? keptForSheet<SharedExpenseContext>(memo, SHARED_CONTEXT, () => ({})) : null
  let added: { index: number; key: string; fields: z.output<typeof budgetExpenseInput> }[] = []
  /** Writes the expenses gathered since the last cancellation, in one go. */
  const writeAdded = async () => {
    const writing = added
    added = []
    if (writing.length === 0) return
    const ids = await session.budgetExpenses.addMany(
      writing.map((a) => a.fields),
      author,
      (n) => at(writing[n]?.index ?? 0),
      shared ?? undefined,
    )
    writing.forEach(({ key }, n) =>
      recorded.set(key, { id: ids[n] ?? '', cancel_reason: null, key }),
    )
  }
  /** A refusal of the row at `index`, once the rows gathered before it are checked and written. */
  const refuseAt = async (index: number, refusal: unknown): Promise<never> => {
    // One by one, those rows would have been refused first: a refusal among them is theirs.
    await writeAdded()
    at(index)
    throw refusal
  }
  for (const [index, row] of rows.entries()) {
    at(index)
    const line = lines.get(`${row.year}|${row.lineCode}`.toLowerCase())
    if (!line) {
      await refuseAt(
        index,
        fieldFailure('VALIDATION', 'lineCode', 'workbook.budgetLineUnknown', {
          code: row.lineCode,
          year: String(row.year),
        }),
      )
      continue
    }
    const key = identity({
      line_key: line.line_key,
      spent_on: row.spentOn,
      description: row.description,
      amount: normalAmount(row.amount, row.currency),
      currency: row.currency,
      supplier: row.supplier,
    })
    if (recorded.has(key)) outcomes.push('unchanged')
    else {
      const { year: _year, lineCode: _line, cancelReason: _reason, shares, ...expense } = row
      const fields = {
        ...expense,
        lineKey: line.line_key,
        shares: await sharesOfCell(session, memo, shares).catch((refusal: unknown) =>
          refuseAt(index, refusal),
        ),
      }
      added.push({ index, key, fields })
      recorded.set(key, { id: '', cancel_reason: null, key })
      outcomes.push('created')
    }
    if (!row.cancelReason || recorded.get(key)?.cancel_reason) continue
    // Cancelled where its row stands, as one by one: the money it frees pays the rows after it.
    await writeAdded()
    const expense = recorded.get(key)
    if (!expense) continue
    at(index)
    await session.budgetExpenses.cancel(expense.id, row.cancelReason, author)
    shared?.context?.free.forget()
    expense.cancel_reason = row.cancelReason
    if (outcomes[index] === 'unchanged') outcomes[index] = 'updated'
  }
  await writeAdded()
  return outcomes
}

/** Each year's lines in its latest version: the code an expense names, and the line's key. */
async function latestLines(session: Session) {
  const db = session.file.db
  return db
    .selectFrom('budget_items as i')
    .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
    .select(['v.year', 'i.code', 'i.line_key'])
    .where('i.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .where('i.item_kind', '=', 'line')
    .where((eb) =>
      eb(
        'v.number',
        '=',
        eb
          .selectFrom('budget_versions as later')
          .select((later) => later.fn.max<number>('later.number').as('n'))
          .whereRef('later.year', '=', 'v.year')
          .where('later.deleted_at', 'is', null),
      ),
    )
    .execute()
}
