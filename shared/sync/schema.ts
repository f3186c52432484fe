import { z } from 'zod'
import { recordId, requiredText } from '../validation/fields'

/** A change file of another copy that was not applied, and why (it is tried again next time). */
export interface SkippedFile {
  name: string
  reason:
    | 'damaged'
    | 'not_changes'
    | 'other_dataset'
    | 'newer_schema'
    | 'foreign'
    | 'sealed'
    | 'wrong_key'
}

/** What one sync did. */
export interface SyncReport {
  /** This copy's changes written to the target. */
  sent: number
  /** Other copies' changes new to this copy. */
  received: number
  skipped: SkippedFile[]
  /** Conflicts found by this sync, now listed for review. */
  conflicts: number
  /** Everything listed for review and not yet resolved. */
  toReview: number
}

/** Where this copy stands. */
export interface SyncStatus {
  /** Given at the first sync or mission copy; null before. */
  datasetId: string | null
  replicaId: string
  /** The shared folder this copy syncs with, once chosen. */
  folder: string | null
  /** The PostgreSQL server this copy syncs with, once connected (never its password). */
  server: PostgresSettings | null
  /** Where that server's password is kept on this machine (never in the file). */
  serverPassword: PasswordKept | null
  /** Whether what this copy writes is sealed with the dataset's passphrase. */
  sealed: boolean
  /** This copy's changes not yet written to the folder. */
  unsent: number
  filesApplied: number
  toReview: number
  /** The last sync, by hand or on its own. */
  last: LastSync | null
}

/** What the last sync did, and when. */
export type LastSync = SyncReport & { at: string }

/**
 * Something a merge kept that a person should look at ("À vérifier"): a field changed on both
 * sides (`field`), a record archived on one side and edited on the other (`archived_edited`),
 * or what the merge broke in the accounts (`accounts`, said in `detail`). Values are JSON.
 */
export interface SyncConflict {
  id: string
  found_at: string
  kind: 'field' | 'archived_edited' | 'accounts'
  table_name: string | null
  row_id: string | null
  column_name: string | null
  /** JSON of the value the merge kept, and the change that wrote it. */
  kept_value: string | null
  kept_hlc: string | null
  kept_author: string | null
  /** JSON of the value set aside, and the change that wrote it. */
  other_value: string | null
  other_hlc: string | null
  other_author: string | null
  /** For what the accounts check found: its message. */
  detail: string | null
  resolved_at: string | null
  /** 'kept' or 'other': which value the person chose. */
  resolution: string | null
  /** What names the record to a person ("M-0042 Ville de Thiès"), where its table has a name. */
  record: string | null
}

export const resolveConflictInput = z.strictObject({
  id: recordId,
  /** Keep what the merge kept, or take the value it set aside. */
  choice: z.enum(['kept', 'other'], { error: 'validation.choice' }),
})

export const passphraseInput = z.strictObject({
  passphrase: z
    .string({ error: 'validation.required' })
    .min(12, { error: 'validation.passphraseShort' })
    .max(200),
})

/** Where a PostgreSQL server is, and who connects to it: all but the password. */
export const postgresSettings = z.strictObject({
  // A name or an address, never a path: the PostgreSQL client would take "/…" as the folder of a
  // local socket, a path the page would then have chosen.
  host: requiredText(255).regex(/^[^\s/\\]+$/, { error: 'validation.serverHost' }),
  port: z
    .number({ error: 'validation.port' })
    .int({ error: 'validation.port' })
    .min(1, { error: 'validation.port' })
    .max(65535, { error: 'validation.port' }),
  database: requiredText(63),
  user: requiredText(63),
  /** Whether the connection must be encrypted (TLS, with the server's certificate checked). */
  ssl: z.boolean(),
})
export type PostgresSettings = z.infer<typeof postgresSettings>

/** Where a server's password is kept: the system's keychain, memory until the app closes, nowhere. */
export type PasswordKept = 'keychain' | 'session' | 'none'

export const connectServerInput = postgresSettings.extend({
  /** Empty when the server needs none (or it is in the system's PostgreSQL password file). */
  password: z.string().max(1000),
})
export type ConnectServerInput = z.infer<typeof connectServerInput>
