import type { DataFile } from '../../db/data-file'
import { agreementFigures } from '../ledger'
import { DEFAULT_INDIRECT_CAP_BP } from '../heading-templates'
import { spendingByRule, totalOf } from '../conversion/spending-by-rule'
import type { CurrencyCode } from '@shared/money/currencies'
import type { OverheadPosition, OverheadPosting } from '@shared/funds/overhead'
import { divideHalfUp } from '@shared/money/decimal'

type Db = DataFile['db']

/** The ledger's source table of overhead postings. */
export const OVERHEAD_SOURCE = 'overhead_recoveries'

/** The rate the agreement allows: its own, or the EU's 7 % when it has an indirect heading. */
export async function overheadRateBp(
  db: Db,
  agreement: { id: string; indirect_cost_max_bp: number | null },
): Promise<number | null> {
  if (agreement.indirect_cost_max_bp !== null) return agreement.indirect_cost_max_bp || null
  const indirect = await db
    .selectFrom('agreement_headings')
    .select('id')
    .where('agreement_id', '=', agreement.id)
    .where('role', '=', 'indirect')
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return indirect ? DEFAULT_INDIRECT_CAP_BP : null
}

/**
 * The agreement's eligible direct costs to a day, in its currency and in euros, as its conversion
 * rule counts them (the donor report's figures): its spending (expenses, disbursements to
 * cities) less what is charged to its indirect headings and less the overhead recovered itself —
 * indirect costs are a share of direct costs, never of themselves.
 */
export async function directCosts(
  db: Db,
  agreementId: string,
  asOf: string,
): Promise<{ native: number; eur: number }> {
  const agreement = await db
    .selectFrom('agreements')
    .select(['id', 'currency', 'conversion_rule'])
    .where('id', '=', agreementId)
    .executeTakeFirst()
  if (!agreement) return { native: 0, eur: 0 }
  const indirect = new Set(
    (
      await db
        .selectFrom('agreement_headings')
        .select('code')
        .where('agreement_id', '=', agreementId)
        .where('role', '=', 'indirect')
        .where('deleted_at', 'is', null)
        .execute()
    ).map((h) => h.code),
  )
  const spending = await spendingByRule(
    db,
    {
      id: agreement.id,
      currency: agreement.currency as CurrencyCode,
      conversionRule: agreement.conversion_rule,
    },
    asOf,
  )
  const direct = totalOf(
    spending.filter(
      (s) =>
        s.sourceTable !== OVERHEAD_SOURCE &&
        (s.headingCode === null || !indirect.has(s.headingCode)),
    ),
  )
  return { native: direct.amount, eur: direct.eur }
}

/** The cap: the rate of the direct costs, half up (7 % of 1,234.56 is 86.42). */
export function overheadCap(direct: number, rateBp: number | null): number {
  if (rateBp === null || direct <= 0) return 0
  return Number(divideHalfUp(BigInt(direct) * BigInt(rateBp), 10_000n))
}

/** The postings of an agreement, oldest first (cancelled ones too, for the page's history). */
export async function overheadPostings(db: Db, agreementId: string): Promise<OverheadPosting[]> {
  const rows = await db
    .selectFrom('overhead_recoveries')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('posted_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    postedOn: r.posted_on,
    rateBp: r.rate_bp,
    base: r.base_minor,
    amount: r.amount_minor,
    eurAmount: r.eur_minor,
    note: r.note,
    cancelReason: r.deleted_at ? (r.cancel_reason ?? '') : null,
  }))
}

/**
 * What the agreement allows, has posted and could post on a day. Posting brings the recovered
 * amount to min(cap, posted + available): never more than the rate allows, never money the
 * agreement has not received (or has already spent).
 */
export async function overheadPosition(
  db: Db,
  agreementId: string,
  asOf: string,
): Promise<OverheadPosition | null> {
  const agreement = await db
    .selectFrom('agreements')
    .select(['id', 'currency', 'indirect_cost_max_bp', 'earmarking'])
    .where('id', '=', agreementId)
    .executeTakeFirst()
  if (!agreement) return null
  const rateBp = agreement.earmarking === 'untied' ? null : await overheadRateBp(db, agreement)
  const direct = await directCosts(db, agreementId, asOf)
  const postings = await overheadPostings(db, agreementId)
  const posted = postings
    .filter((p) => p.cancelReason === null)
    .reduce((sum, p) => sum + p.amount, 0)
  const figures = (await agreementFigures(db, asOf, [agreementId])).get(agreementId)
  const available = Math.max(0, figures?.native.available ?? 0)
  const allowed = overheadCap(direct.native, rateBp)
  const target = Math.min(allowed, posted + available)
  return {
    agreementId,
    currency: agreement.currency,
    rateBp,
    directCosts: direct.native,
    allowed,
    posted,
    available,
    toPost: target - posted,
    postings,
  }
}
