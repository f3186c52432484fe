import { resolve } from 'node:path'
import { createSession } from '../app/app-core'
import { DataFile } from '../db/data-file'
import { writeExportFile } from '../reports/export-file'
import { checkWorkbook, importAllOrNothing } from '../workbook/workbook-import'
import { registersWorkbook } from '../workbook/workbook-writer'
import type { Language } from '../../../shared/i18n/locale'
import { translate } from '../../../shared/i18n/translate'
import type { WorkbookReport } from '../../../shared/workbook/schema'

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
      await registersWorkbook(language, file ? createSession(file) : undefined),
    )
    out(translate(language, 'reporting.exported', { path: target }))
    return 0
  } finally {
    await file?.close()
  }
}

/**
 * `aimf import FILE PATH.xlsx [--dry-run] [--json]`: checks the workbook, lists every problem
 * (sheet, row, column, value, message), and imports all or nothing when nothing blocks.
 * Exit 1 when a problem blocks the import.
 */
export async function importCommand(
  path: string,
  workbookPath: string | undefined,
  options: { dryRun: boolean; json: boolean; author: string },
  language: Language,
  out: Out,
  err: Out,
) {
  if (!workbookPath) {
    err(translate(language, 'cli.workbookUsage'))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const session = createSession(file, () => language)
    const checked = await checkWorkbook(session, resolve(workbookPath), language)
    const blocked = checked.report.problems.some((p) => p.blocking)
    let report = checked.report
    if (!options.dryRun && !blocked)
      report = await importAllOrNothing(session, checked, options.author)
    print(report, options.json, language, out)
    return blocked ? 1 : 0
  } finally {
    await file.close()
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
    out(
      report.imported
        ? t('cli.importDone', {
            sheet: sheet.sheet,
            created: sheet.created ?? 0,
            updated: sheet.updated ?? 0,
            unchanged: sheet.unchanged ?? 0,
          })
        : t('cli.importPreview', {
            sheet: sheet.sheet,
            rows: sheet.rows,
            create: sheet.create,
            update: sheet.update,
          }),
    )
  }
  for (const p of report.problems) {
    const where = [p.sheet, p.row === null ? null : t('cli.row', { row: p.row }), p.column]
      .filter(Boolean)
      .join(' · ')
    out(
      `${p.blocking ? '✗' : '!'} ${where}${p.value === null ? '' : ` « ${p.value} »`} : ${p.message}`,
    )
  }
}
