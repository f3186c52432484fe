import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { FILE_INFO, type FileIdentity, identityFromInfo, kinship } from '../db/file-identity'
import { readInfo } from '../db/identity'
import { lookReadOnly } from '../db/read-only'
import { type BackupInfo, retentionOf } from '@shared/backup/schema'
import { parseBackupName } from './backup-names'

/**
 * A file whose backups are looked for: its identity when it can be read (a damaged file's may
 * not), and its path.
 */
export interface BackupOwner {
  identity: FileIdentity | null
  path: string
}

/** What a backup says of itself, from its file_info table. */
export interface BackupContent {
  identity: FileIdentity
  /** The path of the file it was taken of (backups made before this was kept do not say). */
  of: string | null
}

/** Whether a backup's content says it is the owner's. */
export function contentBelongs(content: BackupContent, owner: BackupOwner): boolean {
  if (owner.identity) return kinship(content.identity, owner.identity) === 'sameFile'
  // The file's identity cannot be read: only a backup saying it was taken of this very path.
  return content.of === owner.path
}

/**
 * Finds a file's backups in its backup folders by identity, never by name alone: two files
 * whose names share a beginning (`compta`, `compta.2025`), or two `compta.sqlite` of different
 * folders backed up to one chosen folder, each see only their own. A backup's name carries its
 * file's identity; one named before identities existed is opened read-only and known by what
 * it contains (read once per version of the file).
 */
export class BackupCatalog {
  private readonly contents = new Map<string, { version: string; content: BackupContent | null }>()

  async list(owner: BackupOwner, folders: readonly string[]): Promise<BackupInfo[]> {
    const found: BackupInfo[] = []
    for (const folder of new Set(folders)) {
      const names = await readdir(folder).catch(() => [] as string[])
      for (const name of names) {
        const parsed = parseBackupName(name)
        if (!parsed) continue
        const path = join(folder, name)
        const info = await stat(path).catch(() => null)
        if (!info?.isFile()) continue
        const ownerId = owner.identity?.fileId ?? null
        const mine =
          parsed.fileId !== null && ownerId !== null
            ? parsed.fileId === ownerId
            : await this.belongs(owner, path)
        if (!mine) continue
        found.push({
          name,
          takenAt: parsed.takenAt.toISOString(),
          trigger: parsed.trigger,
          size: info.size,
          folder,
          retention: retentionOf(parsed.trigger),
          restorable: parsed.trigger !== 'damaged',
        })
      }
    }
    return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.name.localeCompare(b.name))
  }

  /** Whether the backup at `path` is the owner's by its content (false when it cannot be read). */
  async belongs(owner: BackupOwner, path: string): Promise<boolean> {
    const content = await this.contentOf(path)
    return content !== null && contentBelongs(content, owner)
  }

  /** What a backup says of itself; null when it cannot be read (damaged, not ours). */
  async contentOf(path: string): Promise<BackupContent | null> {
    const info = await stat(path).catch(() => null)
    if (!info) return null
    const version = `${info.size}:${info.mtimeMs}`
    const cached = this.contents.get(path)
    if (cached?.version === version) return cached.content
    const content = await readContent(path)
    this.contents.set(path, { version, content })
    return content
  }
}

async function readContent(path: string): Promise<BackupContent | null> {
  try {
    const info = await lookReadOnly(path, readInfo)
    if (info.size === 0) return null
    return { identity: identityFromInfo(info), of: info.get(FILE_INFO.backupOf) ?? null }
  } catch {
    return null
  }
}
