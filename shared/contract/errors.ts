/**
 * Errors cross from the core to the interface as values, never as exceptions with stacks.
 */
export const ERROR_CODES = [
  /** The input does not satisfy its schema or a business rule; `fields` says where. */
  'VALIDATION',
  'NOT_FOUND',
  /** The change contradicts the data (a duplicate name, an archived record...). */
  'CONFLICT',
  /**
   * The input is allowed but unlikely (a date in the future, an amount far above what is due):
   * nothing was written; `warnings` say why, with the figures, for the user to confirm.
   */
  'NEEDS_CONFIRMATION',
  /** The call needs an open data file and none is open. */
  'NO_FILE',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  /** The file is not an SQLite database written by AIMF Finances. */
  'FILE_NOT_AIMF',
  /** Another instance of the application has the file open. */
  'FILE_LOCKED',
  /** The file was written by a newer version of the application: it is left untouched. */
  'FILE_TOO_NEW',
  /** SQLite found the file damaged. */
  'FILE_DAMAGED',
  /** The file or its folder cannot be written (read-only, disk full, vanished drive). */
  'FILE_UNWRITABLE',
  /** The file was opened only to be looked at (it is damaged): nothing can be saved to it. */
  'FILE_READ_ONLY',
  /** The open file is no longer where it was (a drive removed, a share disconnected). */
  'FILE_GONE',
  /** The file opened a moment ago is still being checked in full: changes wait until it passes. */
  'FILE_CHECKING',
  'UNKNOWN_CHANNEL',
  /** The call did not come from the application's own window. */
  'FORBIDDEN',
  /** The window is locked after inactivity: only unlocking answers. */
  'LOCKED',
  /** The sync target (a PostgreSQL server) cannot be reached or refused the connection. */
  'SYNC_UNREACHABLE',
  /** The user closed a file dialog: not an error to show. */
  'CANCELLED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** A problem with one field of the input, `path` as in the input ("contact.email", "lines.2.amount"). */
export interface FieldError {
  path: string
  message: string
}

export interface AppError {
  code: ErrorCode
  /** In the user's language, ready to show. */
  message: string
  fields?: FieldError[]
  /** The file a FILE_* error is about, to show. */
  path?: string
  /**
   * The token of a data file that failed to open because it is damaged, so that the interface
   * can offer to recover it or look at it (`damaged-file`).
   */
  file?: string
  /** With NEEDS_CONFIRMATION: what to confirm, each on its field, in the user's language. */
  warnings?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }
