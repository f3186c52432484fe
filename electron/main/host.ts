import type { Language } from '@shared/i18n/locale'
import type { PostgresSettings } from '@shared/sync/schema'
import type { Keychain } from './sync/server-passwords'

/**
 * What the core asks of the desktop around it: native dialogs, the file manager and the
 * system's keychain. The Electron shell provides it; tests and the CLI provide their own.
 */
export interface Host extends Keychain {
  /** A path for a new data file, or null if the user cancelled. */
  chooseNewFilePath(language: Language): Promise<string | null>
  chooseExistingFile(language: Language): Promise<string | null>
  chooseImage(language: Language): Promise<string | null>
  /** Where to save an export, suggesting a name; null if the user cancelled. */
  chooseExportPath(language: Language, suggestedName: string): Promise<string | null>
  /** A folder to write several exported files into, or null if the user cancelled. */
  chooseFolder(language: Language): Promise<string | null>
  /** A file to restore from (a backup, a copy on a USB stick), or null if the user cancelled. */
  chooseBackupFile(language: Language): Promise<string | null>
  /** A document to attach to a record (any file), or null if the user cancelled. */
  chooseDocument(language: Language): Promise<string | null>
  showItemInFolder(path: string): void
  /**
   * Asks the user, in a native dialog the page can neither draw nor answer, whether this file's
   * records may be sent to a server not joined before: the page never chooses alone where the
   * accounts go. True to connect.
   */
  confirmSyncServer(language: Language, server: PostgresSettings): Promise<boolean>
  /** Opens a file with the application the system associates with it. */
  openPath(path: string): Promise<void>
  /** Told whenever the language or the open file changes (menus, window title). */
  stateChanged(): void
}
