import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, realpath, symlink, writeFile } from 'node:fs/promises'
import { join, sep } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { documentsFolderOf } from '../../electron/main/projects/documents-service'
import { isPlainFileName } from '@shared/text/plain-file-name'
import { startTestApp, type TestApp } from '../support/core'
import { touched } from '../support/watch-fs'

vi.mock('node:fs/promises', async (original) =>
  (await import('../support/watch-fs')).watched(await original()),
)
vi.mock('node:fs', async (original) =>
  (await import('../support/watch-fs')).watched(await original()),
)

let app: TestApp
afterEach(async () => app?.core.dispose())

async function withProject() {
  app = await startTestApp()
  const member = await app.ok('members.create', {
    kind: 'city',
    name: 'Ville de Cotonou',
    country: 'BJ',
    status: 'active',
  })
  return app.ok('projects.create', {
    title: 'Marché de Dantokpa',
    memberId: member.id,
    sectorCode: '43030',
    programme: 'local_governance',
    nature: 'investment',
    currency: 'XOF',
    totalCost: '65595700',
  })
}

/** Attaches a file with the given name and content; answers the document's id. */
async function attach(projectId: string, name: string, content = 'the application, signed') {
  const original = join(app.folder, name)
  await writeFile(original, content)
  app.host.nextDocument = original
  const project = await app.ok('projects.attachDocument', { projectId, title: name })
  return project.documents.at(-1)?.id ?? ''
}

/** Gives a document another stored name, as a change received from another copy could. */
async function rename(id: string, storedName: string) {
  await app.core
    .requireSession()
    .file.db.updateTable('project_documents')
    .set({ stored_name: storedName })
    .where('id', '=', id)
    .execute()
}

