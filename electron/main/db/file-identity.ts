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
} as const
