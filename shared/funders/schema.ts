import { z } from 'zod'
import {
  byId,
  currencyCode,
  optionalCountryCode,
  optionalEmail,
  optionalText,
  requiredText,
} from '../validation/fields'
import type { CurrencyCode } from '../money/currencies'

/** Kinds of funder, as the secretariat sorts them (IATI organisation types map from these). */
export const FUNDER_KINDS = [
  'state',
  'local_government',
  'multilateral',
  'foundation',
  'agency',
  'city',
  'other',
] as const
export type FunderKind = (typeof FUNDER_KINDS)[number]

/** What a person fills in for a funder. */
export const funderInput = z.strictObject({
  name: requiredText(200),
  acronym: optionalText(30),
  kind: z.enum(FUNDER_KINDS, { error: 'validation.choice' }),
  country: optionalCountryCode,
  defaultCurrency: currencyCode,
  contactName: optionalText(200),
  contactEmail: optionalEmail,
  contactPhone: optionalText(50),
  notes: optionalText(5000),
})
export type FunderInput = z.input<typeof funderInput>
export type FunderFields = z.output<typeof funderInput>

export const funderUpdate = z.strictObject({ id: byId.shape.id, ...funderInput.shape })

export const funderListQuery = z.strictObject({
  includeArchived: z.boolean({ error: 'validation.invalidType' }).optional(),
})

export interface Funder {
  id: string
  name: string
  acronym: string | null
  kind: FunderKind
  country: string | null
  defaultCurrency: CurrencyCode
  contactName: string | null
  contactEmail: string | null
  contactPhone: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
  /** When the funder was archived; null while it is in use. */
  archivedAt: string | null
}
