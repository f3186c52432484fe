import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { documentsFolderOf } from '../../electron/main/projects/documents-service'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('project documents', () => {
  it('copies a document beside the data file, opens the copy, and refuses a changed one', async () => {
    app = await startTestApp()
    const member = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Cotonou',
      country: 'BJ',
      status: 'active',
    })
    const project = await app.ok('projects.create', {
      title: 'Marché de Dantokpa',
      memberId: member.id,
      sectorCode: '43030',
      programme: 'local_governance',
      nature: 'investment',
      currency: 'XOF',
      totalCost: '65595700',
    })
    const original = join(app.folder, 'demande de la ville.pdf')
    await writeFile(original, 'the application, signed')

    app.host.nextDocument = null
    const cancelled = await app.call('projects.attachDocument', { projectId: project.id })
    expect(cancelled.ok).toBe(false)
    if (!cancelled.ok) expect(cancelled.error.code).toBe('CANCELLED')

    app.host.nextDocument = original
    const attached = await app.ok('projects.attachDocument', {
      projectId: project.id,
      title: 'Demande de financement',
    })
    const [document] = attached.documents
    expect(document).toMatchObject({
      title: 'Demande de financement',
      originalName: 'demande de la ville.pdf',
      size: 23,
    })
    // The original may move or change: the copy in the file's folder is what is kept.
    await writeFile(original, 'edited afterwards')
    expect(await app.ok('projects.openDocument', { id: document?.id ?? '' })).toBeNull()
    const opened = app.host.openedPaths[0] ?? ''
    expect(opened.startsWith(documentsFolderOf(app.core.requireSession().file.path))).toBe(true)
    expect(await readFile(opened, 'utf8')).toBe('the application, signed')

    await writeFile(opened, 'tampered')
    const changed = await app.call('projects.openDocument', { id: document?.id ?? '' })
    expect(changed.ok).toBe(false)
    if (!changed.ok) expect(changed.error.message).toContain('modifié')

    const detached = await app.ok('projects.detachDocument', { id: document?.id ?? '' })
    expect(detached.documents).toEqual([])
  })

  it('refuses to open a copy recorded outside the documents folder: a path for a name, or a link leading out', async () => {
    app = await startTestApp()
    const member = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Cotonou',
      country: 'BJ',
      status: 'active',
    })
    const project = await app.ok('projects.create', {
      title: 'Marché de Dantokpa',
      memberId: member.id,
      sectorCode: '43030',
      programme: 'local_governance',
      nature: 'investment',
      currency: 'XOF',
      totalCost: '65595700',
    })
    app.host.nextDocument = join(app.folder, 'plan.pdf')
    await writeFile(app.host.nextDocument, 'plan')
    const attached = await app.ok('projects.attachDocument', { projectId: project.id })
    const id = attached.documents[0]?.id ?? ''
    const file = app.core.requireSession().file
    const documents = documentsFolderOf(file.path)
    // A program beside the data file, with the digest of the copy, as a hostile record names it
    // (written by a version before the sync checked names, or in a restored file).
    const outsider = join(app.folder, 'x.sh')
    await writeFile(outsider, 'plan')
    for (const name of ['../x.sh', '..\\x.sh', `${documents}/../x.sh`, 'a/b/../../../x.sh']) {
      await sql`UPDATE project_documents SET stored_name = ${name} WHERE id = ${id}`.execute(
        file.db,
      )
      const refused = await app.call('projects.openDocument', { id })
      expect(refused.ok, name).toBe(false)
      if (!refused.ok) {
        expect(refused.error.message, name).toBe(
          `Le document enregistré sous « ${name} » n’est pas dans le dossier des documents du fichier : il n’a pas été ouvert.`,
        )
      }
    }
    // A plain name, but a link inside the folder that leads out of it.
    await mkdir(join(documents, 'liens'), { recursive: true })
    await symlink(outsider, join(documents, 'liens', 'plan.pdf'))
    await sql`UPDATE project_documents SET stored_name = 'liens/plan.pdf' WHERE id = ${id}`.execute(
      file.db,
    )
    const linked = await app.call('projects.openDocument', { id })
    expect(linked.ok).toBe(false)
    if (!linked.ok)
      expect(linked.error.message).toContain('n’est pas dans le dossier des documents')
    expect(app.host.openedPaths).toEqual([])
  })
})
