import { resolve } from 'node:path'
import { exportEntries } from '../accounting/entries-export'
import { DataFile } from '../db/data-file'
import { AppFailure, formatParams } from '../failure'
import { writeExportFile } from '../reports/export-file'
import { ENTRY_EXPORT_FORMATS, type EntryExportFormat } from '@shared/accounting/schema'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { today } from '@shared/validation/dates'

/**
 * `aimf fec FILE --year YYYY --out PATH`: the FEC of a fiscal year; `aimf entries FILE --year
 * YYYY --format sage|ebp|cegid|quadra --out PATH`: the same entries for an accountant's software.
 */
export async function entriesCommand(
  command: 'fec' | 'entries',
  path: string,
  options: { year?: string; format?: string; out?: string },
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const usage = command === 'fec' ? 'accounting.cli.fecUsage' : 'accounting.cli.entriesUsage'
  const year = Number(options.year)
  const format = command === 'fec' ? 'fec' : options.format
  if (
    !options.out ||
    !Number.isInteger(year) ||
    year < 1990 ||
    year > 2100 ||
    !format ||
    !(ENTRY_EXPORT_FORMATS as readonly string[]).includes(format) ||
    (command === 'entries' && format === 'fec')
  ) {
    err(translate(language, usage))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const result = await exportEntries(file.db, year, format as EntryExportFormat, {
      today: today(),
      language,
    })
    const target = resolve(options.out)
    await writeExportFile(target, result.bytes)
    out(
      translate(language, 'accounting.cli.written', {
        path: target,
        entries: result.entries,
        lines: result.lines,
      }),
    )
    if (result.provisional) out(translate(language, 'accounting.entries.provisional', { year }))
    return 0
  } catch (error) {
    if (error instanceof AppFailure && error.fields.length > 0) {
      for (const field of error.fields) {
        err(translate(language, field.key, formatParams(field.params ?? {}, language)))
      }
      return 2
    }
    throw error
  } finally {
    await file.close()
  }
}
