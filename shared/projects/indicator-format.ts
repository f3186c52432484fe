import { formatNumber } from '../i18n/format-number'
import { formatBasisPoints } from '../i18n/format-percent'
import type { Language } from '../i18n/locale'
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
  // A percentage in the one style of every percentage (« 24,55 % », « 24.55% »).
  if (measure === 'percentage') return formatBasisPoints(Math.round(Number(value) * 100), language)
  return `${formatNumber(Number(value), language)} ${unit ?? ''}`.trim()
}
