import { z } from 'zod'
import { optionalEmail, optionalText, requiredText } from '../validation/fields'

/**
 * The organisation's row has the same id in every copy of every file, so that the details
 * typed on two machines merge as one record.
 */
export const ORGANISATION_ID = '00000000-0000-7000-8000-00000000a1f0'

export const organisationInput = z.strictObject({
  name: requiredText(200),
  address: optionalText(500),
  email: optionalEmail,
  website: optionalText(200),
})
export type OrganisationInput = z.input<typeof organisationInput>

export interface Organisation {
  name: string
  address: string | null
  email: string | null
  website: string | null
  /** A data: URL, or null. */
  logo: string | null
}

/** Logos are kept in the file: small, and only the formats every report writer reads. */
export const LOGO_MAX_BYTES = 1024 * 1024
export const LOGO_TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' } as const
