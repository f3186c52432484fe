import { z } from 'zod'
import { isIsoDate } from './calendar'

export { fixToday, isIsoDate, today } from './calendar'

/** A required date left empty is said to be required, not to be badly written. */
const missingOrInvalid = (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null || issue.input === ''
    ? 'validation.required'
    : 'validation.date'

/** A day, as YYYY-MM-DD: what every date of the domain is (no time, no time zone). */
export const isoDate = z
  .string({ error: missingOrInvalid })
  .refine(isIsoDate, { error: missingOrInvalid })

export const optionalIsoDate = z
  .string({ error: 'validation.date' })
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isIsoDate(value), { error: 'validation.date' })
