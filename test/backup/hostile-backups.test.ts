import { copyFile, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { BackupService } from '../../electron/main/backup/backup-service'
import {
  assertMayRestore,
  checkBackup,
  kinshipOf,
  restoreInto,
} from '../../electron/main/backup/restore'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { readIdentityOf } from '../../electron/main/db/identity'
import { AppFailure, formatParams } from '../../electron/main/failure'
import { translate } from '@shared/i18n/translate'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'

const CASES = 300

let folder = ''
let original = ''
let backup: Buffer = Buffer.alloc(0)
let pageSize = 0

beforeAll(async () => {
  folder = await tempFolder('file')
  original = join(folder, 'compta.sqlite')
  const file = await DataFile.create(original)
  const session = createSession(file)
  for (let i = 0; i < 20; i++) {
    await session.otherIncome.add(
      {
        receivedOn: '2026-01-05',
        label: `Intérêts ${i}`,
        currency: 'EUR',
        amount: `${i + 1}`,
        note: null,
      },
      'Agent',
    )
  }
  const made = await new BackupService(file).create('manual')
  await file.close()
  backup = await readFile(join(made.folder, made.name))
  pageSize = backup.readUInt16BE(16) || 65536
}, 60_000)

/** One way a file offered as a backup may have been damaged or forged. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('bytes' as const),
    at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 24,
    }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('page' as const),
    at: fc.nat(),
    fill: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('header' as const),
    // application id, schema version, page size, file format bytes, page count.
    offset: fc.constantFrom(16, 18, 19, 28, 60, 68),
    value: fc.integer({ min: 0, max: 0xffffffff }),
  }),
  fc.record({
    kind: fc.constant('append' as const),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 70_000 }),
  }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const copy = Buffer.from(bytes)
  switch (m.kind) {
    case 'bytes':
      for (const [at, value] of m.at) copy[at % copy.length] = value
      return copy
    case 'truncate':
      return copy.subarray(0, m.at % copy.length)
    case 'page': {
      const pages = Math.floor(copy.length / pageSize)
      copy.fill(m.fill, (m.at % pages) * pageSize, ((m.at % pages) + 1) * pageSize)
      return copy
    }
    case 'header':
      copy.writeUInt32BE(
        m.value >>> 0,
        m.offset === 16 || m.offset === 18 || m.offset === 19 ? 16 : m.offset,
      )
      return copy
    case 'append':
      return Buffer.concat([copy, Buffer.from(m.bytes)])
  }
}

describe('a hostile file offered as a backup', () => {
  it(`${CASES} damaged or forged backups: refused with a message naming them and the file byte-identical, or restored and the file passes aimf check`, async () => {
    const outcomes = { refused: 0, restored: 0 }
    const candidate = join(folder, 'offerte.sqlite')
    const target = join(folder, 'cible.sqlite')
    await fc.assert(
      fc
        .asyncProperty(mutation, async (m) => {
          await writeFile(candidate, mutate(backup, m))
          await copyFile(original, target)
          const before = await sha256(target)
          try {
            const checked = await checkBackup(candidate, checkFile)
            const identity = await readIdentityOf(target)
            assertMayRestore(kinshipOf(checked, { path: target, identity }), checked, target, false)
            await restoreInto({ path: target, identity }, checked)
          } catch (error) {
            // A refusal the user can read, naming the backup (or the file), never a raw error.
            expect(error).toBeInstanceOf(AppFailure)
            const failure = error as AppFailure
            expect(['FILE_DAMAGED', 'FILE_NOT_AIMF', 'FILE_TOO_NEW', 'CONFLICT']).toContain(
              failure.code,
            )
            const message = translate('fr', failure.key, formatParams(failure.params, 'fr'))
            expect(message).not.toMatch(/\{\{/)
            expect(message).toMatch(/offerte\.sqlite|cible\.sqlite/)
            expect(await sha256(target)).toBe(before)
            outcomes.refused += 1
            return
          }
          expect(await checkFile(target)).toEqual([])
          const reopened = await DataFile.open(target)
          await reopened.close()
          outcomes.restored += 1
        })
        .afterEach(async () => {
          // Looking at the offered file and restoring left nothing beside them.
          const left = (await readdir(folder)).filter(
            (n) => !['compta.sqlite', 'backups', 'offerte.sqlite', 'cible.sqlite'].includes(n),
          )
          expect(left).toEqual([])
          await rm(target, { force: true })
        }),
      { numRuns: CASES, seed: 18 },
    )
    // Both ways were taken: the test saw sound backups restored and hostile ones refused.
    expect(outcomes.refused).toBeGreaterThan(50)
    expect(outcomes.restored).toBeGreaterThan(20)
  }, 600_000)
})
