import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { AppFailure } from '../failure'
import { closingFigures } from '@shared/closing/closing-figures'
import type { ClosingStatement, Contribution, ContributionKind } from '@shared/closing/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { CONVERSION_RULES, type ConversionRule } from '@shared/funds/conversion-rule'
import { EVERY_DAY, spendingByRule, totalOf } from '../funds/conversion/spending-by-rule'
import { spendingEligibility } from './spending-eligibility'

type Db = DataFile['db']

/** The source of a closing's refund entry in the ledger. */
export const CLOSINGS = 'agreement_closings'

/** The agreement's figures a closing is computed from, read from the ledger as it stands. */
export interface ClosingBasis {
  ceiling: number
  eligibleSpending: number
  ineligibleSpending: number
  received: number
  cashCofinancing: number
  inKind: number
  /**
   * The eligible spending by the agreement's conversion rule less at the bank's rates (zero under
   * the bank's rate of the day): said on its own line, never inside the eligible costs.
   */
  exchangeDifference: number
}

/** The day an agreement ends, its last amendment's new end included. */
export async function agreementHead(db: Db, agreementId: string) {
  const row = await sql<{
    id: string
    reference: string
    funder_name: string
    currency: string
    conversion_rule: ConversionRule
    starts_on: string
    ends_on: string
    cofinancing_bp: number | null
    earmarking: string
    nature: string
    deleted_at: string | null
  }>`
    SELECT a.id, a.reference, f.name AS funder_name, a.currency, a.conversion_rule, a.starts_on,
      a.cofinancing_bp,
      a.earmarking, a.nature, a.deleted_at,
      COALESCE((SELECT m.new_ends_on FROM agreement_amendments m
        WHERE m.agreement_id = a.id AND m.deleted_at IS NULL AND m.new_ends_on IS NOT NULL
        ORDER BY m.signed_on DESC LIMIT 1), a.ends_on) AS ends_on
    FROM agreements a JOIN funders f ON f.id = a.funder_id WHERE a.id = ${agreementId}`.execute(db)
  return row.rows[0] ?? null
}

/**
 * What the ledger and the declared co-financing hold for an agreement: its ceiling (commitments),
 * its eligible spending and what is not (outside its period, on a heading it does not have, of
 * a nature it does not pay) — counted by its conversion rule, as the donor report and the
 * agreement page count it —, what its funder paid (receipts net of their
 * cancellations, its closing's refund apart), the cash and in-kind co-financing.
 */
export async function closingBasis(db: Db, head: AgreementRules): Promise<ClosingBasis> {
  const sums = await sql<{ ceiling: number | null; received: number | null }>`
    SELECT
      SUM(CASE WHEN kind = 'commitment' THEN amount_minor END) AS ceiling,
      SUM(CASE WHEN kind = 'receipt' AND source_table != ${CLOSINGS} THEN amount_minor END)
        AS received
    FROM ledger_entries WHERE deleted_at IS NULL AND agreement_id = ${head.id}`.execute(db)
  const { eligible: counted, ineligible: notCounted } = await ruledEligibility(db, head)
  const eligible = totalOf(counted)
  const ineligible = totalOf(notCounted)
  const cofinancing = await sql<{ kind: ContributionKind; amount: number }>`
    SELECT kind, SUM(amount_minor) AS amount FROM agreement_contributions
    WHERE agreement_id = ${head.id} AND deleted_at IS NULL GROUP BY kind`.execute(db)
  const row = sums.rows[0]
  const of = (kind: ContributionKind) =>
    Number(cofinancing.rows.find((r) => r.kind === kind)?.amount ?? 0)
  return {
    ceiling: Number(row?.ceiling ?? 0),
    eligibleSpending: eligible.amount,
    ineligibleSpending: ineligible.amount,
    received: Number(row?.received ?? 0),
    cashCofinancing: of('cash'),
    inKind: of('in_kind'),
    exchangeDifference: eligible.amount - eligible.bankAmount,
  }
}

/** What a closing reads of an agreement to count its spending. */
type AgreementRules = {
  id: string
  currency: string
  conversion_rule: ConversionRule
  starts_on: string
  ends_on: string
  nature: string
}

/** The agreement's spending by its conversion rule, split by what its closing counts. */
async function ruledEligibility(db: Db, head: AgreementRules) {
  const spending = await spendingByRule(
    db,
    { id: head.id, currency: head.currency as CurrencyCode, conversionRule: head.conversion_rule },
    EVERY_DAY,
  )
  return spendingEligibility(db, head, spending)
}

/** A closing as stored: its frozen figures. */
type ClosingRow = NonNullable<Awaited<ReturnType<typeof liveClosing>>>

