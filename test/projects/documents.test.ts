import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
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
})
