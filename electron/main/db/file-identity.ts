import { randomBytes } from 'node:crypto'

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
  /**
   * This file's own identity, which its backups carry and nothing else does: a copy made by hand
   * or for a mission takes one of its own, a restore keeps the one of the file it replaces.
   */
  fileId: 'file_id',
  /** Where (device and file number, then path) the file was when its identity was last confirmed. */
  fileHome: 'file_home',
  filePath: 'file_path',
  /** For a file older than file ids: the replica id its earlier backups carry. */
  backupsReplica: 'backups_replica',
  /** In a backup only: when it was taken, why, and of which file (its path). */
  backupTakenAt: 'backup_taken_at',
  backupTrigger: 'backup_trigger',
  backupOf: 'backup_of',
  /** The files of other copies set aside, why, and what identified their bytes (JSON). */
  syncSetAside: 'sync_set_aside',
  /** The latest change this copy has of each other copy (JSON), kept as files are applied. */
  syncHeard: 'sync_heard',
} as const

/** The keys only a backup has: removed from a backup put back in place of a file. */
export const BACKUP_ONLY_KEYS = [
  FILE_INFO.backupTakenAt,
  FILE_INFO.backupTrigger,
  FILE_INFO.backupOf,
] as const

/** Who a file (or a backup, which carries its file's) is, as read from its file_info table. */
export interface FileIdentity {
  fileId: string | null
  /** The replica id its backups made before file ids existed carry. */
  backupsReplica: string | null
  replicaId: string | null
  /** Shared by the copies of one dataset, once it synced (or prepared a mission copy). */
  datasetId: string | null
}

export function identityFromInfo(info: ReadonlyMap<string, string>): FileIdentity {
  const fileId = info.get(FILE_INFO.fileId) ?? null
  const replicaId = info.get(FILE_INFO.replicaId) ?? null
  return {
    fileId,
    // A file not yet given a file id is still the one whose replica id its backups carry.
    backupsReplica: info.get(FILE_INFO.backupsReplica) ?? (fileId ? null : replicaId),
    replicaId,
    datasetId: info.get(FILE_INFO.datasetId) ?? null,
  }
}

/** How a backup relates to a file: its own, another copy of the same data, or another file. */
export type Kinship = 'sameFile' | 'sameDataset' | 'otherFile'

export function kinship(backup: FileIdentity, file: FileIdentity): Kinship {
  if (backup.fileId !== null && backup.fileId === file.fileId) return 'sameFile'
  // A backup made before file ids: known by the replica id the file had then.
  if (backup.fileId === null && backup.replicaId !== null) {
    if (backup.replicaId === file.backupsReplica) return 'sameFile'
  }
  if (backup.datasetId !== null && backup.datasetId === file.datasetId) return 'sameDataset'
  return 'otherFile'
}

/** A new identity (16 hex digits), as replica and dataset ids are. */
export function newIdentity(): string {
  return randomBytes(8).toString('hex')
}
