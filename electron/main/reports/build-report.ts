import type { z } from 'zod'
import type { Session } from '../app/session'
import { AppFailure, fieldFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import type { ReportDocument, ReportFormat, reportRequest } from '@shared/reports/model'
import { dedicatedFundsReport } from '../accounting/dedicated-funds-report'
import { generalLedgerReport, trialBalanceReport } from '../accounting/ledger-reports'
import { budgetReport } from './budget-report'
import { donorReport } from './donor-report'
import { duesReport } from './dues-report'
import { writeExportFile } from './export-file'
import { fundReport } from './fund-report'
import { renderPdf } from './pdf-document'
import { projectsReport } from './projects-report'
import { reportContext } from './report-context'
import { reportPdf } from './report-pdf'
import { reportWorkbook } from './report-xlsx'

export type ReportRequestFields = z.output<typeof reportRequest>

/** Builds the report asked for, in `language`, from the open file's ledger. */
export async function buildReport(
  session: Session,
  request: ReportRequestFields,
  language: Language,
  now?: Date,
): Promise<ReportDocument> {
  const context = reportContext(session, request.language ?? language, now)
  switch (request.kind) {
    case 'donor':
      if (!request.agreementId)
        throw fieldFailure('VALIDATION', 'agreementId', 'validation.required')
      return donorReport(context, request.agreementId, request.from, request.to)
    case 'budget':
      return budgetReport(context, await versionOf(session, request), request.to)
    case 'fund':
      return fundReport(context, request.to ?? context.today)
    case 'projects': {
      const year = request.year ?? Number(context.today.slice(0, 4))
      return projectsReport(context, request.from ?? `${year}-01-01`, request.to ?? `${year}-12-31`)
    }
    case 'dues':
      if (request.year === null) throw fieldFailure('VALIDATION', 'year', 'validation.required')
      return duesReport(context, request.year)
    case 'dedicated-funds':
    case 'trial-balance':
    case 'general-ledger': {
      if (request.year === null) throw fieldFailure('VALIDATION', 'year', 'validation.required')
      if (request.kind === 'dedicated-funds') return dedicatedFundsReport(context, request.year)
      if (request.kind === 'trial-balance') return trialBalanceReport(context, request.year)
      return generalLedgerReport(context, request.year, request.from, request.to)
    }
  }
}

/** The version asked for, or the year's current one (else its latest). */
async function versionOf(session: Session, request: ReportRequestFields): Promise<string> {
  if (request.versionId) return request.versionId
  const versions = request.year === null ? [] : await session.budget.versions(request.year)
  const chosen = versions.find((v) => v.isCurrent) ?? versions[0]
  if (!chosen)
    throw fieldFailure('VALIDATION', 'versionId', 'errors.budgetMissing', {
      year: request.year ?? '',
    })
  return chosen.id
}

export interface WriteOptions {
  onProgress?: (share: number) => void
  signal?: AbortSignal
}

/** Writes a built report to `path` as a workbook or a PDF; the file appears whole or not at all. */
export async function writeReport(
  report: ReportDocument,
  format: ReportFormat,
  path: string,
  options: WriteOptions = {},
): Promise<void> {
  if (format === 'xlsx') {
    const bytes = await reportWorkbook(report)
    if (options.signal?.aborted) throw new AppFailure('CANCELLED')
    await writeExportFile(path, bytes)
  } else {
    const { definition, frame } = reportPdf(report)
    await writeExportFile(path, await renderPdf(definition, { frame, ...options }))
  }
  options.onProgress?.(1)
}

/** A file name for the report: its kind, what it is about and the day. */
export function reportFileName(report: ReportDocument, format: ReportFormat): string {
  const slug = report.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${slug}-${report.generatedAt.slice(0, 10)}.${format}`
}
