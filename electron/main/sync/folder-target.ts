import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeBytesAtomically } from '../files/atomic-file'
import { MAX_FILE_BYTES } from './change-file'
import { headOfRegularFile, readRegularFile } from './regular-file'
import {
  CHANGE_FILE_NAME,
  HEAD_BYTES,
  REPLICA_ID,
  type SyncTarget,
  type TargetEntry,
  changeFileName,
  fingerprintOf,
} from './sync-target'

/**
 * A shared folder as a sync target — a network share, a folder a cloud client keeps in step, a
 * USB stick: `AIMF-<dataset>/<replica>/<first>-<last>.aimfsync`. Each copy of the file writes
 * only in its own folder, and only whole files (written under a temporary name, then renamed),
 * so two machines writing at once never touch each other's files.
 */
export class FolderTarget implements SyncTarget {
  constructor(
    readonly folder: string,
    private readonly datasetId: string,
  ) {}

  private get root(): string {
    return join(this.folder, `AIMF-${this.datasetId}`)
  }

  async write(replicaId: string, first: number, last: number, bytes: Buffer): Promise<string> {
    const name = changeFileName(replicaId, first, last)
    // Hidden while it is written (neither the other copies nor a cloud client take it half
    // made), flushed, renamed; a full stick or a pulled one is said naming the file.
    await writeBytesAtomically(join(this.root, name), bytes)
    return name
  }

  async others(replicaId: string): Promise<TargetEntry[]> {
    const replicas = await readdir(this.root).catch(() => [] as string[])
    const entries: TargetEntry[] = []
    for (const replica of replicas.sort()) {
      if (replica === replicaId || !REPLICA_ID.test(replica)) continue
      // A copy's folder, not a link to somewhere else.
      const folder = await lstat(join(this.root, replica)).catch(() => null)
      if (!folder?.isDirectory()) continue
      const names = await readdir(join(this.root, replica)).catch(() => [] as string[])
      for (const name of names.filter((n) => CHANGE_FILE_NAME.test(n)).sort()) {
        entries.push({ replicaId: replica, name: `${replica}/${name}` })
      }
    }
    return entries
  }

  read(entry: TargetEntry): Promise<Buffer> {
    return readRegularFile(join(this.root, entry.name), MAX_FILE_BYTES)
  }

  async fingerprint(entry: TargetEntry): Promise<string | null> {
    const found = await headOfRegularFile(join(this.root, entry.name), MAX_FILE_BYTES, HEAD_BYTES)
    return found ? fingerprintOf(found.size, found.head) : null
  }

  async close(): Promise<void> {}
}
