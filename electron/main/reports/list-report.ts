import type { z } from 'zod'
import type { Session } from '../app/session'
import type { Language } from '@shared/i18n/locale'
import type { listExportInput } from '@shared/reports/list-export'
import type { ReportDocument } from '@shared/reports/model'

/**
 * A register's list as shown, made a one-sheet report, so that it is written by the reports'
 * own workbook writer: the same number formats per currency, dates, header, filters and
 * print setup as every report.
 */
export async function listReport(
  session: Session,
  list: z.output<typeof listExportInput>,
  language: Language,
  now: Date = new Date(),
): Promise<ReportDocument> {
  return {
    kind: 'list',
    title: list.title,
    organisation: (await session.organisation.get()).name,
    generatedAt: now.toISOString(),
    language,
    parameters: list.parameters,
    sheets: [
      {
        name: sheetName(list.title),
        title: list.title,
        tables: [
          {
            columns: list.columns.map((column) => ({
              label: column.label,
              kind: column.kind,
              // Only the PDF reads it; the workbook sizes columns from what they hold.
              width: column.kind === 'text' ? 30 : 14,
            })),
            rows: list.rows,
          },
        ],
      },
    ],
  }
}

/** An Excel sheet's name: 31 characters at most, none of []:*?/\. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
}
