import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { ChangeLogTable } from '../db/schema'
import { SEEN_SCHEMA, type SeenStep } from './seen'

/** A change-log row as it travels between copies of a file (everything but the local `seq`). */
export type ChangeRow = Omit<ChangeLogTable, 'seq'>

/** What one copy writes to a sync target at a time: its own changes since the last time. */
export interface ChangeFile {
  /** Every copy of one file shares it; a file of another dataset is not applied. */
  datasetId: string
  replicaId: string
  /** The schema the changes were written with: a newer one waits for the application's update. */
  schemaVersion: number
  changes: ChangeRow[]
  /**
   * What the copy had merged of each other copy when it made these changes (seen.ts); absent
   * from the files of older copies, whose conflicts are then weighed as before.
   */
  seen?: SeenStep[]
}

const MAGIC = 'AIMF-CHANGES-1'
const SEALED = 'AIMF-CHANGES-1-AES256GCM'

/**
 * The most a change file may hold. A copy writes files of about 20,000 changes, cut between
 * transactions, so one action (a workbook import of a whole register) may make a larger one;
 * twenty years of the secretariat's history are about 430,000 changes of 400 bytes. Beyond these
 * bounds a file is set aside unread rather than allowed to fill the memory.
 */
export const MAX_FILE_BYTES = 128 * 1024 * 1024
export const MAX_JSON_BYTES = 320 * 1024 * 1024
export const MAX_CHANGES = 500_000

/**
 * A change file's bytes: a first line naming the format and the SHA-256 of the rest, then the
 * changes as gzipped JSON — sealed with AES-256-GCM when the dataset has a key (a cloud folder
 * belongs to a third party). A file half-copied by a cloud client or cut short fails its digest
 * and is left for the next sync; nothing of it is applied.
 */
export function encodeChangeFile(file: ChangeFile, key: Buffer | null = null): Buffer {
  let body = gzipSync(Buffer.from(JSON.stringify(file), 'utf8'))
  if (key) {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const sealed = Buffer.concat([cipher.update(body), cipher.final()])
    body = Buffer.concat([iv, cipher.getAuthTag(), sealed])
  }
  const digest = createHash('sha256').update(body).digest('hex')
  return Buffer.concat([Buffer.from(`${key ? SEALED : MAGIC} ${digest}\n`, 'ascii'), body])
}

export type DecodedChangeFile =
  | { ok: true; file: ChangeFile }
  | { ok: false; reason: 'not_changes' | 'damaged' | 'sealed' | 'wrong_key' | 'too_large' }

export function decodeChangeFile(bytes: Buffer, key: Buffer | null = null): DecodedChangeFile {
  const newline = bytes.indexOf(0x0a)
  const header = newline > 0 ? bytes.subarray(0, newline).toString('ascii') : ''
  const [magic, digest] = header.split(' ')
  if ((magic !== MAGIC && magic !== SEALED) || !digest) return { ok: false, reason: 'not_changes' }
  let body = bytes.subarray(newline + 1)
  if (createHash('sha256').update(body).digest('hex') !== digest) {
    return { ok: false, reason: 'damaged' }
  }
  if (magic === SEALED) {
    if (!key) return { ok: false, reason: 'sealed' }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, 12))
      decipher.setAuthTag(body.subarray(12, 28))
      body = Buffer.concat([decipher.update(body.subarray(28)), decipher.final()])
    } catch {
      return { ok: false, reason: 'wrong_key' }
    }
  }
  let json: Buffer
  try {
    // A small file that inflates to gigabytes (a "zip bomb") stops at the bound.
    json = gunzipSync(body, { maxOutputLength: MAX_JSON_BYTES })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'damaged' }
  }
  try {
    const file = JSON.parse(json.toString('utf8')) as unknown
    if (!isChangeFile(file)) return { ok: false, reason: 'damaged' }
    if (file.changes.length > MAX_CHANGES) return { ok: false, reason: 'too_large' }
    return { ok: true, file }
  } catch {
    return { ok: false, reason: 'damaged' }
  }
}

/**
 * The envelope of a change file. Each change in it is checked one by one when the file is
 * merged (change-rules.ts): a change that is not what the core writes sets the file aside.
 */
function isChangeFile(value: unknown): value is ChangeFile {
  if (typeof value !== 'object' || value === null) return false
  const file = value as Partial<ChangeFile>
  return (
    typeof file.datasetId === 'string' &&
    typeof file.replicaId === 'string' &&
    typeof file.schemaVersion === 'number' &&
    Array.isArray(file.changes) &&
    (file.seen === undefined || SEEN_SCHEMA.safeParse(file.seen).success)
  )
}
