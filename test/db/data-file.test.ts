import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Kysely, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import { verifyIntegrity as verifyCopy } from '../../electron/main/db/read-only'
import { AIMF_APPLICATION_ID } from '../../electron/main/db/file-identity'
import { migrate } from '../../electron/main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../electron/main/db/migrations'
import { Sqlite3Dialect } from '../../electron/main/db/sqlite3-dialect'
import {
  OPEN_READWRITE,
  allRows,
  closeNative,
  openNative,
} from '../../electron/main/db/sqlite-native'
import { AppFailure } from '../../electron/main/failure'
import { damagePage, sha256, writeRawDatabase } from '../support/files'
import { tempFolder } from '../support/temp'

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppFailure)
  return error as AppFailure
}

describe('migrations', () => {
  it('registers exactly the migration files present, in order', async () => {
    const folder = fileURLToPath(new URL('../../electron/main/db/migrations/', import.meta.url))
    const files = (await readdir(folder))
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.sort())
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1))
    expect(MIGRATIONS.every((m) => m.name.startsWith(String(m.version).padStart(4, '0')))).toBe(
      true,
    )
  })

  it('creates a file at the latest version, with WAL, foreign keys, 16 KiB pages and the AIMF identity', async () => {
    const path = join(await tempFolder(), 'new.sqlite')
    const file = await DataFile.create(path)
    const pragma = async (name: string) =>
      (await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(file.db)).rows[0]?.[name]
    expect(await pragma('user_version')).toBe(LATEST_VERSION)
    expect(await pragma('application_id')).toBe(AIMF_APPLICATION_ID)
    expect(await pragma('journal_mode')).toBe('wal')
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('page_size')).toBe(16_384)
    expect(file.info().replicaId).toMatch(/^[0-9a-f]{16}$/)
    await file.close()
  })

  it('takes a verified backup before migrating an older file', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'ancien.sqlite')
    // An AIMF file at version 0: what a build older than every migration would have left.
    await writeRawDatabase(
      path,
      `PRAGMA application_id = ${AIMF_APPLICATION_ID}; CREATE TABLE placeholder (x);`,
    )
    const file = await DataFile.open(path)
    expect(file.info().schemaVersion).toBe(LATEST_VERSION)
    await file.close()
    const backups = await readdir(join(folder, 'backups'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(/^ancien\.\d{8}-\d{6}-\d{3}\.migration\.sqlite$/)
    // The copy is the file as it was before the migration: version 0, its table, sound.
    const copy = join(folder, 'backups', backups[0] ?? '')
    await verifyCopy(copy)
    const native = await openNative(copy, OPEN_READWRITE)
    expect(await allRows(native, 'PRAGMA user_version')).toEqual([{ user_version: 0 }])
    expect(await allRows(native, "SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([
      { name: 'placeholder' },
    ])
    await closeNative(native)
  })

  it('a migration failing half-way leaves the file at its previous version', async () => {
    const path = join(await tempFolder(), 'x.sqlite')
    const file = await DataFile.create(path)
    await file.close()
    const native = await openNative(path, OPEN_READWRITE)
    const db = new Kysely<unknown>({ dialect: new Sqlite3Dialect(native) })
    const failing = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      async up(trx: Kysely<unknown>) {
        await sql`CREATE TABLE half_done (x)`.execute(trx)
        throw new Error('boom')
      },
    }
    await expect(migrate(db, LATEST_VERSION, [...MIGRATIONS, failing])).rejects.toThrow('boom')
    const version = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db)
    expect(version.rows[0]?.user_version).toBe(LATEST_VERSION)
    const tables = await sql<{
      name: string
    }>`SELECT name FROM sqlite_master WHERE name = 'half_done'`.execute(db)
    expect(tables.rows).toEqual([])
    await db.destroy()
  })
})

describe('opening files that must not be opened', () => {
  it('refuses a file of a newer schema and leaves it byte-identical', async () => {
    const path = join(await tempFolder(), 'futur.sqlite')
    const file = await DataFile.create(path)
    await sql.raw(`PRAGMA user_version = ${LATEST_VERSION + 5}`).execute(file.db)
    await file.close()
    const before = await sha256(path)
    const failure = await failureOf(DataFile.open(path))
    expect(failure.code).toBe('FILE_TOO_NEW')
    expect(failure.params).toMatchObject({
      fileVersion: LATEST_VERSION + 5,
      appVersion: LATEST_VERSION,
    })
    expect(await sha256(path)).toBe(before)
  })

  it('refuses a file that is not SQLite, or SQLite but not ours, unchanged', async () => {
    const folder = await tempFolder()
    const text = join(folder, 'texte.sqlite')
    await writeFile(text, 'bonjour')
    expect((await failureOf(DataFile.open(text))).code).toBe('FILE_NOT_AIMF')
    const other = join(folder, 'autre.sqlite')
    await writeRawDatabase(other, 'CREATE TABLE t (x); INSERT INTO t VALUES (1);')
    const before = await sha256(other)
    expect((await failureOf(DataFile.open(other))).code).toBe('FILE_NOT_AIMF')
    expect(await sha256(other)).toBe(before)
    expect((await failureOf(DataFile.open(join(folder, 'absent.sqlite')))).code).toBe(
      'FILE_NOT_FOUND',
    )
  })

  it('refuses a file already open in another instance', async () => {
    const path = join(await tempFolder(), 'partage.sqlite')
    const first = await DataFile.create(path)
    expect((await failureOf(DataFile.open(path))).code).toBe('FILE_LOCKED')
    await first.close()
    const again = await DataFile.open(path)
    await again.close()
  })

  it('refuses to create over an existing file', async () => {
    const path = join(await tempFolder(), 'existe.sqlite')
    await (await DataFile.create(path)).close()
    expect((await failureOf(DataFile.create(path))).code).toBe('FILE_EXISTS')
  })

  it('detects a damaged file and leaves it as it is', async () => {
    const path = join(await tempFolder(), 'abime.sqlite')
    const file = await DataFile.create(path)
    await file.write('t', async (w) => {
      for (let i = 0; i < 300; i++) {
        await w.insert('funders', {
          name: `Bailleur ${i} ${'x'.repeat(200)}`,
          kind: 'other',
          default_currency: 'EUR',
        })
      }
    })
    await file.close()
    await damagePage(path, 3)
    const before = await sha256(path)
    expect((await failureOf(DataFile.open(path))).code).toBe('FILE_DAMAGED')
    expect(await sha256(path)).toBe(before)
  })
})
