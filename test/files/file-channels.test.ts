import { randomUUID } from 'node:crypto'
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { z } from 'zod'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  FILE_CHANNELS,
  type TokenChannel,
  tokenPurposeOf,
} from '../../electron/main/files/file-channels'
import { FILE_PURPOSES, type FilePurpose } from '../../electron/main/files/file-grants'
import { CHANNELS, CHANNEL_NAMES, type ChannelName } from '@shared/contract/channels'
import { FILE_TOKEN_PATTERN } from '@shared/files/schema'
import { translate } from '@shared/i18n/translate'
import { followJob, startTestApp, type TestApp } from '../support/core'
import { contentChecksum, damagePage, sha256 } from '../support/files'
import { touched } from '../support/watch-fs'

vi.mock('node:fs/promises', async (original) =>
  (await import('../support/watch-fs')).watched(await original()),
)

const TOKEN_CHANNELS = (Object.keys(FILE_CHANNELS) as (keyof typeof FILE_CHANNELS)[]).filter(
  (channel): channel is TokenChannel => FILE_CHANNELS[channel].via === 'token',
)

/** What a token channel takes besides its file, valid, so that the token alone is refused. */
const OTHER_FIELDS: Partial<Record<TokenChannel, Record<string, unknown>>> = {
  'file.recoverFromChosen': { token: randomUUID(), force: false },
}

let now = Date.UTC(2026, 0, 5, 9)
let app: TestApp
afterEach(async () => app?.core.dispose())

async function membersWorkbook(path: string) {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Membres')
  sheet.addRow(['Code', 'Type', 'Nom', 'Pays', 'Population', 'Membre depuis le', 'Statut'])
  sheet.addRow(['M-SENT', 'Ville', 'Ville importée en douce', 'SN', null, null, 'Actif'])
  await writeFile(path, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer))
}

/**
 * A core with a file open, and beside it one file of each kind a token channel acts on — a data
 * file (not in the recent list), a workbook of members, an exported file — that the page will try
 * to reach without having been given them.
 */
async function withSentinels() {
  app = await startTestApp({ clock: () => now })
  const main = app.core.requireSession().file.path
  const sentinels: Record<FilePurpose, string> = {
    'data-file': join(app.folder, 'sentinel-data.sqlite'),
    'damaged-file': join(app.folder, 'sentinel-damaged.sqlite'),
    'import-workbook': join(app.folder, 'sentinel-members.xlsx'),
    reveal: join(app.folder, 'sentinel-export.csv'),
  }
  await app.core.createFile(sentinels['data-file'])
  await app.core.openFile(main)
  await app.core.prefs.forgetFile(sentinels['data-file'])
  await copyFile(sentinels['data-file'], sentinels['damaged-file'])
  await damagePage(sentinels['damaged-file'], 1)
  await membersWorkbook(sentinels['import-workbook'])
  await writeFile(sentinels.reveal, 'date;auteur\n')
  return { main, sentinels }
}

/** Everything a refused call must leave as it was. */
async function snapshot(main: string, sentinels: Record<FilePurpose, string>) {
  return {
    open: app.core.fileInfo()?.path,
    content: await contentChecksum(app.core.requireSession().file),
    prefs: await readFile(join(app.folder, 'app', 'preferences.json'), 'utf8'),
    files: await Promise.all([main, ...Object.values(sentinels)].map(sha256)),
    opened: [...app.host.openedPaths],
    shown: [...app.host.shownInFolder],
  }
}

const message = (key: Parameters<typeof translate>[1]) => translate('fr', key)

