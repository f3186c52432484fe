import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { SetAsideReason, SkippedFile, SyncMessage } from '@shared/sync/schema'

/**
 * Why a change file is not applied: thrown by the checks of a file, caught by the sync, which
 * sets the file aside with this reason and message and goes on with the others. Never a stack
 * trace: every refusal is a message of the catalog.
 */
export class SetAside extends Error {
  constructor(
    readonly reason: SetAsideReason,
    readonly detail: SyncMessage | null = null,
    /** For a file waiting for a record: which one ("table|id"). */
    readonly needs: string | null = null,
  ) {
    super(`${reason}${detail ? `: ${detail.key} ${JSON.stringify(detail.params)}` : ''}`)
    this.name = 'SetAside'
  }
}

/** A change or value the core would never write. */
export function refused(key: MessageKey, params: Record<string, string | number> = {}): SetAside {
  return new SetAside('refused', { key, params })
}

/** Changes of a record (or a reference to one) this copy does not have yet ("table|id"). */
export function waiting(
  needs: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): SetAside {
  return new SetAside('waiting', { key, params }, needs)
}

/**
 * Reasons that the same bytes will always meet again: such a file is not read again while it
 * stays the same (a cloud client finishing a copy changes it). A file waiting for a record, for
 * the passphrase or for an update of the application is always tried again.
 */
const LASTING: ReadonlySet<SetAsideReason> = new Set([
  'refused',
  'foreign',
  'not_changes',
  'other_dataset',
  'too_large',
  'not_regular',
])

/** What this copy remembers of a file it set aside (file_info, JSON by file name). */
export interface SetAsideEntry {
  /** The file's size and first line (its format and SHA-256): changed bytes change it. */
  fingerprint: string | null
  /** The schema of the application that judged it: an update judges it again. */
  version: number
  skipped: SkippedFile
}

export type SetAsideList = Record<string, SetAsideEntry>

/** Whether a file set aside before can be left aside without reading it again. */
export function stillAside(
  entry: SetAsideEntry | undefined,
  fingerprint: string | null,
  version: number,
): entry is SetAsideEntry {
  return (
    entry !== undefined &&
    LASTING.has(entry.skipped.reason) &&
    fingerprint !== null &&
    entry.fingerprint === fingerprint &&
    entry.version === version
  )
}

/** Reads the list kept in file_info; a list that no longer reads as one is forgotten. */
export function parseSetAside(json: string | null): SetAsideList {
  if (!json) return {}
  try {
    const parsed = JSON.parse(json) as unknown
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as SetAsideList)
      : {}
  } catch {
    return {}
  }
}
