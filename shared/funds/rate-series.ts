import { z } from 'zod'

/**
 * The series of exchange rates kept side by side: the rates typed in (the bank's, used for a
 * receipt's rate of the day), the ECB's daily reference rates, the Commission's InforEuro
 * monthly accounting rates (the rate PRAG's general conditions art. 15 name for EU grants).
 */
export const RATE_SERIES = ['bank', 'ecb', 'inforeuro'] as const
export type RateSeries = (typeof RATE_SERIES)[number]

export const rateSeries = z.enum(RATE_SERIES, { error: 'validation.rateSeries' })

/** The publications a rate file may be, each feeding one series. */
export const RATE_FILE_KINDS = ['ecb-csv', 'inforeuro-csv', 'inforeuro-xml'] as const
export type RateFileKind = (typeof RATE_FILE_KINDS)[number]

export const SERIES_OF_KIND: Record<RateFileKind, RateSeries> = {
  'ecb-csv': 'ecb',
  'inforeuro-csv': 'inforeuro',
  'inforeuro-xml': 'inforeuro',
}

/** What the page sends to import a rate file: the month an InforEuro file is for, if it does not say. */
export const rateImportInput = z.strictObject({
  month: z
    .string({ error: 'validation.rateMonth' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.rateMonth' })
    .optional(),
})
export type RateImportInput = z.input<typeof rateImportInput>

/** A rate set aside at import: already recorded in its series with another value. */
export interface RateSetAside {
  line: number
  column: number
  currency: string
  rateDate: string
  rate: string
  recorded: string
}

/** What an import did, for the page to say. */
export interface RateImportReport {
  fileName: string
  kind: RateFileKind
  series: RateSeries
  imported: number
  /** Already recorded with the same value (an import run twice changes nothing). */
  unchanged: number
  /** Currencies the file quotes that the application does not keep, or marked N/A. */
  skipped: number
  /** The first rates set aside (at most 50), and how many in all. */
  setAside: RateSetAside[]
  setAsideCount: number
  firstDate: string | null
  lastDate: string | null
}