describe('the channels that touch files', () => {
  it('are the only ones whose input names a file, and then only by a token', () => {
    const pathLike = /^(paths?|files?|file_?name|folders?|dir|director(y|ies)|target|location)$/i
    const named = new Map<ChannelName, string[]>()
    const visit = (channel: ChannelName, node: unknown) => {
      if (!node || typeof node !== 'object') return
      const schema = node as Record<string, unknown>
      for (const [key, property] of Object.entries(
        (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (pathLike.test(key)) {
          named.set(channel, [...(named.get(channel) ?? []), key])
          // The token's exact shape: a string of 32 base64url characters, nothing else.
          expect(property, `${channel}.${key}`).toMatchObject({
            type: 'string',
            pattern: FILE_TOKEN_PATTERN.source,
          })
        }
        visit(channel, property)
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
        const inner = schema[key]
        for (const part of Array.isArray(inner) ? inner : [inner]) visit(channel, part)
      }
    }
    for (const channel of CHANNEL_NAMES) {
      visit(
        channel,
        z.toJSONSchema(CHANNELS[channel].input, { io: 'input', unrepresentable: 'any' }),
      )
    }
    expect([...named.keys()].sort()).toEqual([...TOKEN_CHANNELS].sort())
    for (const channel of TOKEN_CHANNELS) expect(named.get(channel)).toEqual(['file'])
  })

  it('outside the list never open a dialog, a file or a folder', async () => {
    app = await startTestApp()
    const asked: string[] = []
    for (const method of [
      'chooseNewFilePath',
      'chooseExistingFile',
      'chooseImage',
      'chooseExportPath',
      'chooseFolder',
      'chooseDocument',
      'openPath',
      'showItemInFolder',
    ] as const) {
      const original = app.host[method].bind(app.host) as (...args: unknown[]) => unknown
      ;(app.host as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        asked.push(method)
        return original(...args)
      }
    }
    const outside = CHANNEL_NAMES.filter((channel) => !Object.hasOwn(FILE_CHANNELS, channel))
    // Closing the file last, so that every other channel runs with a file open.
    for (const channel of [...outside.filter((c) => c !== 'file.close'), 'file.close']) {
      for (const payload of [{}, { id: randomUUID() }, { jobId: randomUUID() }]) {
        const result = await app.dispatch(channel, payload)
        expect(result.ok || result.error.code, channel).not.toBe('INTERNAL')
      }
    }
    expect(asked).toEqual([])
  })
})

describe.each(TOKEN_CHANNELS)('%s', (channel) => {
  const purpose = tokenPurposeOf(channel)
  const others = (Object.keys(FILE_PURPOSES) as FilePurpose[]).filter((p) => p !== purpose)

  it('refuses a path, a forged, another purpose’s or an expired token, reading and changing nothing', async () => {
    const { main, sentinels } = await withSentinels()
    const target = sentinels[purpose]
    const expired = app.core.files.grant(target, purpose)
    now += FILE_PURPOSES[purpose].ttlMs
    const before = await snapshot(main, sentinels)
    touched.length = 0

    const refusal = async (payload: Record<string, unknown>) => {
      const result = await app.dispatch(channel, { ...OTHER_FIELDS[channel], ...payload })
      if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(payload)}`)
      const field = result.error.fields?.[0]
      return [result.error.code, field?.path, field?.message ?? result.error.message]
    }
    expect(await refusal({ path: target })).toEqual([
      'VALIDATION',
      expect.stringMatching(/^(file|path)$/),
      expect.any(String),
    ])
    expect(await refusal({ file: target })).toEqual([
      'VALIDATION',
      'file',
      message('validation.fileToken'),
    ])
    expect(await refusal({ file: 'A'.repeat(32) })).toEqual([
      'FORBIDDEN',
      'file',
      message('errors.fileNotGranted'),
    ])
    for (const other of others) {
      expect(await refusal({ file: app.core.files.grant(target, other) })).toEqual([
        'FORBIDDEN',
        'file',
        message('errors.fileGrantPurpose'),
      ])
    }
    expect(await refusal({ file: expired })).toEqual([
      'FORBIDDEN',
      'file',
      message('errors.fileGrantExpired'),
    ])

    // And hundreds more: random strings, paths, near-misses of real tokens.
    const real = [
      ...others.map((other) => app.core.files.grant(target, other)),
      ...(purpose === 'data-file' ? [] : [app.core.files.grant(main, 'data-file')]),
    ]
    const nearMiss = fc
      .tuple(fc.constantFrom(...real), fc.nat(31), fc.constantFrom('A', 'z', '0', '-', '_'))
      .map(([token, at, c]) => token.slice(0, at) + c + token.slice(at + 1))
      .filter((token) => !real.includes(token))
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[A-Za-z0-9_-]{32}$/),
          nearMiss,
          fc.constantFrom(...real),
          fc.constantFrom(target, `${target}\0`, `file://${target}`, '../sentinel-data.sqlite'),
        ),
        async (file) => {
          const [code] = await refusal({ file })
          expect(['VALIDATION', 'FORBIDDEN']).toContain(code)
        },
      ),
      { numRuns: 300 },
    )

    expect(touched).toEqual([])
    expect(await snapshot(main, sentinels)).toEqual(before)
  }, 60_000)
})

