import { execFile } from 'node:child_process'
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { aimf } from '../support/cli'
import { bundleForNode } from '../support/bundle'
import { damagePage, growFile } from '../support/files'
import { tempFolder } from '../support/temp'

let script = ''
beforeAll(async () => {
  script = await bundleForNode('test/safety/full-disk-files.ts')
}, 60_000)

interface Step {
  name: string
  code: number
  out: string
  err: string
  listing: string[]
}

/** What a user's folder may hold: the files they made, and backups by their full names. */
const DEBRIS = /(-wal|-shm|-journal|\.partial|\.tmp|\.part|\.creating|\.restoring|\.probe)$/

describe('a disk too full for the file being written', () => {
  it('each write fails with a message naming the file and the full disk, and leaves nothing behind', async () => {
    const outside = await tempFolder()
    const source = join(outside, 'compta.sqlite')
    const file = await DataFile.create(source)
    await createSession(file).otherIncome.add(
      { receivedOn: '2026-01-05', label: 'Intérêts', currency: 'EUR', amount: '12', note: null },
      'Agent',
    )
    await file.close()
    // A damaged file and, elsewhere, a sound backup of it.
    const damaged = join(outside, 'abime.sqlite')
    const big = await DataFile.create(damaged)
    await growFile(big, 100)
    await big.close()
    const backedUp = await aimf('backup', damaged)
    const backup = /(\/\S+\.manual\.[0-9a-f]{16}\.sqlite)/.exec(backedUp.out)?.[1] ?? ''
    expect(backup).not.toBe('')
    await damagePage(damaged, -2)

    const disk = join(outside, 'disque')
    await mkdir(disk)
    // A tmpfs in a mount namespace of the child alone, with room for the two files and 1 MiB:
    // not for another copy of either (≈ 1.6 MB each).
    const room = (await stat(source)).size + (await stat(damaged)).size + 1024 * 1024
    const size = `${Math.ceil(room / 1024)}k`
    const { stdout } = await promisify(execFile)(
      'unshare',
      [
        '-rm',
        'bash',
        '-c',
        `mount -t tmpfs -o size=${size} tmpfs "${disk}" && exec "${process.execPath}" "${script}" "${disk}" "${source}" "${damaged}" "${backup}"`,
      ],
      { maxBuffer: 10 * 1024 * 1024 },
    )
    const steps = new Map(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Step)
        .map((s) => [s.name, s]),
    )
    const expectFull = (name: string, file: string) => {
      const step = steps.get(name)
      expect(step?.code, name).toBe(2)
      expect(step?.err, name).toMatch(/Impossible d’écrire dans .*: le disque est plein/)
      expect(step?.err, name).toContain(join(disk, file))
      expect(step?.err, name).not.toMatch(/CRASH|Error:|SQLITE_FULL\]/)
    }
    expectFull('backup', 'backups/compta.')
    expectFull('mission-copy', 'mission.sqlite')
    expectFull('new', 'nouveau.sqlite')
    expectFull('open', 'compta.sqlite')
    expectFull('export', 'export.xlsx')
    expectFull('report', 'fonds.pdf')
    expectFull('sync', 'partage/AIMF-')
    expectFull('restore-damaged', 'abime.sqlite')
    for (const step of steps.values()) {
      if (!step.listing) continue
      expect(
        step.listing.filter((name) => DEBRIS.test(name)),
        step.name,
      ).toEqual([])
      // Only the user's files: no half-made mission copy, file, export or report.
      // The shared folder keeps its empty folders, ready for the next sync.
      expect(
        step.listing.filter(
          (name) =>
            !['compta.sqlite', 'abime.sqlite', 'backups/', 'remplissage.bin'].includes(name) &&
            !/^partage\/([^/]+\/)*$/.test(name),
        ),
        step.name,
      ).toEqual([])
    }
    expect(steps.get('damaged-untouched')).toMatchObject({ same: true })
    expect(steps.get('check')).toMatchObject({ code: 0 })
  }, 180_000)
})
