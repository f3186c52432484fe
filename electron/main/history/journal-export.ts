import { writeExportFile } from '../reports/export-file'
import type { JournalEntry } from '@shared/history/schema'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'

const COLUMNS = [
  'recorded_at',
  'author',
  'table',
  'record',
  'operation',
  'column',
  'old_value',
  'new_value',
]

/** The columns an auditor reads, after the stored ones: named in the interface's language. */
const READABLE_COLUMNS = ['register', 'recordName', 'field', 'before', 'after'] as const

/**
 * One CSV field: quoted when needed, and a value that a spreadsheet would run as a formula
 * (=, +, -, @ first) prefixed with an apostrophe, so that exporting a record can never make
 * Excel execute what someone typed into it.
 */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Writes the journal as CSV (UTF-8 with a byte-order mark, which Excel needs to read accents):
 * each change as stored (for tools) and as the interface shows it (for people).
 */
export async function writeJournalCsv(
  path: string,
  entries: JournalEntry[],
  language: Language,
): Promise<number> {
  const headers = READABLE_COLUMNS.map((column) => translate(language, `journal.csv.${column}`))
  const lines = [[...COLUMNS, ...headers].map(csvField).join(',')]
  for (const entry of [...entries].reverse()) {
    for (const change of entry.changes) {
      lines.push(
        [
          entry.recordedAt,
          entry.author,
          entry.table,
          entry.rowId,
          entry.op,
          change.column,
          change.oldValue,
          change.newValue,
          translate(language, `records.${entry.table}` as MessageKey),
          entry.recordName,
          change.label,
          change.before,
          change.after,
        ]
          .map(csvField)
          .join(','),
      )
    }
  }
  await writeExportFile(path, `\uFEFF${lines.join('\r\n')}\r\n`)
  return lines.length - 1
}
