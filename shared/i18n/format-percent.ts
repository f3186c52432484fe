import { INTL_LOCALE, type Language } from './locale'

const percentFormats = new Map<Language, Intl.NumberFormat>()

/** A ratio (0.647) as a percentage in the user's language: "64,7 %" or "64.7%"; a dash for none. */
export function formatPercent(ratio: number | null, language: Language): string {
  if (ratio === null) return '—'
  let format = percentFormats.get(language)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    })
    percentFormats.set(language, format)
  }
  return format.format(ratio)
}

/**
 * A rate in basis points (2083) as people read it, with the decimals it has and no more:
 * "20,83 %" or "20.83%"; "7 %" for 700.
 */
export function formatBasisPoints(basisPoints: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(basisPoints / 10_000)
}
