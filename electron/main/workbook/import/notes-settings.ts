import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import {
  DATE_LIMITS,
  DEFAULT_DATE_RANGE,
  type DateOrder,
  type DateReading,
  cellText,
  frenchDay,
  readDate,
} from '../cell-values'
import { type RawRow, isFault } from '../workbook-reader'
import type { Problems } from './problems'

/** A line of the Notes sheet that declares something, known by its label in either language. */
function labelsOf(key: MessageKey): string[] {
  return (['fr', 'en'] as const).map((l) => translate(l, key).trim().toLowerCase())
}

/**
 * How the workbook's dates are read, as its Notes sheet declares: the order of dates typed as
 * text (day first when it says nothing: "JJ/MM/AAAA" or "DD/MM/YYYY"; "MM/JJ/AAAA" or
 * "MM/DD/YYYY" for a US workbook) and the days they may fall on (1950 to 2100 unless it says
 * otherwise, within 1900–2100).
 */
export function notesSettings(
  sheet: string | null,
  rows: readonly RawRow[],
  problems: Problems,
): DateReading {
  const reading: DateReading = { order: 'day_first', range: DEFAULT_DATE_RANGE }
  const orderLabels = labelsOf('workbook.notes.dateOrder')
  const rangeLabels = labelsOf('workbook.notes.dateRange')
  const declared: { row: number; label: 'order' | 'range'; text: string }[] = []
  for (const { row, cells } of rows) {
    const [label, value] = [cells[1], cells[2]].map((cell) =>
      cell === undefined || isFault(cell) ? '' : cellText(cell).trim(),
    )
    const wanted = (label ?? '').toLowerCase()
    if (orderLabels.includes(wanted)) declared.push({ row, label: 'order', text: value ?? '' })
    if (rangeLabels.includes(wanted)) declared.push({ row, label: 'range', text: value ?? '' })
  }
  // The order first: the range is written in it.
  for (const { row, text } of declared.filter((d) => d.label === 'order')) {
    const order = dateOrderOf(text)
    if (order) reading.order = order
    else
      problems.add({
        sheet: sheet ?? '',
        row,
        column: null,
        value: text,
        key: 'workbook.badDateOrder',
        blocking: true,
      })
  }
  for (const { row, text } of declared.filter((d) => d.label === 'range')) {
    const days = [...text.matchAll(/\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}/g)].map(([day]) =>
      readDate(day, { order: reading.order, range: DATE_LIMITS }),
    )
    const [from, to] = days
    if (days.length === 2 && from?.ok && to?.ok && from.value && to.value && from.value <= to.value)
      reading.range = { from: from.value, to: to.value }
    else
      problems.add({
        sheet: sheet ?? '',
        row,
        column: null,
        value: text,
        key: 'workbook.badDateRange',
        params: { from: frenchDay(DATE_LIMITS.from), to: frenchDay(DATE_LIMITS.to) },
        blocking: true,
      })
  }
  return reading
}

function dateOrderOf(text: string): DateOrder | null {
  const declared = text.replace(/\s/g, '').toUpperCase()
  if (/^(JJ|DD)\/MM\//.test(declared)) return 'day_first'
  if (/^MM\/(JJ|DD)\//.test(declared)) return 'month_first'
  return null
}
