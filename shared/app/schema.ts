import { z } from 'zod'
import type { AppError } from '../contract/errors'
import type { FileToken } from '../files/schema'
import { LANGUAGES, type Language } from '../i18n/locale'

export interface RecentFile {
  /** Where it is, to show: the channels take `file`, never a path. */
  path: string
  /** The file name alone, for lists. */
  name: string
  exists: boolean
  /** The token that opens, recovers or forgets this file (`data-file`). */
  file: FileToken
}

export interface OpenFileInfo {
  path: string
  name: string
  schemaVersion: number
  replicaId: string
  isDemo: boolean
  /** Opened only to be looked at (a damaged file): every change is refused. */
  readOnly: boolean
  /** Why the last automatic backup failed (in the user's language), until one succeeds. */
  backupFailure: string | null
  /**
   * Opened a moment ago and still being checked in full in the background: changes are held
   * (refused with FILE_CHECKING if the check takes long) until it passes.
   */
  checking: boolean
}

/** What the interface needs to draw itself: language, user, and the open file if any. */
export interface AppState {
  appVersion: string
  language: Language
  userName: string
  recentFiles: RecentFile[]
  file: OpenFileInfo | null
  /**
   * The file found damaged by its background check after it opened, and closed then: said as
   * opening it would have (its `file` token offers recovery), until another file opens.
   */
  damagedAtOpen: AppError | null
  /** The optional lock after inactivity: whether it is set, after how long, and if it is on. */
  lock: { enabled: boolean; minutes: number; locked: boolean }
}

export const languageInput = z.strictObject({
  language: z.enum(LANGUAGES, { error: 'validation.choice' }),
})

export const userNameInput = z.strictObject({
  name: z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(100, { error: 'validation.tooLong' }),
})

export const lockSettingsInput = z.strictObject({
  /** A new password, or null to remove the lock. */
  password: z
    .string({ error: 'validation.invalidType' })
    .min(8, { error: 'validation.passwordShort' })
    .max(200, { error: 'validation.tooLong' })
    .nullable(),
  minutes: z
    .number({ error: 'validation.integer' })
    .int({ error: 'validation.integer' })
    .min(1, { error: 'validation.integer' })
    .max(240, { error: 'validation.integer' }),
  /**
   * The password in force, required by the core once a lock is set: without it a compromised
   * page could remove or replace the lock and so bypass the lock screen.
   */
  currentPassword: z
    .string({ error: 'validation.invalidType' })
    .max(200, { error: 'validation.tooLong' })
    .optional(),
})

export const unlockInput = z.strictObject({
  password: z.string({ error: 'validation.required' }).max(200, { error: 'validation.tooLong' }),
})
