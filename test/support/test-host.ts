import type { Host } from '../../electron/main/host'

/** A host whose dialogs answer what the test set beforehand (null: the user cancelled). */
export class TestHost implements Host {
  nextNewFilePath: string | null = null
  nextExistingFile: string | null = null
  nextImage: string | null = null
  nextExportPath: string | null = null
  shownInFolder: string[] = []
  stateChanges = 0

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
  showItemInFolder(path: string) {
    this.shownInFolder.push(path)
  }
  stateChanged() {
    this.stateChanges += 1
  }
}
