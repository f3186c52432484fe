import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { LedgerKind } from '../db/schema'
import { isBalanceSheet } from '@shared/accounting/chart'
import { type Closures, nextDay } from './closures'
import type { BookRules } from './frozen'
import { ledgerRowsById } from './ledger-rows'
import { ALWAYS } from './plan'
import type { Auxiliary } from './attributes'
import type { PostingContext, PostingUnit, SignedLine } from './postings'
import { postingLines } from './postings'
import type { Receivables } from './receivables'
import { unitOf } from './units'
import { yearEndLines } from './year-end-entries'
import type { AgreementYear } from './agreement-year'

/** A balance-sheet account's balance at the end of the year before, and of the one before that. */
export interface OpeningBalance {
  account: string
  auxiliary: Auxiliary | null
  /** Signed (debit positive), euro cents: at the end of the year before last… */
  before: number
  /** …and what the last year added. */
  last: number
}

const AGGREGATED_KINDS: readonly LedgerKind[] = [
  'allocation',
  'disbursement',
  'expense',
  'due_payment',
  'other_income',
]

interface Aggregate {
  kind: LedgerKind
  fund_class: 'tied' | 'untied'
  nature: 'operating' | 'investment' | null
  agreement_id: string | null
  bank_account_id: string | null
  currency: string
  /** The earliest day of the sum; every day of its span makes its entries alike. */
  day: string
  city_id: string | null
  line_key: string | null
  amount: number
  eur: number
}

/**
 * The balance of every balance-sheet account (classes 1 to 5) at the end of the year before
 * `year`, split into what it was a year earlier and what that year added: the opening entry
 * (à-nouveaux) carries them, and the two results. Only sums are needed, so the ledger entries
 * before the year are read as sums of alike entries over the spans in which the books are made
 * alike (spanStarts) — each sum mapped by the same rule as one entry — except receipts and
 * commitments (their exchange differences are per receipt) and the entries booked on another
 * day than their own.
 */
export async function openingBalances(
  db: DataFile['db'],
  year: number,
  context: PostingContext & {
    closures: Closures
    rules: BookRules
    receivables: Receivables
    years: ReadonlyMap<string, AgreementYear[]>
    yearEndDone: (year: number) => boolean
  },
): Promise<OpeningBalance[]> {
  const start = `${year}-01-01`
  const lastStart = `${year - 1}-01-01`
  const balances = new Map<string, OpeningBalance>()
  const add = (line: SignedLine, bucket: 'before' | 'last') => {
    if (!isBalanceSheet(line.account) || line.eur === 0) return
    const key = `${line.account}|${line.auxiliary?.code ?? ''}`
    const balance = balances.get(key) ?? {
      account: line.account,
      auxiliary: line.auxiliary,
      before: 0,
      last: 0,
    }
    balance[bucket] += line.eur
    balances.set(key, balance)
  }
  const post = (unit: PostingUnit) => {
    const bucket = unit.bookedOn < lastStart ? 'before' : 'last'
    for (const line of postingLines(unit, context).lines) add(line, bucket)
  }

  for (const unit of context.receivables.units) if (unit.bookedOn < start) post(unit)

  const moved = [...context.closures.movedEntries.keys()]
  // Only an expense mapped to a balance-sheet account (equipment) needs its budget line here.
  const byLine = context.rules.plans.some((plan) =>
    plan.rules.some(
      (r) => r.role === 'expense' && r.budgetLine !== null && isBalanceSheet(r.account),
    ),
  )
  const starts = spanStarts(context, lastStart).filter((day) => day < start)
  const span = starts.length
    ? sql`CASE ${sql.join(
        starts.map((day) => sql`WHEN e.entry_date >= ${day} THEN ${day}`),
        sql` `,
      )} ELSE '' END`
    : sql`''`
  const sums = await sql<Aggregate>`
    SELECT e.kind, e.fund_class, e.nature, e.agreement_id, e.bank_account_id, e.currency,
      ${span} AS span, MIN(e.entry_date) AS day,
      pr.member_id AS city_id,
      ${byLine ? sql`x.line_key` : sql`NULL`} AS line_key,
      SUM(e.amount_minor) AS amount, SUM(e.eur_minor) AS eur
    FROM ledger_entries e
    LEFT JOIN financing_lines fl ON e.use_table = 'financing_lines' AND fl.id = e.use_id
      AND e.kind IN ('allocation', 'disbursement')
    LEFT JOIN projects pr ON pr.id = fl.project_id
    ${byLine ? sql`LEFT JOIN budget_expenses x ON e.source_table = 'budget_expenses' AND x.id = e.source_id` : sql``}
    WHERE e.deleted_at IS NULL AND e.entry_date < ${start}
      AND e.kind IN (${sql.join(AGGREGATED_KINDS)})
      AND e.id NOT IN (SELECT value FROM json_each(${JSON.stringify(moved)}))
    GROUP BY e.kind, e.fund_class, e.nature, e.agreement_id, e.bank_account_id, e.currency,
      span, city_id, line_key`.execute(db)
  for (const sum of sums.rows) {
    post({
      id: null,
      kind: sum.kind,
      bookedOn: sum.day,
      entryDate: sum.day,
      fundClass: sum.fund_class,
      nature: sum.nature,
      agreementId: sum.agreement_id,
      bankAccountId: sum.bank_account_id,
      currency: sum.currency,
      amount: Number(sum.amount),
      eur: Number(sum.eur),
      reversesId: null,
      cityId: sum.city_id,
      lineKey: sum.line_key,
    })
  }
  for (const row of await ledgerRowsById(db, moved)) {
    if (!AGGREGATED_KINDS.includes(row.kind)) continue
    const unit = unitOf(row, context.closures)
    if (unit.bookedOn < start) post(unit)
  }

  for (const list of context.years.values()) {
    for (const agreementYear of list) {
      if (agreementYear.year >= year || !context.yearEndDone(agreementYear.year)) continue
      const bucket = agreementYear.year < year - 1 ? 'before' : 'last'
      for (const line of yearEndLines(agreementYear, context).lines) add(line, bucket)
    }
  }
  return [...balances.values()]
    .filter((b) => b.before + b.last !== 0 || b.before !== 0)
    .sort((a, b) =>
      a.account === b.account
        ? (a.auxiliary?.code ?? '').localeCompare(b.auxiliary?.code ?? '')
        : a.account.localeCompare(b.account),
    )
}

