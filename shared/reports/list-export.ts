import { z } from 'zod'
import { isoDate } from '../validation/dates'
import { currencyCode } from '../validation/fields'

/**
 * A register's list as the user sees it (its columns shown, its filtered rows, groups,
 * subtotals and totals), sent to be written to Excel in the reports' formats. It comes from
 * the page, so it is bounded and checked as any outside data: the core writes it, the page
 * never names the file.
 */
export const LIST_EXPORT_MAX_ROWS = 50_000
export const LIST_EXPORT_MAX_COLUMNS = 60
const TEXT_MAX = 2_000

const listCell = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('text'), text: z.string().max(TEXT_MAX) }),
    z.strictObject({
      kind: z.literal('money'),
      minor: z.number().int().refine(Number.isSafeInteger),
      currency: currencyCode,
    }),
    z.strictObject({ kind: z.literal('date'), iso: isoDate }),
    z.strictObject({ kind: z.literal('number'), value: z.number().finite() }),
  ])
  .nullable()

export const LIST_COLUMN_KINDS = ['text', 'money', 'date', 'number'] as const
export type ListColumnKind = (typeof LIST_COLUMN_KINDS)[number]

export const listExportInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    /** What the list was narrowed to (search, filters, grouping), as label and value. */
    parameters: z
      .array(z.strictObject({ label: z.string().max(200), value: z.string().max(TEXT_MAX) }))
      .max(20),
    columns: z
      .array(
        z.strictObject({
          label: z.string().max(200),
          kind: z.enum(LIST_COLUMN_KINDS, { error: 'validation.choice' }),
        }),
      )
      .min(1)
      .max(LIST_EXPORT_MAX_COLUMNS),
    rows: z
      .array(
        z.strictObject({
          style: z.enum(['item', 'group', 'subtotal', 'total'], { error: 'validation.choice' }),
          cells: z.array(listCell).max(LIST_EXPORT_MAX_COLUMNS),
        }),
      )
      .max(LIST_EXPORT_MAX_ROWS),
  })
  .refine((list) => list.rows.every((row) => row.cells.length === list.columns.length), {
    error: 'validation.listShape',
    path: ['rows'],
  })

export type ListExport = z.input<typeof listExportInput>
export type ListExportRow = ListExport['rows'][number]
export type ListExportCell = ListExportRow['cells'][number]
