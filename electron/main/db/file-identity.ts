/** `PRAGMA application_id` of every AIMF Finances file: the bytes "AIMF". */
export const AIMF_APPLICATION_ID = 0x41494d46

/** The first 16 bytes of every SQLite 3 database file. */
export const SQLITE_HEADER = 'SQLite format 3\u0000'

/** Keys of the file_info table. */
export const FILE_INFO = {
  replicaId: 'replica_id',
  clock: 'clock',
  createdAt: 'created_at',
  isDemo: 'is_demo',
  /** The device and file number of the file when this copy took its identity. */
  replicaHome: 'replica_home',
  /** Shared by every copy of one file (the office's and the mission laptops'): what syncs. */
  datasetId: 'dataset_id',
  /** The last of this copy's own change-log rows written to a sync target. */
  syncedSeq: 'synced_seq',
  /** The sync target this copy is joined to: a folder… */
  syncFolder: 'sync_folder',
  /** …or a PostgreSQL server (JSON of its settings; the password is never in the file). */
  syncServer: 'sync_server',
  /** The key sealing this dataset's change files (hex), drawn from its passphrase. */
  syncKey: 'sync_key',
  /** What the last sync did, and when (JSON). */
  syncLast: 'sync_last',
  /** The files of other copies set aside, why, and what identified their bytes (JSON). */
  syncSetAside: 'sync_set_aside',
  /** The latest change this copy has of each other copy (JSON), kept as files are applied. */
  syncHeard: 'sync_heard',
} as const

/** The name of a backup: the file's name, when (UTC, to the millisecond) and why. */
export function backupFileName(path: string, takenAt: Date, trigger: string): string {
  const iso = takenAt.toISOString()
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`
  const base = path.replace(/^.*[\\/]/, '').replace(/\.sqlite$/, '')
  return `${base}.${stamp}.${trigger}.sqlite`
}

/** The folder of a file's backups: `backups/` beside it. */
export function backupFolderOf(path: string): string {
  return `${path.replace(/[\\/][^\\/]*$/, '')}/backups`
}
