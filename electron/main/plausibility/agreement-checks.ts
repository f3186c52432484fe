import { sql } from 'kysely'
import type { Session } from '../app/session'
import { CLOSINGS } from '../closing/closing-statement'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro, toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { headingFlexibilityWarnings, prefinancingWarnings } from '@shared/plausibility/eu-rules'
import type { PlausibilityWarning } from '@shared/plausibility/warnings'

/*
 * The EU's two money rules, checked as an entry is made: the figures they compare, read from the
 * ledger as it stands (amounts in the agreement's currency at the bank's rates, net of
 * cancellations). The rules themselves are @shared/plausibility/eu-rules.
 */

type Warnings = Promise<PlausibilityWarning[]>

/** What an expense of `amount` would bring its heading of `agreementId` to, against its budget. */
export async function headingChargeWarnings(
  session: Session,
  agreementId: string,
  headingCode: string | null,
  amount: Money,
  day: string,
): Warnings {
  if (headingCode === null) return []
  const db = session.file.db
  const agreement = await db
    .selectFrom('agreements')
    .select(['currency'])
    .where('id', '=', agreementId)
    .executeTakeFirst()
  const heading = await db
    .selectFrom('agreement_headings')
    .select(['code', 'label', 'amount_minor'])
    .where('agreement_id', '=', agreementId)
    .where('code', '=', headingCode)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!agreement || !heading || heading.amount_minor <= 0) return []
  const currency = agreement.currency as CurrencyCode
  const charged = await inCurrency(session, amount, currency, day)
  // Without a rate the expense is refused anyway (budget-expenses-service): nothing to ask.
  if (!charged) return []
  const spent = await sql<{ spent: number | null }>`
    SELECT SUM(amount_minor) AS spent FROM ledger_entries
    WHERE deleted_at IS NULL AND agreement_id = ${agreementId} AND heading_code = ${headingCode}
      AND kind IN ('expense', 'disbursement')`.execute(db)
  return headingFlexibilityWarnings('headingCode', {
    code: heading.code,
    label: heading.label,
    budget: money(heading.amount_minor, currency),
    spent: money(Number(spent.rows[0]?.spent ?? 0), currency),
    amount: charged,
  })
}

/**
 * A receipt on an agreement following the EU's payment cycle (a multilateral funder's, or one
 * converted at InforEuro rates): a further pre-financing before 70 % of the last is spent.
 */
export async function prefinancingCheck(session: Session, agreementId: string): Warnings {
  const db = session.file.db
  const agreement = await db
    .selectFrom('agreements as a')
    .innerJoin('funders as f', 'f.id', 'a.funder_id')
    .select(['a.currency', 'a.conversion_rule', 'f.kind'])
    .where('a.id', '=', agreementId)
    .executeTakeFirst()
  if (!agreement) return []
  if (agreement.kind !== 'multilateral' && agreement.conversion_rule !== 'inforeuro_month')
    return []
  const currency = agreement.currency as CurrencyCode
  // The payments as the donor report lists them: neither cancelled nor a closing's refund.
  const receipts = await sql<{ amount_minor: number }>`
    SELECT e.amount_minor FROM ledger_entries e
    WHERE e.deleted_at IS NULL AND e.kind = 'receipt' AND e.agreement_id = ${agreementId}
      AND e.reverses_id IS NULL AND e.source_table != ${CLOSINGS}
      AND NOT EXISTS (SELECT 1 FROM ledger_entries x WHERE x.reverses_id = e.id)
    ORDER BY e.entry_date, e.rowid`.execute(db)
  const spent = await sql<{ spent: number | null }>`
    SELECT SUM(amount_minor) AS spent FROM ledger_entries
    WHERE deleted_at IS NULL AND agreement_id = ${agreementId}
      AND kind IN ('expense', 'disbursement')`.execute(db)
  return prefinancingWarnings(
    'amount',
    receipts.rows.map((r) => money(r.amount_minor, currency)),
    money(Number(spent.rows[0]?.spent ?? 0), currency),
  )
}

/** An amount in another currency, through the euro at the day's rates; null without a rate. */
async function inCurrency(
  session: Session,
  amount: Money,
  currency: CurrencyCode,
  day: string,
): Promise<Money | null> {
  if (amount.currency === currency) return amount
  const from = await session.rates.rateOn(amount.currency, day)
  const to = await session.rates.rateOn(currency, day)
  if (!from || !to) return null
  return fromEuro(toEuro(amount, from.rate), currency, to.rate)
}