describe('a token given by the core', () => {
  it('shows a file the application wrote in its folder, and nothing else', async () => {
    app = await startTestApp()
    app.host.nextExportPath = join(app.folder, 'journal.csv')
    const saved = await app.ok('history.exportJournal', {})
    expect(saved.file).toMatch(FILE_TOKEN_PATTERN)
    expect(await app.ok('file.reveal', { file: saved.file })).toBeNull()
    expect(app.host.shownInFolder).toEqual([join(app.folder, 'journal.csv')])
    const checked = { ...saved, file: app.core.files.grant(saved.path, 'import-workbook') }
    expect((await app.call('file.reveal', { file: checked.file })).ok).toBe(false)
    expect(app.host.shownInFolder).toHaveLength(1)
  })

  it('imports the workbook the user chose to check, into the file open then only', async () => {
    app = await startTestApp()
    const main = app.core.requireSession().file.path
    const workbook = join(app.folder, 'sentinel-members.xlsx')
    await membersWorkbook(workbook)
    app.host.nextDocument = workbook
    touched.length = 0
    const checked = await app.ok('workbook.check', {})
    // The check is a job (the import rolled back): followed to its end.
    const check = await followJob(app, checked.job)
    // The watch on the file system sees a read when there is one.
    expect(touched).toContain(`open ${workbook}`)
    expect(checked.path).toBe(workbook)
    expect(check.result?.problems.filter((p) => p.blocking)).toEqual([])

    // Another file opened in between: the workbook was checked against the first one.
    await app.core.createFile(join(app.folder, 'other.sqlite'))
    const elsewhere = await app.call('workbook.import', { file: checked.file })
    expect(elsewhere.ok || elsewhere.error.message).toBe(message('errors.fileNotGranted'))
    await app.core.openFile(main)

    app.host.nextDocument = workbook
    const again = await app.ok('workbook.check', {})
    // As the window does: the import is offered once the check has ended (on a loaded
    // machine the check job may still be running when the call returns).
    await followJob(app, again.job)
    const job = await followJob(app, await app.ok('workbook.import', { file: again.file }))
    expect(job.failure ?? job.state).toBe('done')
    const members = await app.ok('members.list', {})
    expect(members.map((m) => m.name)).toEqual(['Ville importée en douce'])
  })

  it('recovers a file found damaged, once, and never a sound one', async () => {
    app = await startTestApp()
    const path = app.core.requireSession().file.path
    await app.ok('backups.create', {})
    await app.core.closeFile()
    const recent = await app.recent(path)
    // Sound: the recent list's token opens it, but does not let it be replaced by a backup.
    const sound = await app.call('file.recoverFromBackup', { file: recent })
    expect(sound.ok || sound.error.message).toBe(message('errors.fileGrantPurpose'))
    await app.ok('file.openRecent', { file: recent })
    await app.core.closeFile()

    await damagePage(path, 1)
    const refused = await app.call('file.openRecent', { file: recent })
    if (refused.ok || !refused.error.file) throw new Error('a damaged file opened')
    expect(refused.error.code).toBe('FILE_DAMAGED')
    expect(refused.error.file).not.toBe(recent)
    expect((await app.ok('file.recoverFromBackup', { file: refused.error.file })).path).toBe(path)
    await app.core.closeFile()
    const again = await app.call('file.recoverFromBackup', { file: refused.error.file })
    expect(again.ok || again.error.message).toBe(message('errors.fileNotGranted'))
  })

  it('opens a file of the recent list, and stops once the file is forgotten', async () => {
    app = await startTestApp()
    const first = app.core.requireSession().file.path
    await app.core.createFile(join(app.folder, 'second.sqlite'))
    const token = await app.recent(first)
    expect((await app.ok('file.openRecent', { file: token })).path).toBe(first)
    await app.ok('file.close', {})
    const state = await app.ok('file.forgetRecent', { file: token })
    expect(state.recentFiles.map((f) => f.path)).toEqual([join(app.folder, 'second.sqlite')])
    const forgotten = await app.call('file.openRecent', { file: token })
    expect(forgotten.ok || forgotten.error.message).toBe(message('errors.fileNotGranted'))
    expect(app.core.fileInfo()).toBeNull()
  })
})
