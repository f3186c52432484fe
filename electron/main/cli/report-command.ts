import { resolve } from 'node:path'
import { createSession } from '../app/create-session'
import { DataFile } from '../db/data-file'
import { buildReport, writeReport } from '../reports/build-report'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { REPORT_FORMATS, type ReportFormat, reportRequest } from '@shared/reports/model'
import { issuesToFieldErrors } from '@shared/validation/issues'

export interface ReportOptions {
  agreement?: string
  year?: string
  from?: string
  to?: string
  format?: string
  out?: string
}

/**
 * `aimf report FILE KIND [--agreement REF] [--year YYYY] [--from DATE --to DATE]
 * --format xlsx|pdf [--lang fr|en] --out PATH`: the report the Rapports screen exports.
 */
export async function reportCommand(
  path: string,
  kind: string | undefined,
  options: ReportOptions,
  language: Language,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
    translate(language, key, params)
  const format = options.format ?? 'xlsx'
  if (!(REPORT_FORMATS as readonly string[]).includes(format) || !options.out) {
    err(t('cli.reportUsage'))
    return 2
  }
  const file = await DataFile.open(path)
  try {
    const session = createSession(file, () => language)
    let agreementId: string | null = null
    if (options.agreement) {
      const wanted = options.agreement.toLowerCase()
      const found = (await session.agreements.list()).find(
        (a) => a.reference.toLowerCase() === wanted,
      )
      if (!found) {
        err(t('cli.unknownAgreement', { reference: options.agreement }))
        return 2
      }
      agreementId = found.id
    }
    const parsed = reportRequest.safeParse({
      kind,
      agreementId,
      year: options.year === undefined ? null : Number(options.year),
      from: options.from ?? null,
      to: options.to ?? null,
      language,
    })
    if (!parsed.success) {
      for (const field of issuesToFieldErrors(parsed.error.issues, language)) {
        err(`--${field.path === 'agreementId' ? 'agreement' : field.path}: ${field.message}`)
      }
      return 2
    }
    const report = await buildReport(session, parsed.data, language)
    const target = resolve(options.out)
    await writeReport(report, format as ReportFormat, target)
    out(t('reporting.exported', { path: target }))
    return 0
  } finally {
    await file.close()
  }
}
