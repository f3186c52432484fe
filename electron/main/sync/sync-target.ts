/** A change file found on a target: whose it is, and its name there. */
export interface TargetEntry {
  replicaId: string
  /**
   * Unique in the dataset and the same on every target: "replica/first-last.aimfsync". A file
   * that reached a copy through two targets (a folder and a server) is applied once.
   */
  name: string
}

/**
 * Where copies of a file leave their changes for each other: a shared folder or a PostgreSQL
 * server. A target only stores whole change files, each written once by the copy it names and
 * never changed; what is in them is for the copies to read (and, when sealed, only they can).
 */
export interface SyncTarget {
  /** Stores this copy's next change file; answers its name. */
  write(replicaId: string, first: number, last: number, bytes: Buffer): Promise<string>
  /** The change files of the other copies, oldest first for each copy. */
  others(replicaId: string): Promise<TargetEntry[]>
  /** A file's bytes: only a regular file within MAX_FILE_BYTES, else a SetAside is thrown. */
  read(entry: TargetEntry): Promise<Buffer>
  /**
   * What identifies a file's content without reading it whole — its size and first line, which
   * holds the SHA-256 of the rest —, or null when it cannot be read.
   */
  fingerprint(entry: TargetEntry): Promise<string | null>
  /** Lets go of what the target holds open (a connection). */
  close(): Promise<void>
}

/** The name of a change file holding a copy's changes `first` to `last`. */
export function changeFileName(replicaId: string, first: number, last: number): string {
  return `${replicaId}/${pad(first)}-${pad(last)}.aimfsync`
}

export const REPLICA_ID = /^[0-9a-f]{16}$/
export const CHANGE_FILE_NAME = /^\d{12}-\d{12}\.aimfsync$/

function pad(seq: number): string {
  return String(seq).padStart(12, '0')
}

/** The bytes of a file's first line looked at for its fingerprint (format and SHA-256: 90). */
export const HEAD_BYTES = 100

export function fingerprintOf(size: number, head: Buffer): string {
  const line = head.subarray(0, Math.max(0, head.indexOf(0x0a))).toString('latin1')
  return `${size}:${line}`
}
