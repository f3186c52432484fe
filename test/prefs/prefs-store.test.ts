import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PrefsStore } from '../../electron/main/prefs/prefs-store'
import { tempFolder } from '../support/temp'

describe('preferences of this machine', () => {
  it('remember the language, the user and the recent files, newest first, ten at most', async () => {
    const folder = await tempFolder()
    const prefs = await PrefsStore.load(folder)
    expect(prefs.get()).toMatchObject({ language: 'fr', userName: '', recentFiles: [] })
    await prefs.update({ language: 'en', userName: 'Awa' })
    for (let i = 0; i < 12; i++) await prefs.rememberFile(`/data/f${i}.sqlite`)
    await prefs.rememberFile('/data/f5.sqlite')
    const reloaded = await PrefsStore.load(folder)
    expect(reloaded.get().language).toBe('en')
    expect(reloaded.get().recentFiles).toHaveLength(10)
    expect(reloaded.get().recentFiles.slice(0, 2)).toEqual(['/data/f5.sqlite', '/data/f11.sqlite'])
    expect(JSON.parse(await readFile(join(folder, 'preferences.json'), 'utf8')).userName).toBe(
      'Awa',
    )
  })

  it('fall back to defaults, value by value, when the file is damaged', async () => {
    const folder = await tempFolder()
    await writeFile(
      join(folder, 'preferences.json'),
      '{"language": "de", "userName": "Awa", "recentFiles": 3',
    )
    expect((await PrefsStore.load(folder)).get().language).toBe('fr')
    await writeFile(join(folder, 'preferences.json'), '{"language": "de", "userName": "Awa"}')
    expect((await PrefsStore.load(folder)).get()).toMatchObject({ language: 'fr', userName: 'Awa' })
  })
})
