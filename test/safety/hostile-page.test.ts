import { copyFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { sql } from 'kysely'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { FILE_CHANNELS } from '../../electron/main/files/file-channels'
import { createDispatcher, type Dispatch } from '../../electron/main/ipc/dispatch'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { CHANNELS, CHANNEL_NAMES, type ChannelName } from '@shared/contract/channels'
import { startTestApp, type TestApp } from '../support/core'
import { sha256 } from '../support/files'
import { touched } from '../support/watch-fs'
import { type JsonSchema, valuesOf } from './json-schema-arbitrary'

vi.mock('node:fs/promises', async (original) =>
  (await import('../support/watch-fs')).watched(await original()),
)
vi.mock('node:fs', async (original) =>
  (await import('../support/watch-fs')).watched(await original()),
)

/**
 * A page with a script slipped into it (through an imported or synced text, say) calls every
 * channel of the contract with payloads its schemas accept — real ids of the demo file, and in
 * every free text a path to a file of the disk (a data file, a workbook, a document, a folder),
 * as a path, a relative climb, a file:// URL, a Windows or UNC path. Whatever it asks, no such
 * path is read, written, opened, revealed or connected to; dialogs are asked for only by the
 * channels listed as asking for one; no call ends in an unexplained error; and the file still
 * passes `aimf check`.
 */
const RUNS_PER_CHANNEL = 25

let app: TestApp
let dispatch: Dispatch
const internal: { channel: string; error: unknown }[] = []
let sentinels: string[] = []
let demoPath = ''

beforeAll(async () => {
  app = await startTestApp({ openFile: false, lifetime: 'file' })
  demoPath = (await app.core.openDemo()).path
  // The attacker's server would not be agreed to; no connection is then tried.
  app.host.nextServerAnswer = false
  let current: ChannelName | null = null
  dispatch = createDispatcher(
    createHandlers(app.core),
    () => app.core.language(),
    (error) => internal.push({ channel: String(current), error }),
  )
  const inner = dispatch
  dispatch = async (channel, payload) => {
    current = channel as ChannelName
    return inner(channel, payload)
  }
  for (const method of [
    'chooseNewFilePath',
    'chooseExistingFile',
    'chooseImage',
    'chooseExportPath',
    'chooseFolder',
    'chooseDocument',
    'confirmSyncServer',
  ] as const) {
    const original = app.host[method].bind(app.host) as (...args: unknown[]) => unknown
    ;(app.host as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      asked.push([String(current), method])
      return original(...args)
    }
  }

  const data = join(app.folder, 'sentinel-data.sqlite')
  await copyFile(demoPath, data)
  const workbook = join(app.folder, 'sentinel-members.xlsx')
  await writeFile(workbook, 'PK not really a workbook')
  const document = join(app.folder, 'sentinel-document.pdf')
  await writeFile(document, '%PDF-1.4 a document the user never chose')
  sentinels = [data, workbook, document]
}, 120_000)
afterAll(async () => app?.core.dispose())

const asked: [string, string][] = []

/** Every way of naming a sentinel file that an attacker might try. */
function hostileTexts(): fc.Arbitrary<string> {
  const named = sentinels.flatMap((path) => {
    const name = path.slice(app.folder.length + 1)
    return [
      path,
      `file://${path}`,
      `${path}\0.pdf`,
      `../${name}`,
      `../../${name}`,
      `./${name}`,
      `~/${name}`,
      `${app.folder}/app/../${name}`,
      `\\\\serveur\\partage\\${name}`,
      `C:\\Users\\aimf\\${name}`,
      `\\\\?\\${path}`,
      `${join(app.folder, 'sentinel-folder')}/`,
    ]
  })
  return fc.constantFrom(...named)
}

/** Real ids and dates of the demo file, for the fields whose pattern they match. */
async function knownValues(): Promise<string[]> {
  const db = app.core.requireSession().file.db
  const tables = await db.introspection.getTables()
  const ids: string[] = []
  for (const table of tables) {
    if (!table.columns.some((column) => column.name === 'id')) continue
    const rows = await sql<{
      id: unknown
    }>`SELECT id FROM ${sql.table(table.name)} LIMIT 20`.execute(db)
    for (const row of rows.rows) if (typeof row.id === 'string') ids.push(row.id)
  }
  return [...ids, '2024-01-15', '2025-06-30', '2025-12-31', '2026-03-01', 'EUR', 'XOF', 'USD']
}

/** Values that pass the refinements JSON Schema does not carry, by the field's name. */
function byName(key: string): fc.Arbitrary<unknown> | null {
  if (/currency$/i.test(key)) return fc.constantFrom('EUR', 'XOF', 'USD', 'CHF')
  if (/country$/i.test(key)) return fc.constantFrom('SN', 'FR', 'CA', null)
  if (/email$/i.test(key)) return fc.constantFrom('tresorerie@aimf.asso.fr', null)
  if (/(On|Date|^asOf|^period(From|To|End))$/.test(key))
    return fc.constantFrom('2024-01-15', '2025-06-30', '2025-12-31', '2026-01-05')
  if (/^(year|fromYear|toYear|populationYear)$/.test(key))
    return fc.integer({ min: 2020, max: 2030 })
  return null
}

/** Puts things back as they were for the next call: unlocked, the demo file open. */
async function settle() {
  if (app.core.isLocked()) {
    // Straight to the preferences: the page's own calls could not lift a lock they set.
    await app.core.prefs.update({ lock: null })
    await app.core.unlock('')
  }
  if (app.core.fileInfo()?.path !== demoPath) {
    if (app.core.fileInfo()) await app.core.closeFile()
    await app.core.openFile(demoPath)
  }
}

async function sentinelsNamedOnDisk(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.name.includes('sentinel-')) found.push(join(entry.parentPath, entry.name))
  }
  return found.sort()
}

