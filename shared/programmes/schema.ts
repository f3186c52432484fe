import { z } from 'zod'
import type { Language } from '../i18n/locale'
import { optionalText, recordId, requiredText } from '../validation/fields'

/**
 * The AIMF programmes every file starts with: the nine priority programmes of the 2024-2028
 * strategy, then the network's traditional fields of action. The secretariat renames them, adds
 * its own (planification familiale…) and archives those it no longer runs, in Paramètres. Each
 * has a fixed id, the same in every copy of every file, so that copies merge their edits.
 */
export const DEFAULT_PROGRAMME_CODES = [
  'gender_equality',
  'climate',
  'city_diplomacy',
  'urban_planning',
  'diasporas',
  'disinformation',
  'sport',
  'french_language',
  'culture_heritage',
  'essential_services',
  'local_governance',
  'health',
  'education',
  'digital',
] as const
export type DefaultProgrammeCode = (typeof DEFAULT_PROGRAMME_CODES)[number]

/** The fixed id of a default programme (…a00001 for the first). */
export function defaultProgrammeId(index: number): string {
  return `00000000-0000-7000-8000-000000a${String(index + 1).padStart(5, '0')}`
}

/** A programme's code: what projects and agreements keep; it never changes once given. */
export const PROGRAMME_CODE = /^[a-z0-9][a-z0-9_]{0,39}$/

export const programmeCode = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .regex(PROGRAMME_CODE, { error: 'validation.programmeCodeFormat' })

export interface Programme {
  id: string
  code: string
  /** Its name in French, and in English when it has one. */
  label: string
  labelEn: string | null
  position: number
  archivedAt: string | null
  /** One of the programmes every file starts with. */
  isDefault: boolean
}

/** What a person fills in for a programme; the code is made from the label when none is given. */
export const programmeInput = z.strictObject({
  code: programmeCode.nullish().transform((value) => value ?? null),
  label: requiredText(120),
  labelEn: optionalText(120),
})
export type ProgrammeFields = z.output<typeof programmeInput>

export const programmeUpdate = z.strictObject({
  id: recordId,
  label: requiredText(120),
  labelEn: optionalText(120),
})

export const programmeListQuery = z.strictObject({
  includeArchived: z.boolean({ error: 'validation.invalidType' }).optional(),
})

/** A programme's name in a language: its English name in English when it has one. */
export function programmeLabel(
  programme: Pick<Programme, 'label' | 'labelEn'>,
  language: Language,
): string {
  return language === 'en' ? (programme.labelEn ?? programme.label) : programme.label
}

/** A code made from a label: « Planification familiale » → planification_familiale. */
export function codeFromLabel(label: string): string {
  const code = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
    .replace(/_+$/g, '')
  return code || 'programme'
}
