import type { MessageKey } from '../i18n/messages/catalog'
import type { CurrencyCode } from '../money/currencies'
import { type Money, money } from '../money/money'

/** A day in a message, written the user's way when the message is built. */
export interface DayParam {
  day: string
}

/**
 * Something in a form that is allowed but unlikely (a payment dated 2031, a thousand times the
 * usual amount): the core asks the user to confirm it, with the figures, before writing.
 */
export interface PlausibilityWarning {
  /** The field it is about, as in the channel's input. */
  path: string
  key: MessageKey
  params: Record<string, string | number | Money | DayParam>
}

/** How many times the usual amount a payment may be before the user is asked. */
export const USUAL_FACTOR = 10

/** The same day one year earlier (29 February goes to 28 February). */
export function yearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1
  const rest = day.slice(4) === '-02-29' ? '-02-28' : day.slice(4)
  return `${String(year).padStart(4, '0')}${rest}`
}

/** A money date after today, or more than a year before it. */
export function dateWarnings(path: string, day: string, today: string): PlausibilityWarning[] {
  if (day > today) return [{ path, key: 'plausibility.futureDate', params: { date: { day } } }]
  if (day < yearBefore(today)) {
    return [{ path, key: 'plausibility.oldDate', params: { date: { day } } }]
  }
  return []
}

/** An amount above what is due (both in the same currency): by how much. */
export function aboveDueWarnings(
  path: string,
  amount: Money,
  due: Money,
  key: MessageKey = 'plausibility.aboveDue',
): PlausibilityWarning[] {
  if (amount.currency !== due.currency || amount.minor <= due.minor) return []
  return [
    {
      path,
      key,
      params: { amount, due, excess: money(amount.minor - due.minor, amount.currency) },
    },
  ]
}

/**
 * The usual amount among earlier ones of the same currency: their median (one very large or
 * very small earlier amount does not move it). Null without earlier amounts.
 */
export function usualAmount(previous: readonly Money[], currency: CurrencyCode): Money | null {
  const sorted = previous
    .filter((p) => p.currency === currency && p.minor > 0)
    .map((p) => p.minor)
    .sort((a, b) => a - b)
  if (sorted.length === 0) return null
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2)
  return money(median, currency)
}

/** An amount more than {@link USUAL_FACTOR} times the usual of earlier ones. */
export function aboveUsualWarnings(
  path: string,
  amount: Money,
  previous: readonly Money[],
): PlausibilityWarning[] {
  const usual = usualAmount(previous, amount.currency)
  if (!usual || amount.minor <= usual.minor * USUAL_FACTOR) return []
  return [
    {
      path,
      key: 'plausibility.aboveUsual',
      params: { amount, usual, factor: USUAL_FACTOR },
    },
  ]
}

/**
 * The euro and the two CFA francs are one money at a fixed parity: members of the franc zone
 * routinely pay calls in euros with francs CFA, which is no reason to ask.
 */
const EURO_PARITY: readonly CurrencyCode[] = ['EUR', 'XOF', 'XAF']

/** A payment in a currency none of the calls it settles is in (nor at a fixed parity with). */
export function currencyWarnings(
  path: string,
  paid: CurrencyCode,
  called: readonly CurrencyCode[],
): PlausibilityWarning[] {
  const currencies = [...new Set(called)]
  const sameMoney = (currency: CurrencyCode) =>
    currency === paid || (EURO_PARITY.includes(currency) && EURO_PARITY.includes(paid))
  if (currencies.length === 0 || currencies.some(sameMoney)) return []
  return [
    {
      path,
      key: 'plausibility.currencyUnlikeCall',
      params: { paid, called: currencies.join(', ') },
    },
  ]
}

/** A financing plan whose total is not the project's cost, before it is approved. */
export function planBalanceWarnings(planned: Money, cost: Money): PlausibilityWarning[] {
  if (planned.currency !== cost.currency || planned.minor === cost.minor) return []
  const gap = money(Math.abs(cost.minor - planned.minor), cost.currency)
  return [
    {
      path: 'to',
      key: planned.minor < cost.minor ? 'plausibility.planShort' : 'plausibility.planOver',
      params: { planned, cost, gap },
    },
  ]
}
