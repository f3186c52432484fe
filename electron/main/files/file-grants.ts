import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import type { FileToken } from '@shared/files/schema'
import { FILE_TOKEN_PATTERN } from '@shared/files/schema'
import { fieldFailure } from '../failure'

/**
 * What a token lets the page do with its file, and for how long (refreshed each time the same
 * file is granted again for the same purpose):
 * - `data-file`: open or forget a data file of the recent list — as long as the start screen may
 *   stay open;
 * - `damaged-file`: look at, or recover from its backups, a data file that just failed to open
 *   because it is damaged (and only such a file: a sound one is never replaced by a backup);
 * - `import-workbook`: import the workbook the user chose to check, into the file open then;
 * - `reveal`: show in its folder a file the application wrote where the user chose.
 */
export const FILE_PURPOSES = {
  'data-file': { ttlMs: 24 * 60 * 60 * 1000 },
  'damaged-file': { ttlMs: 24 * 60 * 60 * 1000 },
  'import-workbook': { ttlMs: 60 * 60 * 1000 },
  reveal: { ttlMs: 24 * 60 * 60 * 1000 },
} as const

export type FilePurpose = keyof typeof FILE_PURPOSES

interface Grant {
  path: string
  purpose: FilePurpose
  expiresAt: number
}

/** Grants kept at most; the oldest go first (a busy day grants a few dozen). */
const MAX_GRANTS = 500

/** An expired token is remembered this long, so that its refusal says it expired. */
const EXPIRED_KEPT_MS = 24 * 60 * 60 * 1000

/**
 * The files the page may act on, each behind an opaque token: the page can only hand back a
 * token the main process gave it, for the file and the purpose it was given for, before it
 * expires. A token is random (not derived from the path), so a page that knows a path cannot
 * make one, and one purpose's token does nothing for another. Owned by the core (plain Node) so
 * that the CLI and the tests use the same registry as the window.
 */
export class FileGrants {
  private readonly grants = new Map<FileToken, Grant>()

  constructor(private readonly now: () => number = Date.now) {}

  /** A token for one file and purpose: the same one while it lives, its life renewed. */
  grant(path: string, purpose: FilePurpose): FileToken {
    const absolute = resolve(path)
    const expiresAt = this.now() + FILE_PURPOSES[purpose].ttlMs
    for (const [token, grant] of this.grants) {
      if (grant.path === absolute && grant.purpose === purpose && grant.expiresAt > this.now()) {
        // Re-inserted so that the map stays in order of last use for the pruning.
        this.grants.delete(token)
        this.grants.set(token, { ...grant, expiresAt })
        return token
      }
    }
    this.prune()
    const token = randomBytes(24).toString('base64url')
    this.grants.set(token, { path: absolute, purpose, expiresAt })
    return token
  }

  /**
   * The file a token was granted for, if it was granted for this purpose and is still valid;
   * otherwise a refusal on the `file` field, before anything is read or changed.
   */
  redeem(token: string, purpose: FilePurpose): string {
    const grant = FILE_TOKEN_PATTERN.test(token) ? this.grants.get(token) : undefined
    if (!grant) throw fieldFailure('FORBIDDEN', 'file', 'errors.fileNotGranted')
    if (grant.expiresAt <= this.now())
      throw fieldFailure('FORBIDDEN', 'file', 'errors.fileGrantExpired')
    if (grant.purpose !== purpose)
      throw fieldFailure('FORBIDDEN', 'file', 'errors.fileGrantPurpose')
    return grant.path
  }

  /** Withdraws the grants of one file (for one purpose, or all). */
  revokeFile(path: string, purpose?: FilePurpose): void {
    const absolute = resolve(path)
    for (const [token, grant] of this.grants) {
      if (grant.path === absolute && (purpose === undefined || grant.purpose === purpose))
        this.grants.delete(token)
    }
  }

  /** Withdraws every grant of a purpose (the workbooks checked against a file now closed). */
  revokePurpose(purpose: FilePurpose): void {
    for (const [token, grant] of this.grants) {
      if (grant.purpose === purpose) this.grants.delete(token)
    }
  }

  get size(): number {
    return this.grants.size
  }

  private prune(): void {
    const now = this.now()
    for (const [token, grant] of this.grants) {
      if (grant.expiresAt + EXPIRED_KEPT_MS <= now) this.grants.delete(token)
    }
    for (const token of this.grants.keys()) {
      if (this.grants.size < MAX_GRANTS) break
      this.grants.delete(token)
    }
  }
}