/**
 * The days from which earlier entries may be booked otherwise, latest first: the day after each
 * closed period (its plan and attributes were frozen at its closing), the first day of any
 * mapping rule, and the first day of last year (its sums are kept apart). Between two of them
 * every day's entries of a kind go to the same accounts (postings.ts reads only the plan and
 * the attributes of their day), so a sum over such a span is booked as one entry.
 */
function spanStarts(context: { closures: Closures; rules: BookRules }, lastStart: string) {
  const starts = new Set([lastStart])
  for (const closure of context.closures.list) starts.add(nextDay(closure.closesThrough))
  for (const plan of context.rules.plans) {
    for (const rule of plan.rules) if (rule.validFrom !== ALWAYS) starts.add(rule.validFrom)
  }
  return [...starts].sort().reverse()
}

/** The opening entry's lines: each balance carried, and the results of the years before. */
export function openingLines(
  balances: readonly OpeningBalance[],
  context: PostingContext,
  year: number,
): { lines: SignedLine[]; earlier: number; lastResult: number } {
  const day = `${year}-01-01`
  const none = { fundClass: null, nature: null, funderKind: null, budgetLine: null }
  const lines: SignedLine[] = []
  let earlier = 0
  let lastResult = 0
  for (const balance of balances) {
    earlier += balance.before
    lastResult += balance.last
    const total = balance.before + balance.last
    if (total === 0) continue
    lines.push({
      account: balance.account,
      auxiliary: balance.auxiliary,
      eur: total,
      native: null,
      agreementId: null,
      project: null,
    })
  }
  // What the balance sheet holds beyond its debts is the sum of the results: the years before
  // the last go to retained earnings, the last year's to its result, awaiting its allocation.
  const result = (amount: number, profit: 'retained.profit' | 'result.profit') => {
    if (amount === 0) return
    const role =
      amount > 0 ? profit : profit === 'retained.profit' ? 'retained.loss' : 'result.loss'
    lines.push({
      account: context.at(day).plan.account(role, none, day),
      auxiliary: null,
      eur: -amount,
      native: null,
      agreementId: null,
      project: null,
    })
  }
  result(earlier, 'retained.profit')
  result(lastResult, 'result.profit')
  return { lines, earlier, lastResult }
}
