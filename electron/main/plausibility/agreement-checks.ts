import type { Session } from '../app/session'
import { CLOSINGS } from '../closing/closing-statement'
import { EVERY_DAY, spendingByRule } from '../funds/conversion/spending-by-rule'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro, toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { headingFlexibilityWarnings, prefinancingWarnings } from '@shared/plausibility/eu-rules'
import type { PlausibilityWarning } from '@shared/plausibility/warnings'

/*
 * The EU's two money rules, checked as an entry is made on an agreement flagged as following
 * them (its « Règles UE / PRAG »): the figures they compare, read from the ledger as it stands
 * (net of cancellations) and counted by the agreement's conversion rule, as the donor report
 * counts them. The rules themselves are @shared/plausibility/eu-rules.
 */

type Warnings = Promise<PlausibilityWarning[]>
type Db = Session['file']['db']

/** The agreement as the EU checks need it; null when it does not follow the EU's rules. */
async function euAgreement(db: Db, agreementId: string) {
  const row = await db
    .selectFrom('agreements')
    .select(['id', 'currency', 'conversion_rule', 'is_eu_prag'])
    .where('id', '=', agreementId)
    .executeTakeFirst()
  if (!row || row.is_eu_prag !== 1) return null
  return {
    id: row.id,
    currency: row.currency as CurrencyCode,
    conversionRule: row.conversion_rule,
  }
}

/** A fund's part of an expense: one fund paying it all, or one share of a shared expense. */
export interface HeadingPart {
  agreementId: string | null
  headingCode: string | null
  /** In the expense's currency. */
  amount: Money
}

/**
 * What an expense of `amount` would bring its heading of `agreementId` to, against its budget,
 * the warning on `path`. `db` is the file, or the transaction of a change that has already
 * given back what the expense's old payment held.
 */
export async function headingChargeWarnings(
  session: Session,
  part: HeadingPart,
  day: string,
  path = 'headingCode',
  db: Db = session.file.db,
): Warnings {
  const { agreementId, headingCode, amount } = part
  if (headingCode === null || agreementId === null) return []
  const agreement = await euAgreement(db, agreementId)
  if (!agreement) return []
  const heading = await db
    .selectFrom('agreement_headings')
    .select(['code', 'label', 'amount_minor'])
    .where('agreement_id', '=', agreementId)
    .where('code', '=', headingCode)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!heading || heading.amount_minor <= 0) return []
  const charged = await atBank(session, db, amount, agreement.currency, day)
  // Without a rate the expense is refused anyway (budget-expenses-service): nothing to ask.
  if (!charged) return []
  const spending = await spendingByRule(db, agreement, EVERY_DAY, {
    entryDate: day,
    amount: charged.amount,
    eur: charged.eur,
    paidCurrency: amount.currency,
    paidAmount: amount.minor,
    headingCode,
  })
  const toCome = spending.pop()
  const spent = spending
    .filter((s) => s.headingCode === headingCode)
    .reduce((sum, s) => sum + s.amount, 0)
  return headingFlexibilityWarnings(path, {
    code: heading.code,
    label: heading.label,
    budget: money(heading.amount_minor, agreement.currency),
    spent: money(spent, agreement.currency),
    amount: money(toCome?.amount ?? charged.amount, agreement.currency),
  })
}

/**
 * Each share of a shared expense against its heading, as a single-fund expense is checked (the
 * same function, its warning on the share's row: `shares.rows.1.headingCode`). Each share is
 * weighed alone against what its heading already holds: two shares of one expense never fall on
 * the same heading (refused as a duplicate).
 */
export async function sharesHeadingWarnings(
  session: Session,
  parts: readonly HeadingPart[],
  day: string,
  db: Db = session.file.db,
): Warnings {
  const warnings: PlausibilityWarning[] = []
  for (const [index, part] of parts.entries()) {
    warnings.push(
      ...(await headingChargeWarnings(session, part, day, `shares.rows.${index}.headingCode`, db)),
    )
  }
  return warnings
}

/**
 * A receipt on an agreement following the EU's payment cycle: a further pre-financing before
 * 70 % of the last is spent (the spending by the agreement's rule, as the donor report says it).
 */
export async function prefinancingCheck(session: Session, agreementId: string): Warnings {
  const agreement = await euAgreement(session.file.db, agreementId)
  if (!agreement) return []
  // The payments as the donor report lists them: neither cancelled nor a closing's refund.
  const receipts = await session.file.db
    .selectFrom('ledger_entries as e')
    .select('e.amount_minor')
    .where('e.deleted_at', 'is', null)
    .where('e.kind', '=', 'receipt')
    .where('e.agreement_id', '=', agreementId)
    .where('e.reverses_id', 'is', null)
    .where('e.source_table', '!=', CLOSINGS)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_entries as x').select('x.id').whereRef('x.reverses_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.entry_date')
    .orderBy('e.created_at')
    .execute()
  const spending = await spendingByRule(session.file.db, agreement, EVERY_DAY)
  return prefinancingWarnings(
    'amount',
    receipts.map((r) => money(r.amount_minor, agreement.currency)),
    money(
      spending.reduce((sum, s) => sum + s.amount, 0),
      agreement.currency,
    ),
  )
}

/**
 * An amount in the agreement's currency and in euros at the bank's rates of the day (what the
 * ledger would hold); null without a rate.
 */
async function atBank(
  session: Session,
  db: Db,
  amount: Money,
  currency: CurrencyCode,
  day: string,
): Promise<{ amount: number; eur: number } | null> {
  const from =
    amount.currency === 'EUR' ? null : await session.rates.rateOn(amount.currency, day, db)
  if (amount.currency !== 'EUR' && !from) return null
  const eur = from ? toEuro(amount, from.rate).minor : amount.minor
  if (amount.currency === currency) return { amount: amount.minor, eur }
  if (currency === 'EUR') return { amount: eur, eur }
  const to = await session.rates.rateOn(currency, day, db)
  if (!to) return null
  return { amount: fromEuro(money(eur, 'EUR'), currency, to.rate).minor, eur }
}
