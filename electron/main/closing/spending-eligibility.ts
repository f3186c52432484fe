import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { IneligibleSpending } from '@shared/closing/schema'

type Db = DataFile['db']

/**
 * Which of an agreement's spending its closing counts as eligible, entry by entry (net of
 * reversals, by the record it comes from): spending charged outside the agreement's period, and
 * — for its own expenses — spending on a heading the agreement does not have (or on none when it
 * has headings), or of a nature it does not pay (an investment on an operating agreement), is
 * not eligible and is listed with its reason. Projects' disbursements and overhead recovered
 * answer to their own rules (financing lines, the overhead rate): only their period is read.
 */
export async function spendingEligibility(
  db: Db,
  head: { id: string; starts_on: string; ends_on: string; nature: string },
): Promise<{ eligible: number; ineligible: number; listed: IneligibleSpending[] }> {
  const headings = await db
    .selectFrom('agreement_headings')
    .select('code')
    .where('agreement_id', '=', head.id)
    .where('deleted_at', 'is', null)
    .execute()
  const codes = new Set(headings.map((h) => h.code))
  const groups = await sql<{
    source_table: string
    source_id: string
    heading_code: string | null
    nature: string | null
    entry_date: string
    amount: number
    description: string | null
  }>`
    SELECT e.source_table, e.source_id, e.heading_code, e.nature,
      MIN(CASE WHEN e.reverses_id IS NULL THEN e.entry_date END) AS entry_date,
      SUM(e.amount_minor) AS amount,
      (SELECT x.description FROM budget_expenses x WHERE x.id = e.source_id) AS description
    FROM ledger_entries e
    WHERE e.deleted_at IS NULL AND e.agreement_id = ${head.id}
      AND e.kind IN ('expense', 'disbursement')
    GROUP BY e.source_table, e.source_id, e.use_id, e.heading_code, e.nature
    HAVING amount != 0
    ORDER BY entry_date, e.source_id`.execute(db)
  let eligible = 0
  let ineligible = 0
  const listed: IneligibleSpending[] = []
  for (const group of groups.rows) {
    const amount = Number(group.amount)
    const reason = reasonOf(group, head, codes)
    if (reason === null) {
      eligible += amount
      continue
    }
    ineligible += amount
    listed.push({
      sourceTable: group.source_table,
      sourceId: group.source_id,
      date: group.entry_date,
      description: group.description,
      headingCode: group.heading_code,
      amount,
      reason,
    })
  }
  return { eligible, ineligible, listed }
}

function reasonOf(
  entry: {
    source_table: string
    entry_date: string
    heading_code: string | null
    nature: string | null
  },
  head: { starts_on: string; ends_on: string; nature: string },
  codes: ReadonlySet<string>,
): IneligibleSpending['reason'] | null {
  if (entry.entry_date < head.starts_on || entry.entry_date > head.ends_on) return 'outsidePeriod'
  if (entry.source_table !== 'budget_expenses') return null
  if (codes.size > 0 && (entry.heading_code === null || !codes.has(entry.heading_code)))
    return 'headingUnknown'
  if (head.nature !== 'mixed' && entry.nature !== null && entry.nature !== head.nature)
    return 'natureNotAllowed'
  return null
}
