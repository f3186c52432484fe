import type { DataFile } from '../db/data-file'
import type { IneligibleSpending } from '@shared/closing/schema'
import type { RuleSpending } from '../funds/conversion/spending-by-rule'

type Db = DataFile['db']

/** The agreement's live spending split by what its closing counts, each as its rule counts it. */
export interface SpendingEligibility {
  eligible: RuleSpending[]
  ineligible: RuleSpending[]
  listed: IneligibleSpending[]
}

/**
 * Which of an agreement's spending (its live entries, each converted by the agreement's rule —
 * `spendingByRule`) its closing counts as eligible: spending charged outside the agreement's
 * period, and — for its own expenses — spending on a heading the agreement does not have (or on
 * none when it has headings), or of a nature it does not pay (an investment on an operating
 * agreement), is not eligible and is listed with its reason. Projects' disbursements and
 * overhead recovered answer to their own rules (financing lines, the overhead rate): only their
 * period is read.
 */
export async function spendingEligibility(
  db: Db,
  head: { id: string; starts_on: string; ends_on: string; nature: string },
  spending: readonly RuleSpending[],
): Promise<SpendingEligibility> {
  const headings = await db
    .selectFrom('agreement_headings')
    .select('code')
    .where('agreement_id', '=', head.id)
    .where('deleted_at', 'is', null)
    .execute()
  const codes = new Set(headings.map((h) => h.code))
  const eligible: RuleSpending[] = []
  const ineligible: { spending: RuleSpending; reason: IneligibleSpending['reason'] }[] = []
  for (const s of spending) {
    const reason = reasonOf(s, head, codes)
    if (reason === null) eligible.push(s)
    else ineligible.push({ spending: s, reason })
  }
  const described = await descriptions(
    db,
    ineligible.filter((i) => i.spending.sourceTable === 'budget_expenses'),
  )
  const listed = ineligible.map(({ spending: s, reason }): IneligibleSpending => ({
    sourceTable: s.sourceTable,
    sourceId: s.sourceId,
    date: s.entryDate,
    description: described.get(s.sourceId) ?? null,
    headingCode: s.headingCode,
    amount: s.amount,
    reason,
  }))
  return { eligible, ineligible: ineligible.map((i) => i.spending), listed }
}

async function descriptions(db: Db, items: readonly { spending: RuleSpending }[]) {
  const ids = [...new Set(items.map((i) => i.spending.sourceId))]
  if (ids.length === 0) return new Map<string, string>()
  const rows = await db
    .selectFrom('budget_expenses')
    .select(['id', 'description'])
    .where('id', 'in', ids)
    .execute()
  return new Map(rows.map((r) => [r.id, r.description]))
}

function reasonOf(
  s: RuleSpending,
  head: { starts_on: string; ends_on: string; nature: string },
  codes: ReadonlySet<string>,
): IneligibleSpending['reason'] | null {
  if (s.entryDate < head.starts_on || s.entryDate > head.ends_on) return 'outsidePeriod'
  if (s.sourceTable !== 'budget_expenses') return null
  if (codes.size > 0 && (s.headingCode === null || !codes.has(s.headingCode)))
    return 'headingUnknown'
  if (head.nature !== 'mixed' && s.nature !== null && s.nature !== head.nature)
    return 'natureNotAllowed'
  return null
}
