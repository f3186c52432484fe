import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, realpath, rm, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, sep } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import type { DataFile } from '../db/data-file'
import { AppFailure } from '../failure'
import { requireProject } from './project-records'
import { isPlainFileName } from '../../../shared/text/plain-file-name'
import { isStoredDocumentName } from '../../../shared/text/stored-document-name'

/** The folder beside a data file where its documents are copied: "<file>.documents". */
export function documentsFolderOf(dataFilePath: string): string {
  return join(dirname(dataFilePath), `${basename(dataFilePath, extname(dataFilePath))}.documents`)
}

/**
 * Documents attached to projects (the application, the signed agreement, reports, photos):
 * copied into the folder beside the data file, so they travel with it and a moved original
 * does not break them; the record keeps the copy's name, size and SHA-256.
 */
export class DocumentsService {
  constructor(private readonly file: DataFile) {}

  async attach(projectId: string, source: string, title: string | null, author: string) {
    const project = await requireProject(this.file.db, projectId)
    if (project.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
    const info = await stat(source).catch(() => null)
    if (!info?.isFile())
      throw new AppFailure('NOT_FOUND', 'errors.documentMissing', { path: source })
    // The project's folder, named after its code: never "..", a device or a reserved name.
    const folder = project.code.replace(/[^\w.-]+/g, '_')
    const extension = extname(source)
    const storedName = join(
      isPlainFileName(folder) ? folder : '_',
      `${uuidv7()}${isPlainFileName(`x${extension}`) ? extension : ''}`,
    )
    const target = join(documentsFolderOf(this.file.path), storedName)
    await mkdir(dirname(target), { recursive: true })
    await copyFile(source, target)
    try {
      const sha256 = createHash('sha256')
        .update(await readFile(target))
        .digest('hex')
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

  /** Where a document's copy is, after checking it is still the file that was attached. */
  async pathOf(id: string): Promise<string> {
    const row = await this.file.db
      .selectFrom('project_documents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
    const path = await insideDocuments(documentsFolderOf(this.file.path), row.stored_name)
    const content = await readFile(path).catch(() => null)
    if (!content) throw new AppFailure('NOT_FOUND', 'errors.documentMissing', { path })
    if (createHash('sha256').update(content).digest('hex') !== row.sha256) {
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

/**
 * The path of a stored copy, once sure it lies inside the documents folder: its recorded name a
 * plain one (a received or restored file could name "../share/x.sh"), and the path it resolves
 * to — links followed — still under the folder. Anything else is refused, never opened (on
 * Windows, opening a program runs it).
 */
async function insideDocuments(folder: string, storedName: string): Promise<string> {
  const outside = new AppFailure('CONFLICT', 'errors.documentOutside', { name: storedName })
  if (!isStoredDocumentName(storedName)) throw outside
  const path = join(folder, storedName)
  const real = await realpath(path).catch(() => null)
  if (real === null) throw new AppFailure('NOT_FOUND', 'errors.documentMissing', { path })
  const root = await realpath(folder)
  if (!real.startsWith(root + sep)) throw outside
  return path
}