/** The figures a closing froze, as a basis (what the ledger gave when it was closed). */
export function frozenBasis(closing: ClosingRow): ClosingBasis {
  return {
    ceiling: closing.ceiling_minor,
    eligibleSpending: closing.eligible_minor,
    ineligibleSpending: closing.ineligible_minor,
    received: closing.received_minor,
    cashCofinancing: closing.cash_cofinancing_minor,
    inKind: closing.in_kind_minor,
    exchangeDifference: closing.exchange_difference_minor,
  }
}

/** The figures a closing freezes that its conversion rule decides or that the ledger gives. */
export const RULED_FIGURES = [
  'ceiling',
  'eligibleSpending',
  'ineligibleSpending',
  'cashCofinancing',
  'inKind',
  'exchangeDifference',
] as const

/**
 * The rule a closing's frozen figures were counted by, and the basis the ledger gives by it:
 * the agreement's rule in force when it was closed (the change log says it), or the bank's —
 * every closing made before the rules counted (issue 27) was counted at the bank's rates,
 * whatever its agreement's rule. Null when neither gives its figures (the ledger moved since).
 * The rule is read rather than stored: a closing made before the rules counted recorded none.
 */
export async function closingRule(
  db: Db,
  head: AgreementRules,
  closing: ClosingRow,
): Promise<{ rule: ConversionRule; basis: ClosingBasis } | null> {
  const frozen = frozenBasis(closing)
  for (const rule of new Set([await ruleWhenClosed(db, head, closing.id), 'day_rate' as const])) {
    const basis = await closingBasis(db, { ...head, conversion_rule: rule })
    if (RULED_FIGURES.every((what) => basis[what] === frozen[what])) return { rule, basis }
  }
  return null
}

/**
 * The agreement's conversion rule when the closing was made: the value the first change of the
 * rule after the closing's stamp replaced, or the rule as it stands if it has not changed since.
 */
export async function ruleWhenClosed(
  db: Db,
  head: AgreementRules,
  closingId: string,
): Promise<ConversionRule> {
  const made = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.min('hlc').as('hlc'))
    .where('table_name', '=', CLOSINGS)
    .where('row_id', '=', closingId)
    .executeTakeFirst()
  if (!made?.hlc) return head.conversion_rule
  const next = await db
    .selectFrom('change_log')
    .select('old_value')
    .where('table_name', '=', 'agreements')
    .where('row_id', '=', head.id)
    .where('column_name', '=', 'conversion_rule')
    .where('hlc', '>', made.hlc)
    .orderBy('hlc')
    .limit(1)
    .executeTakeFirst()
  return (
    CONVERSION_RULES.find((rule) => next?.old_value === JSON.stringify(rule)) ??
    head.conversion_rule
  )
}

/** The agreement's live closing (not reopened), if it is closed. */
export async function liveClosing(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement_closings')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
}

/**
 * The closing statement of an agreement: the figures frozen at its closing if it is closed, or
 * as they would be if it were closed now.
 */
export async function closingStatement(db: Db, agreementId: string): Promise<ClosingStatement> {
  const head = await agreementHead(db, agreementId)
  if (!head) throw new AppFailure('NOT_FOUND')
  const closed = await liveClosing(db, agreementId)
  const basis: ClosingBasis = closed ? frozenBasis(closed) : await closingBasis(db, head)
  // A closed agreement's spending is listed by the rule its closing was counted by.
  const used = closed ? await closingRule(db, head, closed) : null
  const cofinancingBp = closed
    ? closed.funder_share_bp === null
      ? null
      : 10_000 - closed.funder_share_bp
    : head.cofinancing_bp
  const contributions = await db
    .selectFrom('agreement_contributions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('deleted_at', 'is', null)
    .orderBy('contributed_on')
    .orderBy('id')
    .execute()
  return {
    agreementId,
    reference: head.reference,
    funderName: head.funder_name,
    currency: head.currency as CurrencyCode,
    conversionRule: head.conversion_rule,
    startsOn: head.starts_on,
    endsOn: head.ends_on,
    ...basis,
    cofinancingBp,
    ...closingFigures({ ...basis, cofinancingBp }),
    closing: closed
      ? {
          id: closed.id,
          closedOn: closed.closed_on,
          refundEur: closed.refund_eur_minor,
          refundRate: closed.refund_rate,
          note: closed.note,
          conversionRule: used?.rule ?? null,
        }
      : null,
    ineligible: (
      await ruledEligibility(db, { ...head, conversion_rule: used?.rule ?? head.conversion_rule })
    ).listed,
    contributions: contributions.map((c): Contribution => ({
      id: c.id,
      kind: c.kind,
      contributedOn: c.contributed_on,
      contributor: c.contributor,
      description: c.description,
      amount: c.amount_minor,
      currency: c.currency as CurrencyCode,
      note: c.note,
    })),
  }
}
