import { INTL_LOCALE, type Language } from '../i18n/locale'
import type { IndicatorMeasure } from './schema'

/**
 * An indicator's value as people read it: yes/no in words, numbers the user's way with their
 * unit or %, free text as typed; a dash when there is none yet. `yesNo` gives the two words.
 */
export function formatIndicatorValue(
  measure: IndicatorMeasure,
  unit: string | null,
  value: string | null,
  language: Language,
  words: { yes: string; no: string; none: string },
): string {
  if (value === null) return words.none
  if (measure === 'yes_no') return value === 'yes' ? words.yes : words.no
  if (measure === 'text') return value
  const number = new Intl.NumberFormat(INTL_LOCALE[language]).format(Number(value))
  return measure === 'percentage' ? `${number} %` : `${number} ${unit ?? ''}`.trim()
}
