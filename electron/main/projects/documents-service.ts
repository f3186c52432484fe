import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { DataFile } from '../db/data-file'
import { AppFailure } from '../failure'
import {
  documentsFolderOf,
  extensionOf,
  isRunnable,
  storedDocumentPath,
  storedNameFor,
} from './document-files'
import { requireProject } from './project-records'

export { documentsFolderOf } from './document-files'

/**
 * Documents attached to projects (the application, the signed agreement, reports, photos):
 * copied into the folder beside the data file under a generated plain name, so they travel with
 * it and a moved original does not break them; the record keeps the copy's name, size and
 * SHA-256. A file that would start a program is refused (opening a document never runs one).
 */
export class DocumentsService {
  constructor(private readonly file: DataFile) {}

  async attach(projectId: string, source: string, title: string | null, author: string) {
    const project = await requireProject(this.file.db, projectId)
    if (project.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
    if (isRunnable(basename(source))) {
      throw new AppFailure('VALIDATION', 'errors.documentRunnable', {
        extension: `.${extensionOf(basename(source).replace(/[. ]+$/, ''))}`,
      })
    }
    const info = await stat(source).catch(() => null)
    if (!info?.isFile())
      throw new AppFailure('NOT_FOUND', 'errors.documentMissing', { path: source })
    const folder = documentsFolderOf(this.file.path)
    const storedName = storedNameFor(basename(source))
    const target = join(folder, storedName)
    await mkdir(folder, { recursive: true })
    await copyFile(source, target)
    try {
      const sha256 = await sha256Of(target)
      await this.file.write(author, (writer) =>
        writer.insert('project_documents', {
          project_id: project.id,
          title: title ?? basename(source),
          stored_name: storedName,
          original_name: basename(source),
          size: info.size,
          sha256,
        }),
      )
    } catch (failure) {
      // The record could not be written: the copy would be an orphan.
      await rm(target, { force: true })
      throw failure
    }
    return project.id
  }

  /**
   * Where a document's copy is — inside the documents folder, whatever its recorded name says —
   * after checking it is still the file that was attached.
   */
  async pathOf(id: string): Promise<string> {
    const row = await this.file.db
      .selectFrom('project_documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
    const path = await storedDocumentPath(documentsFolderOf(this.file.path), row.stored_name)
    if ((await sha256Of(path)) !== row.sha256) {
      throw new AppFailure('CONFLICT', 'errors.documentChanged', { path })
    }
    return path
  }

  /** Detaches a document; its copy stays in the folder (a restore of the file may need it). */
  async detach(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('project_documents')
        .select(['project_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
      await writer.archive('project_documents', id)
      return row.project_id
    })
  }
}

/** A file's SHA-256, read as a stream: a large scan is never held whole in memory. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
