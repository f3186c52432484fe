import { INTL_LOCALE, type Language } from './locale'

/** A ratio (0.647) as a percentage in the user's language: "64,7 %" or "64.7%"; a dash for none. */
export function formatPercent(ratio: number | null, language: Language): string {
  if (ratio === null) return '—'
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio)
}
