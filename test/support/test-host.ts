import type { Host } from '../../electron/main/host'
import type { PostgresSettings } from '@shared/sync/schema'

/** A host whose dialogs answer what the test set beforehand (null: the user cancelled). */
export class TestHost implements Host {
  nextNewFilePath: string | null = null
  nextExistingFile: string | null = null
  nextImage: string | null = null
  nextExportPath: string | null = null
  nextDocument: string | null = null
  nextFolder: string | null = null
  nextBackupFile: string | null = null
  /** The answer to « send this file's records to this server? » (the user's, in a native dialog). */
  nextServerAnswer = true
  askedServers: PostgresSettings[] = []
  openedPaths: string[] = []
  shownInFolder: string[] = []
  stateChanges = 0
  /** The system's keychain; null: a system without one. */
  keychain: Map<string, string> | null = new Map()

  async chooseNewFilePath() {
    return this.nextNewFilePath
  }
  async chooseExistingFile() {
    return this.nextExistingFile
  }
  async chooseImage() {
    return this.nextImage
  }
  async chooseExportPath() {
    return this.nextExportPath
  }
  async chooseFolder() {
    return this.nextFolder
  }
  async chooseBackupFile() {
    return this.nextBackupFile
  }
  async chooseDocument() {
    return this.nextDocument
  }
  async confirmSyncServer(_language: unknown, server: PostgresSettings) {
    this.askedServers.push(server)
    return this.nextServerAnswer
  }
  async openPath(path: string) {
    this.openedPaths.push(path)
  }
  showItemInFolder(path: string) {
    this.shownInFolder.push(path)
  }
  stateChanged() {
    this.stateChanges += 1
  }
  async saveSecret(name: string, secret: string) {
    this.keychain?.set(name, secret)
    return this.keychain !== null
  }
  async readSecret(name: string) {
    return this.keychain?.get(name) ?? null
  }
}
