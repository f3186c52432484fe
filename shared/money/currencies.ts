/**
 * ISO 4217 currencies the secretariat meets: its own (EUR), its funders' and its members'.
 *
 * `minorUnits` is the ISO 4217 exponent, not CLDR's display digits: CLDR shows LBP, KHR or
 * LAK without decimals, but amounts are stored in the ISO minor unit so that a payment typed
 * with cents is never silently truncated.
 */
export const CURRENCIES = {
  EUR: { minorUnits: 2 },
  USD: { minorUnits: 2 },
  CAD: { minorUnits: 2 },
  CHF: { minorUnits: 2 },
  GBP: { minorUnits: 2 },
  XOF: { minorUnits: 0 },
  XAF: { minorUnits: 0 },
  MAD: { minorUnits: 2 },
  TND: { minorUnits: 3 },
  DZD: { minorUnits: 2 },
  EGP: { minorUnits: 2 },
  MGA: { minorUnits: 2 },
  MUR: { minorUnits: 2 },
  SCR: { minorUnits: 2 },
  KMF: { minorUnits: 0 },
  DJF: { minorUnits: 0 },
  RWF: { minorUnits: 0 },
  BIF: { minorUnits: 0 },
  CDF: { minorUnits: 2 },
  GNF: { minorUnits: 0 },
  MRU: { minorUnits: 2 },
  CVE: { minorUnits: 2 },
  STN: { minorUnits: 2 },
  HTG: { minorUnits: 2 },
  LBP: { minorUnits: 2 },
  KHR: { minorUnits: 2 },
  LAK: { minorUnits: 2 },
  VND: { minorUnits: 0 },
  VUV: { minorUnits: 0 },
  XPF: { minorUnits: 0 },
  AMD: { minorUnits: 2 },
  RON: { minorUnits: 2 },
  MDL: { minorUnits: 2 },
  ALL: { minorUnits: 2 },
} as const satisfies Record<string, { minorUnits: number }>

export type CurrencyCode = keyof typeof CURRENCIES

/** The currency every consolidated figure is kept in. */
export const BASE_CURRENCY = 'EUR' satisfies CurrencyCode

export const CURRENCY_CODES = Object.keys(CURRENCIES) as CurrencyCode[]

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCIES, value)
}

export function minorUnits(currency: CurrencyCode): number {
  return CURRENCIES[currency].minorUnits
}
