import type { Session } from '../../app/session'
import { fieldFailure } from '../../failure'
import type { z } from 'zod'
import type { expenseShareInput } from '@shared/budget/cost-sharing'
import { amountText, keyedAmountsText, known, type Memo } from '../../workbook/register'
import { nameKey } from '../../workbook/names'

/**
 * A shared expense's shares in one cell of the budget expenses sheet, written as the tranches'
 * split is: « UE-2026-PAIX / 1 : 2592.64 ; Fonds délié : 1728.43 » — each fund by its
 * agreement's reference (and the heading charged, after « / »), or the untied fund by name,
 * then the share's amount in the expense's currency. Without it an exported shared expense
 * came back as one untied expense of the whole amount: the shares were lost on the way.
 */

/** What the untied fund is called in the cell, read in either language and without accents. */
const UNTIED_FUND = 'Fonds délié'
const UNTIED_FUND_NAMES = [UNTIED_FUND, 'Fonds délié AIMF', 'Untied fund', 'Fonds non affecté']

/** Each shared expense's shares as the cell says them, by expense id, in their order. */
export async function sharesCells(session: Session): Promise<Map<string, string>> {
  const shares = await session.file.db
    .selectFrom('expense_shares as s')
    .leftJoin('agreements as a', 'a.id', 's.agreement_id')
    .innerJoin('budget_expenses as e', 'e.id', 's.expense_id')
    .select(['s.expense_id', 's.heading_code', 's.amount_minor', 'e.currency', 'a.reference'])
    .where('s.deleted_at', 'is', null)
    .orderBy('s.expense_id')
    .orderBy('s.position')
    .execute()
  const byExpense = new Map<string, { key: string; amount: string }[]>()
  for (const share of shares) {
    const fund = share.reference ?? UNTIED_FUND
    const key = share.heading_code ? `${fund} / ${share.heading_code}` : fund
    const list = byExpense.get(share.expense_id) ?? []
    list.push({ key, amount: amountText(share.amount_minor, share.currency) })
    byExpense.set(share.expense_id, list)
  }
  return new Map(
    [...byExpense].map(([id, list]) => [id, keyedAmountsText(list) ?? ''] as [string, string]),
  )
}

/**
 * The shares a row's cell names, as the expense form sends them (by amounts), or null when the
 * cell is empty. A fund the file does not know is refused on the cell, saying how funds are named.
 */
export async function sharesOfCell(
  session: Session,
  memo: Memo,
  cell: readonly { key: string; amount: string }[] | null | undefined,
): Promise<{ mode: 'amount'; rows: z.output<typeof expenseShareInput>[] } | null> {
  if (!cell || cell.length === 0) return null
  const agreements = await known(
    memo,
    'shareAgreements',
    () =>
      session.file.db
        .selectFrom('agreements')
        .select(['id', 'reference'])
        .where('deleted_at', 'is', null)
        .execute(),
    (a) => nameKey(a.reference),
  )
  const untied = new Set(UNTIED_FUND_NAMES.map(nameKey))
  return {
    mode: 'amount',
    rows: cell.map(({ key, amount }) => {
      const at = key.lastIndexOf(' / ')
      const whole = agreements.get(nameKey(key).toLowerCase())
      const fund = whole ? key : at > 0 ? key.slice(0, at) : key
      const headingCode = whole || at <= 0 ? null : key.slice(at + 3).trim() || null
      if (untied.has(nameKey(fund)))
        return { agreementId: null, headingCode, percent: null, amount }
      const agreement = agreements.get(nameKey(fund).toLowerCase())
      if (!agreement) {
        throw fieldFailure('VALIDATION', 'shares', 'workbook.sharesUnknownFund', { fund })
      }
      return { agreementId: agreement.id, headingCode, percent: null, amount }
    }),
  }
}
