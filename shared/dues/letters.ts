import { z } from 'zod'
import { LANGUAGES, type Language } from '../i18n/locale'
import { recordId, requiredText } from '../validation/fields'
import { isoDate } from '../validation/dates'

/** The letters of the dues: a call, a reminder with the statement, a receipt, a statement. */
export const LETTER_KINDS = ['call', 'reminder', 'receipt', 'statement'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

/** The fields a letter's text may use, written {{name}}. */
export const LETTER_FIELDS = [
  'membre',
  'de_membre',
  'appel',
  'maire',
  'annee',
  'montant',
  'arrieres',
  'echeance',
  'numero',
  'date',
  'organisation',
] as const

export interface LetterTemplate {
  kind: LetterKind
  language: Language
  subject: string
  body: string
  /** True when the text is the application's own, not yet edited in this file. */
  isDefault: boolean
}

export const letterTemplateInput = z.strictObject({
  kind: z.enum(LETTER_KINDS, { error: 'validation.choice' }),
  language: z.enum(LANGUAGES, { error: 'validation.choice' }),
  subject: requiredText(300),
  body: requiredText(5000),
})

/**
 * A batch of letters: reminders and statements for members, calls for calls, receipts for
 * payments; into one PDF or one PDF each in a folder.
 */
export const letterBatchInput = z.strictObject({
  kind: z.enum(LETTER_KINDS, { error: 'validation.choice' }),
  ids: z.array(recordId, { error: 'validation.invalidType' }).min(1).max(5000),
  language: z.enum(LANGUAGES, { error: 'validation.choice' }).optional(),
  into: z.enum(['pdf', 'folder'], { error: 'validation.choice' }),
  /** The period of a statement (relevé). */
  from: isoDate.optional(),
  to: isoDate.optional(),
})
export type LetterBatchInput = z.input<typeof letterBatchInput>

export const letterJobInput = z.strictObject({ jobId: z.uuid({ error: 'validation.uuid' }) })

export interface LetterJobProgress {
  jobId: string
  done: number
  total: number
}

export interface LetterJobResult {
  path: string
  letters: number
}

/** The application's own texts, before the secretariat edits them in Paramètres. */
export const DEFAULT_LETTERS: Record<
  Language,
  Record<LetterKind, { subject: string; body: string }>
> = {
  fr: {
    call: {
      subject: 'Appel de cotisation {{annee}} — n° {{numero}}',
      body: '{{appel}},\n\nConformément aux statuts de l’Association Internationale des Maires Francophones, la cotisation {{de_membre}} pour l’année {{annee}} s’élève à {{montant}}. Nous vous remercions de bien vouloir la régler avant le {{echeance}}.\n\nVotre cotisation est la ressource propre de notre réseau : elle lui permet de prendre des initiatives et de soutenir les projets des villes.\n\nNous vous prions d’agréer, {{appel}}, l’expression de notre haute considération.',
    },
    reminder: {
      subject: 'Relance — cotisations restant dues',
      body: '{{appel}},\n\nSauf erreur de notre part, les cotisations {{de_membre}} détaillées ci-dessous restent dues, pour un total de {{arrieres}}. Nous vous serions reconnaissants de bien vouloir procéder à leur règlement, ou de nous indiquer si un paiement est en cours.\n\nNous vous prions d’agréer, {{appel}}, l’expression de notre haute considération.',
    },
    receipt: {
      subject: 'Reçu de cotisation n° {{numero}}',
      body: 'L’Association Internationale des Maires Francophones reconnaît avoir reçu {{de_membre}} la somme de {{montant}} le {{date}}, affectée comme indiqué ci-dessous.',
    },
    statement: {
      subject: 'Relevé de compte — cotisations',
      body: 'Relevé des appels de cotisation et des règlements {{de_membre}}. Reste dû à ce jour : {{arrieres}}.',
    },
  },
  en: {
    call: {
      subject: '{{annee}} membership dues — call no. {{numero}}',
      body: '{{appel}},\n\nIn accordance with the statutes of the International Association of Francophone Mayors, the dues of {{membre}} for {{annee}} amount to {{montant}}. We would be grateful if you could pay them before {{echeance}}.\n\nYour dues are our network’s own resource: they allow it to take initiatives and to support the cities’ projects.\n\nYours faithfully,',
    },
    reminder: {
      subject: 'Reminder — dues outstanding',
      body: '{{appel}},\n\nUnless we are mistaken, the dues of {{membre}} listed below are still outstanding, for a total of {{arrieres}}. We would be grateful if you could settle them, or let us know if a payment is under way.\n\nYours faithfully,',
    },
    receipt: {
      subject: 'Receipt for dues no. {{numero}}',
      body: 'The International Association of Francophone Mayors acknowledges receipt from {{membre}} of {{montant}} on {{date}}, applied as shown below.',
    },
    statement: {
      subject: 'Statement of account — dues',
      body: 'Statement of the dues calls and payments of {{membre}}. Owed as of today: {{arrieres}}.',
    },
  },
}

/** Fills a letter's fields; a field the text names but the letter lacks is left as written. */
export function fillLetter(
  text: string,
  fields: Partial<Record<(typeof LETTER_FIELDS)[number], string>>,
): string {
  return text.replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => (fields as Record<string, string | undefined>)[name] ?? whole,
  )
}
