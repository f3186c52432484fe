import { channel, none } from '../contract/channel'
import type { SavedFile } from '../files/schema'
import type { SyncConflict, SyncReport, SyncStatus } from './schema'
import {
  cancelDuplicateInput,
  connectServerInput,
  passphraseInput,
  resolveConflictInput,
} from './schema'

/** The channels of the sync area (see shared/contract/channels.ts). */
export const SYNC_CHANNELS = {
  'sync.status': channel<SyncStatus>()(none),
  'sync.chooseFolder': channel<SyncStatus>()(none),
  'sync.connectServer': channel<SyncStatus>()(connectServerInput),
  'sync.now': channel<SyncReport>()(none),
  'sync.conflicts': channel<SyncConflict[]>()(none),
  'sync.resolve': channel<SyncConflict[]>()(resolveConflictInput),
  'sync.cancelDuplicate': channel<SyncConflict[]>()(cancelDuplicateInput),
  'sync.missionCopy': channel<SavedFile>()(none),
  'sync.setPassphrase': channel<SyncStatus>()(passphraseInput),
} as const
