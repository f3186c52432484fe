import { channel, none } from '../contract/channel'
import type { AppState, OpenFileInfo } from './schema'
import { languageInput, lockSettingsInput, unlockInput, userNameInput } from './schema'
import { fileTokenInput } from '../files/schema'
import { recoverFromChosenInput } from '../backup/schema'

/** The channels of the app area (see shared/contract/channels.ts). */
export const APP_CHANNELS = {
  'app.getState': channel<AppState>()(none),
  'app.setLanguage': channel<AppState>()(languageInput),
  'app.setUserName': channel<AppState>()(userNameInput),
  'app.setLock': channel<AppState>()(lockSettingsInput),
  'app.lock': channel<AppState>()(none),
  'app.unlock': channel<AppState>()(unlockInput),

  'file.openDemo': channel<OpenFileInfo>()(none),
  'file.createWithDialog': channel<OpenFileInfo>()(none),
  'file.openWithDialog': channel<OpenFileInfo>()(none),
  'file.openRecent': channel<OpenFileInfo>()(fileTokenInput),
  'file.forgetRecent': channel<AppState>()(fileTokenInput),
  'file.recoverFromBackup': channel<OpenFileInfo>()(fileTokenInput),
  /** A damaged file (its token), restored from a file chosen with backups.chooseFile. */
  'file.recoverFromChosen': channel<OpenFileInfo>()(recoverFromChosenInput),
  'file.viewDamaged': channel<OpenFileInfo>()(fileTokenInput),
  'file.showInFolder': channel<null>()(none),
  'file.reveal': channel<null>()(fileTokenInput),
  'file.close': channel<AppState>()(none),
} as const
