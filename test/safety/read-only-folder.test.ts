import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { createSession } from '../../electron/main/app/create-session'
import { bundleForNode } from '../support/bundle'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'

let script = ''
beforeAll(async () => {
  script = await bundleForNode('test/safety/read-only-writer.ts')
}, 60_000)

describe('a file in a read-only folder', () => {
  it('is refused with a message naming it, left byte-identical, and the process keeps running', async () => {
    const folder = join(await tempFolder(), 'partage')
    await mkdir(folder)
    const path = join(folder, 'comptes.sqlite')
    const file = await DataFile.create(path)
    await createSession(file).otherIncome.add(
      { receivedOn: '2026-01-01', label: 'Intérêts', currency: 'EUR', amount: '12.5', note: null },
      'test',
    )
    await file.close()
    const before = await sha256(path)
    // A read-only bind mount of the folder, in a mount namespace of the child alone (root can
    // write through permissions, not through a read-only mount).
    const { stdout } = await promisify(execFile)('unshare', [
      '--mount',
      '--propagation',
      'private',
      'bash',
      '-c',
      `mount --bind "${folder}" "${folder}" && mount -o remount,ro,bind "${folder}" && exec "${process.execPath}" "${script}" "${path}"`,
    ])
    expect(stdout).toMatch(/OPEN FAIL FILE_UNWRITABLE .*comptes\.sqlite/)
    expect(stdout).toMatch(/CREATE FAIL FILE_UNWRITABLE .*nouveau\.sqlite/)
    expect(stdout).toContain('STILL RUNNING')
    expect(await sha256(path)).toBe(before)
    expect(await checkFile(path)).toEqual([])
  }, 60_000)
})
