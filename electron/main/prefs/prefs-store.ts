import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeBytesAtomically } from '../files/atomic-file'
import { z } from 'zod'
import { DEFAULT_LANGUAGE, LANGUAGES } from '@shared/i18n/locale'

const MAX_RECENT = 10

const prefsSchema = z.object({
  language: z.enum(LANGUAGES).catch(DEFAULT_LANGUAGE),
  userName: z.string().max(100).catch(''),
  recentFiles: z.array(z.string()).max(MAX_RECENT).catch([]),
  lastFile: z.string().nullable().catch(null),
  windowBounds: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
    .nullable()
    .catch(null),
  windowMaximized: z.boolean().catch(false),
  /** Where each data file's backups go, when the user chose a folder other than beside it. */
  backupFolders: z.record(z.string(), z.string()).catch({}),
  /** The optional lock of the window after inactivity: a salted hash, never the password. */
  lock: z
    .object({ hash: z.string(), minutes: z.number().int().min(1).max(240) })
    .nullable()
    .catch(null),
})
export type Prefs = z.infer<typeof prefsSchema>

const DEFAULTS: Prefs = prefsSchema.parse({})

/**
 * This machine's preferences (language, user name, recent files, window): a small JSON file in
 * the application's folder, not in the data file, since they belong to the person and machine.
 * Written to a temporary file and renamed, so a crash never leaves half a file; a damaged file
 * falls back to defaults value by value.
 */
export class PrefsStore {
  private constructor(
    private readonly path: string,
    private prefs: Prefs,
  ) {}

  static async load(folder: string): Promise<PrefsStore> {
    const path = join(folder, 'preferences.json')
    let raw: unknown = {}
    try {
      raw = JSON.parse(await readFile(path, 'utf8'))
    } catch {
      raw = {}
    }
    const parsed = prefsSchema.safeParse(raw)
    return new PrefsStore(path, parsed.success ? parsed.data : DEFAULTS)
  }

  get(): Readonly<Prefs> {
    return this.prefs
  }

  async update(patch: Partial<Prefs>): Promise<Readonly<Prefs>> {
    this.prefs = { ...this.prefs, ...patch }
    await writeBytesAtomically(this.path, JSON.stringify(this.prefs, null, 2))
    return this.prefs
  }

  /** Puts a file first in the recent list. */
  async rememberFile(path: string): Promise<void> {
    const recentFiles = [path, ...this.prefs.recentFiles.filter((p) => p !== path)].slice(
      0,
      MAX_RECENT,
    )
    await this.update({ recentFiles, lastFile: path })
  }

  async forgetFile(path: string): Promise<void> {
    await this.update({
      recentFiles: this.prefs.recentFiles.filter((p) => p !== path),
      lastFile: this.prefs.lastFile === path ? null : this.prefs.lastFile,
    })
  }
}
