import type { MessageKey } from '../i18n/messages/catalog'
import type { SkippedFile } from './schema'

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * What a person reads of a file set aside: the file and the copy it came from, why, and the
 * change that was refused — one text, in the window and from `aimf sync`.
 */
export function setAsideMessage(file: SkippedFile, t: Translate): string {
  const line = t(`sync.skipped.${file.reason}`, { name: file.name, replica: file.replicaId })
  return file.detail ? `${line} ${t(file.detail.key, file.detail.params)}` : line
}