describe('a compromised page calling every channel', () => {
  it(`${RUNS_PER_CHANNEL} accepted-shaped payloads per channel, paths in every text: no file reached`, async () => {
    const known = await knownValues()
    const patterned = (pattern: string) => {
      const matching = known.filter((value) => new RegExp(pattern).test(value))
      return matching.length > 0 ? fc.constantFrom(...matching) : null
    }
    const before = await Promise.all(sentinels.map(sha256))
    touched.length = 0
    const accepted = new Map<string, number>()

    for (const channel of CHANNEL_NAMES) {
      const schema = z.toJSONSchema(CHANNELS[channel].input, {
        io: 'input',
        unrepresentable: 'any',
      }) as JsonSchema
      await fc.assert(
        fc.asyncProperty(valuesOf(schema, hostileTexts(), patterned, byName), async (payload) => {
          const result = await dispatch(channel, payload)
          if (result.ok || result.error.code !== 'VALIDATION')
            accepted.set(channel, (accepted.get(channel) ?? 0) + 1)
          if (!result.ok)
            expect(result.error.code, `${channel} ${JSON.stringify(payload)}`).not.toBe('INTERNAL')
          await settle()
        }),
        // A channel without input gets the same empty payload each time: twice is enough.
        { numRuns: Object.keys(schema.properties ?? {}).length === 0 ? 2 : RUNS_PER_CHANNEL },
      )
    }
    expect(internal).toEqual([])
    // No file system call named a sentinel, no file of theirs changed, none was made.
    expect(touched).toEqual([])
    expect(await Promise.all(sentinels.map(sha256))).toEqual(before)
    expect(await sentinelsNamedOnDisk(app.folder)).toEqual([...sentinels].sort())
    // Nothing opened or shown but what the application owns; dialogs only where listed.
    expect(
      [...app.host.openedPaths, ...app.host.shownInFolder].filter((p) => p.includes('sentinel-')),
    ).toEqual([])
    const listedDialogs = new Set(
      Object.entries(FILE_CHANNELS)
        .filter(([, access]) => access.via === 'dialog')
        .map(([name]) => name),
    )
    expect(asked.filter(([channel]) => !listedDialogs.has(channel))).toEqual([])
    expect(app.host.askedServers.every((server) => !('password' in server))).toBe(true)
    // The payloads went past the schemas to the handlers, on nearly every channel.
    expect(accepted.size).toBeGreaterThan(CHANNEL_NAMES.length * 0.85)

    await app.core.closeFile()
    expect(await checkFile(demoPath)).toEqual([])
  }, 600_000)
})
