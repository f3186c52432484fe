import { z } from 'zod'

/**
 * The page never names a file: where a channel acts on a file, it takes a token that the main
 * process handed out for that one file when the user chose it in a dialog (or the application
 * wrote it), for one purpose and for a while. 24 random bytes, base64url.
 */
export const FILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/

export type FileToken = string

export const fileToken = z
  .string({ error: 'validation.fileToken' })
  .regex(FILE_TOKEN_PATTERN, { error: 'validation.fileToken' })

/** The input of every channel that acts on a file the user chose: its token, nothing else. */
export const fileTokenInput = z.strictObject({ file: fileToken })

/** A file the user chose or the application wrote: where it is, to show, and its token. */
export interface FileRef {
  path: string
  file: FileToken
}

/**
 * A file the application wrote where the user chose (an export, a report, a copy); its token
 * shows it in its folder (`file.reveal`).
 */
export type SavedFile = FileRef
