/**
 * Exact decimals for money and rates: a bigint mantissa and a count of decimal places.
 *
 * This module holds the one rounding rule of the application (half-up, i.e. half away from
 * zero, as in commercial accounting): every division of money goes through {@link divideHalfUp}.
 */
export interface Decimal {
  /** The digits without the decimal point, e.g. 655957n for 655.957. */
  readonly mantissa: bigint
  /** How many of those digits are decimals, e.g. 3 for 655.957. */
  readonly scale: number
}

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/

/** Reads a plain decimal string ("655.957", "-12", "0.0001"); returns null if it is not one. */
export function parseDecimal(text: string): Decimal | null {
  if (!DECIMAL_PATTERN.test(text)) return null
  const negative = text.startsWith('-')
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const mantissa = BigInt(whole + fraction)
  return { mantissa: negative ? -mantissa : mantissa, scale: fraction.length }
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent)
}

/** Divides and rounds half away from zero: 5/2 → 3, -5/2 → -3, 4/3 → 1. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero')
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  let quotient = n / d
  if ((n % d) * 2n >= d) quotient += 1n
  return negative ? -quotient : quotient
}

/** Writes an integer count of minor units as a plain decimal string: (123456, 2) → "1234.56". */
export function minorToDecimalString(minor: bigint | number, digits: number): string {
  // Most amounts are safe integers: their digits are the same without going through a BigInt.
  const value = typeof minor === 'number' && Number.isSafeInteger(minor) ? minor : BigInt(minor)
  const negative = value < 0
  const digitsText = (negative ? -value : value).toString().padStart(digits + 1, '0')
  const whole = digitsText.slice(0, digitsText.length - digits)
  const fraction = digits > 0 ? '.' + digitsText.slice(digitsText.length - digits) : ''
  return (negative ? '-' : '') + whole + fraction
}

/**
 * A JavaScript number as the shortest plain decimal string that reads back as the same number,
 * without an exponent: 0.075 → "0.075", 1e-7 → "0.0000001", 1.5e21 → "1500000000000000000000".
 */
export function decimalOfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`)
  const [digits = '0', exponentText] = String(value).split('e')
  if (exponentText === undefined) return digits
  return shiftDecimal(digits, Number(exponentText))
}

/**
 * A plain decimal string multiplied by 10^`places` exactly, by moving its point: ("7.5", -2) →
 * "0.075", ("0.075", 2) → "7.5". Written without needless zeros.
 */
export function shiftDecimal(text: string, places: number): string {
  const parsed = parseDecimal(text)
  if (!parsed) throw new RangeError(`Not a decimal: ${text}`)
  const scale = parsed.scale - places
  const mantissa = scale < 0 ? parsed.mantissa * pow10(-scale) : parsed.mantissa
  const plain = minorToDecimalString(mantissa, Math.max(0, scale))
  return plain.includes('.') ? plain.replace(/\.?0+$/, '') : plain
}
