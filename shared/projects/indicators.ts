import { z } from 'zod'
import { isoDate, optionalIsoDate } from '../validation/dates'
import { optionalText, recordId, requiredText } from '../validation/fields'

// A project's indicators: their inputs, and how a measured value is read and compared.

export const INDICATOR_LEVELS = ['output', 'outcome', 'impact'] as const
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number]
/** How an indicator is measured (IATI IndicatorMeasure: unit 1, percentage 2, qualitative 5). */
export const INDICATOR_MEASURES = ['number', 'percentage', 'yes_no', 'text'] as const
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number]

export const indicatorInput = z.strictObject({
  projectId: recordId,
  name: requiredText(300),
  level: z.enum(INDICATOR_LEVELS, { error: 'validation.choice' }),
  measure: z.enum(INDICATOR_MEASURES, { error: 'validation.choice' }),
  unit: optionalText(50),
  baselineValue: optionalText(200),
  baselineOn: optionalIsoDate,
  targetValue: requiredText(200),
  targetOn: optionalIsoDate,
})
export type IndicatorInput = z.input<typeof indicatorInput>

export const indicatorValueInput = z.strictObject({
  indicatorId: recordId,
  periodEnd: isoDate,
  value: requiredText(2000),
  comment: optionalText(2000),
})
export type IndicatorValueInput = z.input<typeof indicatorValueInput>

/**
 * Reads a value typed for an indicator into its stored form, or says why it cannot: numbers
 * and percentages as plain decimals ("85000", "12.5"; percentages 0 to 100), yes/no as
 * "yes"/"no", text as it is.
 */
export function readIndicatorValue(
  measure: IndicatorMeasure,
  text: string,
):
  | { ok: true; value: string }
  | {
      ok: false
      key:
        'validation.indicatorNumber' | 'validation.indicatorPercent' | 'validation.indicatorYesNo'
    } {
  const value = text.trim()
  if (measure === 'text') return { ok: true, value }
  if (measure === 'yes_no') {
    const answer = value.toLowerCase()
    if (['yes', 'oui', 'y', 'o', 'true', '1'].includes(answer)) return { ok: true, value: 'yes' }
    if (['no', 'non', 'n', 'false', '0'].includes(answer)) return { ok: true, value: 'no' }
    return { ok: false, key: 'validation.indicatorYesNo' }
  }
  const normalised = value
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace(/%$/, '')
  if (!/^-?\d{1,15}(\.\d{1,4})?$/.test(normalised)) {
    return {
      ok: false,
      key: measure === 'percentage' ? 'validation.indicatorPercent' : 'validation.indicatorNumber',
    }
  }
  const number = Number(normalised)
  if (measure === 'percentage' && (number < 0 || number > 100)) {
    return { ok: false, key: 'validation.indicatorPercent' }
  }
  return { ok: true, value: String(number) }
}

/**
 * How far an indicator has come from its baseline to its target, from 0 to 1; null when it
 * cannot be measured (text, or no value yet).
 */
export function indicatorProgress(
  measure: IndicatorMeasure,
  baseline: string | null,
  target: string,
  actual: string | null,
): number | null {
  if (actual === null || measure === 'text') return null
  if (measure === 'yes_no') return actual === target ? 1 : 0
  const from = baseline === null ? 0 : Number(baseline)
  const to = Number(target)
  const now = Number(actual)
  if (to === from) return now === to ? 1 : 0
  return Math.min(1, Math.max(0, (now - from) / (to - from)))
}
