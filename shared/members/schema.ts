import { z } from 'zod'
import { REGIONS, type Region } from '../geo/regions'
import { optionalIsoDate } from '../validation/dates'
import {
  byId,
  optionalCountryCode,
  optionalEmail,
  optionalText,
  requiredText,
} from '../validation/fields'

/** The kinds of member of the AIMF network. */
export const MEMBER_KINDS = [
  'city',
  'national_association',
  'regional_platform',
  'associate',
] as const
export type MemberKind = (typeof MEMBER_KINDS)[number]

/** A member's standing: only active members are called for dues and may receive projects. */
export const MEMBER_STATUSES = ['active', 'suspended', 'resigned', 'struck_off'] as const

/** The civility of a member's mayor or president: Madame or Monsieur. */
export const LEADER_CIVILITIES = ['f', 'm'] as const
export type LeaderCivility = (typeof LEADER_CIVILITIES)[number]
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

const optionalRegion = z
  .enum(REGIONS, { error: 'validation.choice' })
  .nullish()
  .transform((value) => value ?? null)

const optionalCount = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.integer' })
  .min(0, { error: 'validation.integer' })
  .max(100_000_000, { error: 'validation.integer' })
  .nullish()
  .transform((value) => value ?? null)

/** What a person fills in for a member. */
export const memberInput = z
  .strictObject({
    /** Left empty, the core numbers the member (M-0001...). */
    code: optionalText(30),
    kind: z.enum(MEMBER_KINDS, { error: 'validation.choice' }),
    name: requiredText(200),
    country: optionalCountryCode,
    region: optionalRegion,
    population: optionalCount,
    populationYear: z
      .number({ error: 'validation.invalidType' })
      .int({ error: 'validation.integer' })
      .min(1900, { error: 'validation.year' })
      .max(2100, { error: 'validation.year' })
      .nullish()
      .transform((value) => value ?? null),
    leaderName: optionalText(200),
    /** How letters greet the mayor or president: Madame or Monsieur; unknown when left empty. */
    leaderCivility: z
      .enum(LEADER_CIVILITIES, { error: 'validation.choice' })
      .nullish()
      .transform((value) => value ?? null),
    address: optionalText(500),
    email: optionalEmail,
    phone: optionalText(50),
    joinedOn: optionalIsoDate,
    status: z.enum(MEMBER_STATUSES, { error: 'validation.choice' }),
    statusOn: optionalIsoDate,
    statusReason: optionalText(500),
    notes: optionalText(5000),
  })
  .refine((m) => m.status === 'active' || m.statusReason !== null, {
    error: 'validation.statusReason',
    path: ['statusReason'],
  })
export type MemberInput = z.input<typeof memberInput>
export type MemberFields = z.output<typeof memberInput>

export const memberUpdate = z.strictObject({ id: byId.shape.id, fields: memberInput })

export const memberListQuery = z.strictObject({
  includeArchived: z.boolean({ error: 'validation.invalidType' }).optional(),
})

export interface Member {
  id: string
  code: string
  kind: MemberKind
  name: string
  country: string | null
  region: Region | null
  population: number | null
  populationYear: number | null
  leaderName: string | null
  leaderCivility: LeaderCivility | null
  address: string | null
  email: string | null
  phone: string | null
  joinedOn: string | null
  status: MemberStatus
  statusOn: string | null
  statusReason: string | null
  notes: string | null
  /** Projects of the member not yet closed or abandoned. */
  openProjects: number
  /** Dues past due and unpaid, less the member's credit, in euro cents. */
  arrearsEur: number
  /** Whether the member sits on the Bureau today. */
  inBureau: boolean
  createdAt: string
  updatedAt: string
  archivedAt: string | null
}
