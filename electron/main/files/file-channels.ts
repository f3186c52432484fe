import type { ChannelName } from '@shared/contract/channels'
import type { FilePurpose } from './file-grants'

/** What a channel does to a file (`send`: copies the open file's records elsewhere). */
type FileAct = 'open' | 'read' | 'write' | 'reveal' | 'forget' | 'send'

/**
 * How a channel comes by the file it acts on — never from the page:
 * - `token`: the page hands back a token the core granted for that file and purpose;
 * - `dialog`: the core asks the user in a native dialog (the Host), then acts on the answer — a
 *   file or folder chosen, or, for a sync server not joined before, « send the records there? »;
 * - `owned`: a file the application keeps itself — the open data file, its backups, its
 *   documents folder, its sync target, the demo — found by the core, never named by the page.
 */
export type FileAccess =
  | { via: 'token'; purpose: FilePurpose; acts: readonly FileAct[] }
  | { via: 'dialog'; acts: readonly FileAct[] }
  | { via: 'owned'; where: string; acts: readonly FileAct[] }

/**
 * Every channel that reads, writes, opens or reveals a file, in one place. The tests hold each
 * `token` channel to a forged path, a forged, expired and other-purpose token, and check that
 * no channel outside this list takes anything shaped like a path.
 */
export const FILE_CHANNELS = {
  'file.openDemo': { via: 'owned', where: 'the demo file', acts: ['open', 'write'] },
  'file.createWithDialog': { via: 'dialog', acts: ['write', 'open'] },
  'file.openWithDialog': { via: 'dialog', acts: ['open'] },
  'file.openRecent': { via: 'token', purpose: 'data-file', acts: ['open'] },
  'file.viewDamaged': { via: 'token', purpose: 'damaged-file', acts: ['read'] },
  'file.recoverFromBackup': { via: 'token', purpose: 'damaged-file', acts: ['write', 'open'] },
  'file.recoverFromChosen': { via: 'token', purpose: 'damaged-file', acts: ['write', 'open'] },
  'file.forgetRecent': { via: 'token', purpose: 'data-file', acts: ['forget'] },
  'file.showInFolder': { via: 'owned', where: 'the open data file', acts: ['reveal'] },
  'file.reveal': { via: 'token', purpose: 'reveal', acts: ['reveal'] },

  'organisation.chooseLogo': { via: 'dialog', acts: ['read'] },

  'projects.attachDocument': { via: 'dialog', acts: ['read', 'write'] },
  'projects.openDocument': { via: 'owned', where: '<file>.documents', acts: ['open'] },
  'projects.exportSheet': { via: 'dialog', acts: ['write'] },

  'letters.begin': { via: 'dialog', acts: ['write'] },

  'reports.begin': { via: 'dialog', acts: ['write'] },
  'reports.iati': { via: 'dialog', acts: ['write'] },
  // A list exported as shown: the workbook's path is asked for in a native dialog.
  'reports.list': { via: 'dialog', acts: ['write'] },

  'workbook.template': { via: 'dialog', acts: ['write'] },
  'workbook.export': { via: 'dialog', acts: ['write'] },
  'workbook.check': { via: 'dialog', acts: ['read'] },
  'workbook.import': { via: 'token', purpose: 'import-workbook', acts: ['read'] },

  'backups.list': { via: 'owned', where: 'the backup folders', acts: ['read'] },
  'backups.create': { via: 'owned', where: 'the backup folder', acts: ['write'] },
  'backups.restore': { via: 'owned', where: 'the backup folders', acts: ['read', 'write'] },
  'backups.delete': { via: 'owned', where: 'the backup folders', acts: ['write'] },
  'backups.folder': { via: 'owned', where: 'the backup folder', acts: ['read'] },
  // The file is chosen in a native dialog (for the open file, or a damaged one named by its
  // token); the core keeps its path and hands the page an id to restore it with.
  'backups.chooseFile': { via: 'dialog', acts: ['read'] },
  'backups.restoreChosen': {
    via: 'owned',
    where: 'the file chosen in backups.chooseFile',
    acts: ['read', 'write'],
  },
  'backups.chooseFolder': { via: 'dialog', acts: ['write'] },
  'backups.useDefaultFolder': { via: 'owned', where: 'backups/ beside the file', acts: ['write'] },

  'sync.chooseFolder': { via: 'dialog', acts: ['read', 'write'] },
  'sync.connectServer': { via: 'dialog', acts: ['send', 'read'] },
  'sync.now': { via: 'owned', where: 'the sync folder chosen before', acts: ['read', 'write'] },
  'sync.missionCopy': { via: 'dialog', acts: ['write'] },

  'history.exportJournal': { via: 'dialog', acts: ['write'] },

  'accounting.exportEntries': { via: 'dialog', acts: ['write'] },

  'rates.import': { via: 'dialog', acts: ['read'] },
} as const satisfies Partial<Record<ChannelName, FileAccess>>

export type FileChannel = keyof typeof FILE_CHANNELS

/** The channels that take a token, and the purpose each token must have been granted for. */
export type TokenChannel = {
  [C in FileChannel]: (typeof FILE_CHANNELS)[C] extends { via: 'token' } ? C : never
}[FileChannel]

export function tokenPurposeOf(channel: TokenChannel): FilePurpose {
  return FILE_CHANNELS[channel].purpose
}
