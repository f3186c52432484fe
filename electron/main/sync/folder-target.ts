import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A change file found in the folder: whose it is, and its name there. */
export interface FolderEntry {
  replicaId: string
  /** Unique in the dataset: "replica/first-last.aimfsync". */
  name: string
  path: string
}

const FILE_NAME = /^\d{12}-\d{12}\.aimfsync$/
const REPLICA = /^[0-9a-f]{16}$/

/**
 * A shared folder as a sync target — a network share, a folder a cloud client keeps in step, a
 * USB stick: `AIMF-<dataset>/<replica>/<first>-<last>.aimfsync`. Each copy of the file writes
 * only in its own folder, and only whole files (written under a temporary name, then renamed),
 * so two machines writing at once never touch each other's files.
 */
export class FolderTarget {
  constructor(
    readonly folder: string,
    private readonly datasetId: string,
  ) {}

  private get root(): string {
    return join(this.folder, `AIMF-${this.datasetId}`)
  }

  /** Writes this copy's next change file; its name says which of its changes it holds. */
  async write(replicaId: string, first: number, last: number, bytes: Buffer): Promise<string> {
    const folder = join(this.root, replicaId)
    await mkdir(folder, { recursive: true })
    const name = `${pad(first)}-${pad(last)}.aimfsync`
    const partial = join(folder, `.${name}.${randomUUID()}.partial`)
    try {
      await writeFile(partial, bytes, { flush: true })
      await rename(partial, join(folder, name))
    } catch (error) {
      await rm(partial, { force: true })
      throw error
    }
    return `${replicaId}/${name}`
  }

  /** The change files of the other copies, oldest first for each copy. */
  async others(replicaId: string): Promise<FolderEntry[]> {
    const replicas = await readdir(this.root).catch(() => [] as string[])
    const entries: FolderEntry[] = []
    for (const replica of replicas.sort()) {
      if (replica === replicaId || !REPLICA.test(replica)) continue
      const names = await readdir(join(this.root, replica)).catch(() => [] as string[])
      for (const name of names.filter((n) => FILE_NAME.test(n)).sort()) {
        entries.push({
          replicaId: replica,
          name: `${replica}/${name}`,
          path: join(this.root, replica, name),
        })
      }
    }
    return entries
  }

  read(entry: FolderEntry): Promise<Buffer> {
    return readFile(entry.path)
  }
}

function pad(seq: number): string {
  return String(seq).padStart(12, '0')
}
