import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  CHANGE_FILE_NAME,
  REPLICA_ID,
  type SyncTarget,
  type TargetEntry,
  changeFileName,
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
    await mkdir(join(this.root, replicaId), { recursive: true })
    // Hidden while it is written: neither the other copies nor a cloud client take it whole.
    const partial = join(this.root, replicaId, `.${basename(name)}.${randomUUID()}.partial`)
    try {
      await writeFile(partial, bytes, { flush: true })
      await rename(partial, join(this.root, name))
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    return name
  }

  async others(replicaId: string): Promise<TargetEntry[]> {
    const replicas = await readdir(this.root).catch(() => [] as string[])
    const entries: TargetEntry[] = []
    for (const replica of replicas.sort()) {
      if (replica === replicaId || !REPLICA_ID.test(replica)) continue
      const names = await readdir(join(this.root, replica)).catch(() => [] as string[])
      for (const name of names.filter((n) => CHANGE_FILE_NAME.test(n)).sort()) {
        entries.push({ replicaId: replica, name: `${replica}/${name}` })
      }
    }
    return entries
  }

  read(entry: TargetEntry): Promise<Buffer> {
    return readFile(join(this.root, entry.name))
  }

  async close(): Promise<void> {}
}
