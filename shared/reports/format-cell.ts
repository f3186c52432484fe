import { formatNumber } from '../i18n/format-number'
import { formatDate } from '../i18n/format-dates'
import { formatPercent } from '../i18n/format-percent'
import type { Language } from '../i18n/locale'
import { formatMoney, formatRate } from '../money/format'
import { money } from '../money/money'
import { translate } from '../i18n/translate'
import type { Cell, ReportDocument } from './model'

/** A report cell as people read it, on screen and in the PDF, in the user's language. */
export function formatCell(cell: Cell, language: Language): string {
  if (cell === null) return ''
  switch (cell.kind) {
    case 'text':
      return cell.text
    case 'money':
      return formatMoney(money(cell.minor, cell.currency), language)
    case 'percent':
      return cell.ratio === null ? '—' : formatPercent(cell.ratio, language)
    case 'number':
      return formatNumber(cell.value, language)
    case 'rate':
      return formatRate(cell.rate, language)
    case 'year':
      return String(cell.value)
    case 'date':
      return formatDate(cell.iso, language)
  }
}

/** Whether a cell is a figure, aligned right. */
export function isFigure(cell: Cell): boolean {
  return cell !== null && cell.kind !== 'text' && cell.kind !== 'date'
}

/** A parameter's label as it stands before its value: « Année : », "Year:". */
export function labelled(report: ReportDocument, label: string): string {
  return translate(report.language, 'reporting.labelled', { label })
}

/** What a report is about, for its document properties: its parameters. */
export function reportSubject(report: ReportDocument): string {
  return report.parameters.map((p) => `${labelled(report, p.label)} ${p.value}`).join(' ; ')
}
