import { isPlainFileName } from './plain-file-name'

/**
 * A name a document's copy may be stored under inside `<file>.documents`, as received from
 * another copy of the file: a plain file name — or, as earlier versions wrote it, one project
 * folder and a plain name ("FC-2024-001/….pdf", with either separator). Never more levels, never
 * "..", a drive or a device: joined to the documents folder it stays inside it.
 */
export function isStoredDocumentName(name: string): boolean {
  const parts = name.split(/[\\/]/)
  return parts.length <= 2 && parts.every(isPlainFileName)
}
