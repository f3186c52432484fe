import { resolve } from 'node:path'
import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { writeExportFile } from '../reports/export-file'
import { importWorkbook } from '../workbook/workbook-import'
import { AppFailure, toAppError } from '../failure'
import { registersWorkbook } from '../workbook/workbook-writer'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { WorkbookReport } from '@shared/workbook/schema'
import { REGISTERS } from '../workbook/registers'

type Out = (line: string) => void

/**
 * `aimf template --out PATH.xlsx` (no file: the empty workbook to fill) and
 * `aimf export FILE --out PATH.xlsx` (every register of the file in the template's form).
 */
export async function registersCommand(
  path: string | null,
  outPath: string | undefined,
  language: Language,
  out: Out,
  err: Out,
) {
  if (!outPath) {
    err(translate(language, 'cli.workbookUsage'))
    return 2
  }
  const file = path ? await DataFile.open(path) : null
  try {
    const target = resolve(outPath)
    await writeExportFile(
      target,
      await registersWorkbook(REGISTERS, language, file ? createSession(file) : undefined),
    )
    out(translate(language, 'reporting.exported', { path: target }))
    return 0
  } finally {
    await file?.close()
  }
}

/**
 * `aimf import FILE PATH.xlsx [--dry-run] [--json]`: imports the workbook all or nothing — or,
 * with `--dry-run`, does everything the import would and rolls it back — and lists every problem
 * (sheet, row, column, value, message). Exit 0 when imported (or nothing blocks a dry run), 1
 * when the workbook is refused, 2 when the command or a file is wrong. With `--json`, every
 * outcome is one JSON document on stdout: the report, or `{ "error": { code, message } }`.
 */
export async function importCommand(
  path: string,
  workbookPath: string | undefined,
  options: { dryRun: boolean; json: boolean; author: string },
  language: Language,
  out: Out,
  err: Out,
) {
  const failed = (code: string, message: string) => {
    if (options.json) out(JSON.stringify({ error: { code, message } }, null, 2))
    else err(message)
    return 2
  }
  if (!workbookPath) return failed('USAGE', translate(language, 'cli.workbookUsage'))
  let file: DataFile | null = null
  try {
    file = await DataFile.open(path)
    const report = await importWorkbook(
      createSession(file, () => language),
      resolve(workbookPath),
      { dryRun: options.dryRun, author: options.author, language, registers: REGISTERS },
    )
    print(report, options.json, language, out)
    return report.problems.some((p) => p.blocking) ? 1 : 0
  } catch (error) {
    if (error instanceof AppFailure) return failed(error.code, toAppError(error, language).message)
    // Not a refusal: a fault of the program, said as such (its details for support on stderr).
    if (options.json) {
      err(error instanceof Error ? (error.stack ?? error.message) : String(error))
      return failed('INTERNAL', translate(language, 'errors.INTERNAL'))
    }
    throw error
  } finally {
    await file?.close()
  }
}

function print(report: WorkbookReport, json: boolean, language: Language, out: Out): void {
  if (json) {
    out(JSON.stringify(report, null, 2))
    return
  }
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params)
  for (const sheet of report.sheets) {
    const counts = {
      sheet: sheet.sheet,
      rows: sheet.rows,
      created: sheet.created ?? 0,
      updated: sheet.updated ?? 0,
      unchanged: sheet.unchanged ?? 0,
    }
    out(
      sheet.created === undefined
        ? t('cli.importRows', counts)
        : t(report.imported ? 'cli.importDone' : 'cli.importPreview', counts),
    )
  }
  for (const p of report.problems) {
    const where = [p.sheet, p.row === null ? null : t('cli.row', { row: p.row }), p.column]
      .filter(Boolean)
      .join(' · ')
    // A problem of the whole file names no place: its message alone.
    const place = `${where}${p.value === null ? '' : ` « ${p.value} »`}`
    out(`${p.blocking ? '✗' : '!'} ${place ? `${place} : ` : ''}${p.message}`)
  }
  if (report.omittedProblems > 0) out(t('workbook.omitted', { count: report.omittedProblems }))
  const blocking = report.problems.filter((p) => p.blocking).length
  if (blocking > 0) out(t('cli.importRefused', { count: blocking }))
  else if (report.dryRun) out(t('cli.dryRunPassed'))
}
