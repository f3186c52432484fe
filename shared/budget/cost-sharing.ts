import { z } from 'zod'
import { decimalAmount } from '../validation/amounts'
import { optionalText, recordId, requiredText } from '../validation/fields'
import { allocate } from '../money/split'
import { type Money } from '../money/money'

/**
 * Cost sharing (« répartition d'une dépense ») — one expense split across several funds (the
 * untied fund and agreements), by amounts or by percentages, or by a saved key. The rounding
 * lives here so that the form's running remainder and the core agree to the cent.
 *
 * Percentages are turned into amounts by the largest remainder method (`shared/money/split`):
 * each share gets its exact part rounded down, and the cents left go one each to the shares
 * with the largest fractions (earlier rows first on ties). With two shares this is half-up
 * rounding of each: 60/40 of 4,321.07 € is 2,592.64 (2,592.642) and 1,728.43 (1,728.428).
 * A share's euros are the expense's euros split the same way, in proportion to the amounts, so
 * that the shares' euros add up exactly to the expense's.
 */

/** A share has at most 20 rows: more is no longer a key but an input mistake. */
export const MAX_SHARES = 20
export const FULL_PERCENT_BP = 10_000

/** "60", "33.33" → basis points (6000, 3333); null for anything else (0 < p ≤ 100, 2 decimals). */
export function parseSharePercent(text: string): number | null {
  const trimmed = text.trim().replace(',', '.')
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return null
  const [whole = '0', fraction = ''] = trimmed.split('.')
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return bp > 0 && bp <= FULL_PERCENT_BP ? bp : null
}

/** The amounts of percentage shares (basis points summing to 100 %), exactly summing to `total`. */
export function amountsOfPercents(total: Money, percentsBp: readonly number[]): Money[] {
  return allocate(total, percentsBp)
}

/** One row of a shared expense as the form sends it: a fund, its heading, a percent or an amount. */
export const expenseShareInput = z.strictObject({
  /** Null: the untied fund. */
  agreementId: recordId.nullish().transform((value) => value ?? null),
  headingCode: optionalText(30),
  percent: optionalText(10),
  amount: decimalAmount.nullish().transform((value) => value ?? null),
})
export type ExpenseShareInput = z.input<typeof expenseShareInput>

/** How a shared expense's rows are given: all as percentages, or all as amounts. */
export const SHARE_MODES = ['percent', 'amount'] as const
export type ShareMode = (typeof SHARE_MODES)[number]

export const expenseSharesInput = z.strictObject({
  mode: z.enum(SHARE_MODES, { error: 'validation.invalidType' }),
  rows: z.array(expenseShareInput).max(MAX_SHARES, { error: 'costSharing.tooMany' }),
})

/** A saved key's row: a fund, its heading and its percentage. */
export const sharingKeyRowInput = z.strictObject({
  agreementId: recordId.nullish().transform((value) => value ?? null),
  headingCode: optionalText(30),
  percent: requiredText(10),
})

export const sharingKeyInput = z.strictObject({
  /** Absent: a new key. */
  id: recordId.nullish(),
  name: requiredText(100),
  note: optionalText(500),
  rows: z.array(sharingKeyRowInput).max(MAX_SHARES, { error: 'costSharing.tooMany' }),
})
export type SharingKeyInput = z.input<typeof sharingKeyInput>

/** A saved key's row as stored (JSON in `cost_sharing_keys.shares`) and shown. */
export interface SharingKeyRow {
  agreementId: string | null
  headingCode: string | null
  percentBp: number
}

export interface SharingKey {
  id: string
  name: string
  note: string | null
  rows: SharingKeyRow[]
}

/** A share of an expense as the list shows it. */
export interface ExpenseShare {
  agreementId: string | null
  agreementReference: string | null
  headingCode: string | null
  percentBp: number | null
  /** In the expense's currency. */
  amount: number
  eurAmount: number
}

/** A key's rows as stored: checked when read, as anything from a file is. */
const storedKeyRows = z
  .array(
    z.strictObject({
      agreementId: z.uuid().nullable(),
      headingCode: z.string().max(30).nullable(),
      percentBp: z.number().int().min(1).max(FULL_PERCENT_BP),
    }),
  )
  .min(2)
  .max(MAX_SHARES)

/** A key's stored rows (JSON), or null when they are not what the core writes: 100 % in all. */
export function readKeyRows(text: string): SharingKeyRow[] | null {
  try {
    const parsed = storedKeyRows.safeParse(JSON.parse(text))
    if (!parsed.success) return null
    const total = parsed.data.reduce((a, r) => a + r.percentBp, 0)
    return total === FULL_PERCENT_BP ? parsed.data : null
  } catch {
    return null
  }
}
