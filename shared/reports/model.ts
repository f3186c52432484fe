import { z } from 'zod'
import type { Job } from '../jobs/schema'
import type { SavedFile } from '../files/schema'
import type { CurrencyCode } from '../money/currencies'
import { isoDate } from '../validation/dates'
import { recordId } from '../validation/fields'

/**
 * A report as data: sheets of tables whose cells are typed values, with the formulas that give
 * totals and variances. The same document is shown on screen, written to Excel (values and live
 * formulas) and laid out in PDF, so the three always show the same figures.
 */
export interface ReportDocument {
  /** The report, or a register's list exported as shown (list-export.ts). */
  kind: ReportKind | 'list'
  title: string
  organisation: string
  /** When it was produced (ISO date-time). */
  generatedAt: string
  language: 'fr' | 'en'
  /** What the report was asked for: agreement, period, version... as label and value. */
  parameters: { label: string; value: string }[]
  sheets: ReportSheet[]
}

export interface ReportSheet {
  /** The Excel sheet's name (at most 31 characters, none of []:*?/\). */
  name: string
  title: string
  tables: ReportTable[]
}

export interface ReportTable {
  title?: string
  columns: ReportColumn[]
  rows: ReportRow[]
  /** Notes printed under the table (caps applied, rules followed). */
  notes?: string[]
}

export type ColumnKind = 'text' | 'money' | 'percent' | 'number' | 'rate' | 'year' | 'date'

export interface ReportColumn {
  label: string
  kind: ColumnKind
  /** Width in characters, for Excel and for the PDF's proportions. */
  width: number
}

export type RowStyle = 'item' | 'group' | 'subtotal' | 'total'

export interface ReportRow {
  style: RowStyle
  cells: Cell[]
  /** Per column, how a spreadsheet recomputes the cell; its value is the cell's. */
  formulas?: (Formula | null)[]
  /** Indentation level of the first cell (a budget tree). */
  depth?: number
}

export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'money'; minor: number; currency: CurrencyCode }
  | { kind: 'percent'; ratio: number | null }
  | { kind: 'number'; value: number }
  /** An exchange rate: units of a currency per euro, as the exact decimal the ledger holds. */
  | { kind: 'rate'; rate: string }
  /** A year, shown without a thousands separator. */
  | { kind: 'year'; value: number }
  | { kind: 'date'; iso: string }
  | null

/**
 * A formula over cells of the same table: the sum of a column over some rows, the difference
 * of two rows in a column, or an operation between columns of the same row. Indexes are positions in the table's rows and columns.
 */
export type Formula =
  | { op: 'sum'; rows: number[] }
  | { op: 'rowDifference'; a: number; b: number }
  | { op: 'add'; columns: number[] }
  | { op: 'subtract'; a: number; b: number }
  | { op: 'ratio'; a: number; b: number }

export const REPORT_KINDS = [
  'donor',
  'budget',
  'fund',
  'projects',
  'dues',
  'dedicated-funds',
  'trial-balance',
  'general-ledger',
] as const
/** The reports of the books (accounting/), each for a fiscal year. */
export const ACCOUNTING_REPORT_KINDS = [
  'dedicated-funds',
  'trial-balance',
  'general-ledger',
] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_FORMATS = ['xlsx', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** What each report is asked for; the fields a kind does not use are ignored. */
export const reportRequest = z
  .strictObject({
    kind: z.enum(REPORT_KINDS, { error: 'validation.choice' }),
    agreementId: recordId.nullish().transform((value) => value ?? null),
    versionId: recordId.nullish().transform((value) => value ?? null),
    year: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .nullish()
      .transform((value) => value ?? null),
    from: isoDate.nullish().transform((value) => value ?? null),
    to: isoDate.nullish().transform((value) => value ?? null),
    language: z
      .enum(['fr', 'en'])
      .nullish()
      .transform((value) => value ?? null),
  })
  .refine((r) => r.kind !== 'donor' || r.agreementId !== null, {
    error: 'validation.required',
    path: ['agreementId'],
  })
  .refine((r) => r.kind !== 'budget' || r.versionId !== null || r.year !== null, {
    error: 'validation.required',
    path: ['versionId'],
  })
  .refine(
    (r) =>
      (r.kind !== 'dues' && !(ACCOUNTING_REPORT_KINDS as readonly string[]).includes(r.kind)) ||
      r.year !== null,
    {
      error: 'validation.required',
      path: ['year'],
    },
  )
  .refine((r) => !r.from || !r.to || r.from <= r.to, {
    error: 'validation.endBeforeStart',
    path: ['to'],
  })
export type ReportRequest = z.input<typeof reportRequest>

export const reportExportInput = z.strictObject({
  request: reportRequest,
  format: z.enum(REPORT_FORMATS, { error: 'validation.choice' }),
})

/** An export under way; its result is the saved file. */
export type ReportJob = Job<SavedFile>