describe('project documents', () => {
  it('copies a document beside the data file, opens the copy, and refuses a changed one', async () => {
    const project = await withProject()
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
    // The copy's name is generated and plain: a UUID and the original's extension.
    const folder = documentsFolderOf(app.core.requireSession().file.path)
    const [stored] = await readdir(folder)
    expect(stored).toMatch(/^[0-9a-f-]{36}\.pdf$/)
    expect(isPlainFileName(stored ?? '')).toBe(true)

    // The original may move or change: the copy in the file's folder is what is kept.
    await writeFile(original, 'edited afterwards')
    expect(await app.ok('projects.openDocument', { id: document?.id ?? '' })).toBeNull()
    const opened = app.host.openedPaths[0] ?? ''
    expect(opened).toBe(join(await realpath(folder), stored ?? ''))
    expect(await readFile(opened, 'utf8')).toBe('the application, signed')

    await writeFile(opened, 'tampered')
    const changed = await app.call('projects.openDocument', { id: document?.id ?? '' })
    expect(changed.ok).toBe(false)
    if (!changed.ok) expect(changed.error.message).toContain('modifié')

    const detached = await app.ok('projects.detachDocument', { id: document?.id ?? '' })
    expect(detached.documents).toEqual([])
  })

  it('refuses a file that would start a program, writing nothing', async () => {
    const project = await withProject()
    const folder = documentsFolderOf(app.core.requireSession().file.path)
    for (const name of [
      'setup.exe',
      'Rapport.pdf.lnk',
      'macro.JS',
      'script.ps1',
      'a.exe. ',
      'x.desktop',
      'formulaire.JNLP',
      'aide.diagcab',
      'calcul.xll',
    ]) {
      const original = join(app.folder, name)
      await writeFile(original, 'MZ…')
      app.host.nextDocument = original
      const refused = await app.call('projects.attachDocument', { projectId: project.id })
      expect(refused.ok || refused.error.message, name).toMatch(/peut lancer un programme/)
    }
    expect((await app.ok('projects.get', { id: project.id })).documents).toEqual([])
    expect(await readdir(folder).catch(() => [])).toEqual([])
    // An odd extension is not kept: the copy has none, and opens as nothing in particular.
    const id = await attach(project.id, 'scan.p\\df')
    const row = await app.core
      .requireSession()
      .file.db.selectFrom('project_documents')
      .select('stored_name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.stored_name).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('opens a copy attached by an earlier version, in its project folder', async () => {
    const project = await withProject()
    const id = await attach(project.id, 'convention.pdf')
    const folder = documentsFolderOf(app.core.requireSession().file.path)
    const [stored] = await readdir(folder)
    await mkdir(join(folder, 'P-2024-001'))
    await writeFile(join(folder, 'P-2024-001', stored ?? ''), 'the application, signed')
    for (const legacy of [`P-2024-001/${stored}`, `P-2024-001\\${stored}`]) {
      await rename(id, legacy)
      expect(await app.ok('projects.openDocument', { id })).toBeNull()
    }
    expect(app.host.openedPaths).toEqual([
      join(await realpath(folder), 'P-2024-001', stored ?? ''),
      join(await realpath(folder), 'P-2024-001', stored ?? ''),
    ])
  })

  it('never opens or reads anything outside the documents folder, whatever the stored name', async () => {
    const project = await withProject()
    const id = await attach(project.id, 'convention.pdf')
    const folder = documentsFolderOf(app.core.requireSession().file.path)
    const inside = await realpath(folder)
    // A file outside with the same content (so the fingerprint would match), and links to it.
    await writeFile(join(app.folder, 'sentinel-outside.pdf'), 'the application, signed')
    await symlink(join(app.folder, 'sentinel-outside.pdf'), join(folder, 'link-out.pdf'))
    await symlink(app.folder, join(folder, 'dir-out'))
    execFileSync('mkfifo', [join(folder, 'pipe.pdf')])
    await mkdir(join(folder, 'a-folder.pdf'))

    const refusal = async (storedName: string) => {
      await rename(id, storedName)
      const result = await app.dispatch('projects.openDocument', { id })
      if (result.ok) return 'opened'
      expect(result.error.code, storedName).not.toBe('INTERNAL')
      expect(result.error.message, storedName).not.toMatch(/Error|at .*\(/)
      return result.error.message
    }
    expect(await refusal('link-out.pdf')).toMatch(/hors du dossier/)
    expect(await refusal('dir-out/sentinel-outside.pdf')).toMatch(/hors du dossier/)
    expect(await refusal('pipe.pdf')).toMatch(/n’est pas un fichier ordinaire/)
    expect(await refusal('a-folder.pdf')).toMatch(/n’est pas un fichier ordinaire/)
    for (const name of [
      '../sentinel-outside.pdf',
      '..\\sentinel-outside.pdf',
      `${app.folder}/sentinel-outside.pdf`,
      'C:\\Windows\\explorer.exe',
      '\\\\server\\share\\x.pdf',
      'a/../../sentinel-outside.pdf',
      'a/b/c.pdf',
      '',
      '.',
      '..',
      'CON.pdf',
      'x.pdf\0.txt',
      'x.pdf:stream',
      'x.pdf.',
      'setup.exe',
    ]) {
      expect(await refusal(name), name).toMatch(/simple nom de fichier/)
    }

    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', '~', 'CON', 'x.exe', '%2e%2e', 'C:', 'link-out.pdf'),
      fc.constantFrom('dir-out', 'sentinel-outside.pdf', 'pipe.pdf', 'nul', ' ', 'a-folder.pdf'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    )
    const hostile = fc.oneof(
      fc
        .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('/', '\\'))
        .map(([parts, separator]) => parts.join(separator)),
      fc.string({ maxLength: 300 }),
    )
    await fc.assert(
      fc.asyncProperty(hostile, async (name) => {
        await refusal(name)
      }),
      { numRuns: 400 },
    )
    // Whatever was opened is inside the folder. Outside, nothing was read or opened: the only
    // calls naming the sentinel are this test's own, and the checks of names inside the folder.
    expect(app.host.openedPaths.every((path) => path.startsWith(inside + sep))).toBe(true)
    const lookups = touched.filter((call) => !/^(writeFile|symlink) /.test(call))
    expect(lookups.length).toBeGreaterThan(0)
    expect(lookups.filter((call) => !call.startsWith(`realpath ${folder}${sep}`))).toEqual([])
  }, 60_000)
})
