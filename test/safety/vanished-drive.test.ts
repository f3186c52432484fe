import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { startTestApp, type TestApp } from '../support/core'
import { tempFolder } from '../support/temp'

let app: TestApp
afterEach(async () => app?.core.dispose())

const income = (label: string) => ({
  receivedOn: '2026-01-01',
  label,
  currency: 'EUR' as const,
  amount: '10',
  confirmed: true,
})

describe('a file on a drive that goes away', () => {
  it('refuses the write with a clear message, keeps running, and carries on once the drive is back', async () => {
    const stick = join(await tempFolder(), 'CLE-USB')
    await mkdir(stick)
    const path = join(stick, 'missions.sqlite')
    app = await startTestApp({ openFile: false })
    await app.core.createFile(path)
    await app.ok('funds.addOtherIncome', income('Avant'))

    // The stick is pulled out: its folder is no longer where the file was opened.
    await rename(stick, `${stick}-retiree`)
    const refused = await app.call('funds.addOtherIncome', income('Pendant'))
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('FILE_GONE')
      expect(refused.error.message).toContain(path)
      expect(refused.error.message).toContain('Rien n’a été enregistré')
    }
    // The application keeps running: what is open can still be read.
    expect((await app.ok('funds.otherIncome', {})).map((o) => o.label)).toEqual(['Avant'])

    // Plugged back in: work goes on, and the file holds exactly what was saved.
    await rename(`${stick}-retiree`, stick)
    await app.ok('funds.addOtherIncome', income('Après'))
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    app = await startTestApp({ openFile: false })
    await app.core.openFile(path)
    expect((await app.ok('funds.otherIncome', {})).map((o) => o.label).sort()).toEqual([
      'Après',
      'Avant',
    ])
  })
})
