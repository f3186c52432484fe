import type { SyncConflict } from '@shared/sync/schema'

// The tables of synchronisation: change files applied and what a merge set aside.

/** A change file of another copy, applied here once. */
export interface SyncFilesTable {
  name: string
  replica_id: string
  changes: number
  applied_at: string
}

/** Something a merge kept that a person should look at ("À vérifier"), as the table holds it. */
export type SyncConflictsTable = Omit<SyncConflict, 'record' | 'duplicate'>
