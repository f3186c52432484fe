import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { access, open } from 'node:fs/promises'
import * as nodeModule from 'node:module'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/main/cli/cli'
import { userCompileCacheFolder } from '../../electron/main/app/compile-cache'
import { DataFile } from '../../electron/main/db/data-file'
import { sha256 } from '../support/files'
import { tempFolder } from '../support/temp'

async function run(...args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('aimf', () => {
  it('creates a demo file that passes the check', async () => {
    const path = join(await tempFolder(), 'demo.sqlite')
    expect(await run('new', path, '--demo')).toMatchObject({
      code: 0,
      out: `Fichier de démonstration créé : ${path}`,
    })
    expect(await run('check', path)).toMatchObject({
      code: 0,
      out: `Fichier ${path} : intègre, aucune anomalie.`,
    })
    const file = await DataFile.open(path)
    const funders = await file.db.selectFrom('funders').select('name').execute()
    expect(funders.map((f) => f.name)).toContain('Fondation Bill & Melinda Gates')
    expect(file.info().isDemo).toBe(true)
    await file.close()
  })

  it('lists the projects with the same filters as the window, as text or JSON', async () => {
    const path = join(await tempFolder(), 'demo.sqlite')
    await run('new', path, '--demo')
    const rwanda = await run('projects', path, '--country', 'RW', '--json')
    expect(rwanda.code).toBe(0)
    const projects = JSON.parse(rwanda.out) as { code: string; committedEur: number }[]
    expect(projects.map((p) => p.code)).toEqual(['FC-2019-014', 'FC-2019-015', 'FC-2019-016'])
    const text = await run('projects', path, '--search', 'rusizi')
    expect(text.out).toContain('FC-2019-015\tAchevé\tRW\tDistrict de Rusizi')
    expect(text.out).toMatch(/1 projet\(s\) — engagé/)
    const wrong = await run('projects', path, '--status', 'perdu')
    expect(wrong.code).toBe(2)
    expect(wrong.err).toContain('--status')

    const dues = await run('dues', path, '--year', '2025', '--json')
    expect(dues.code).toBe(0)
    const summary = JSON.parse(dues.out) as {
      unit: string
      calledEur: number
      collectedEur: number
      byYear: { year: number }[]
      arrears: {
        total: number
        current: number
        oneYear: number
        twoYears: number
        threeYearsOrMore: number
      }
    }
    expect(summary.unit).toBe('cents')
    expect(summary.byYear.map((y) => y.year)).toEqual([
      2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ])
    expect(summary.collectedEur).toBeLessThanOrEqual(summary.calledEur)
    const { current, oneYear, twoYears, threeYearsOrMore, total } = summary.arrears
    expect(current + oneYear + twoYears + threeYearsOrMore).toBe(total)
    expect((await run('dues', path, '--year', '2025')).out).toContain('Taux de recouvrement')
  })

  it('check names every anomaly and exits 1, without changing the file', async () => {
    const path = join(await tempFolder(), 'x.sqlite')
    await run('new', path)
    const handle = await open(path, 'r+')
    await handle.write(Buffer.from('not a database header'), 0, 21, 0)
    await handle.close()
    const before = await sha256(path)
    const result = await run('check', path, '--lang', 'en')
    expect(result.code).toBe(1)
    expect(result.err).toContain('is not an AIMF Finances file')
    expect(await sha256(path)).toBe(before)
  })

  it('backs up, lists and restores, keeping the state before the restore', async () => {
    const folder = await tempFolder()
    const path = join(folder, 'b.sqlite')
    await run('new', path, '--demo')
    const made = await run('backup', path, '--to', join(folder, 'usb'))
    expect(made.code).toBe(0)
    expect(made.out).toContain(join(folder, 'usb'))
    const listed = await run('backups', path)
    const name = /\S+\.manual\.[0-9a-f]{16}\.sqlite/.exec(listed.out)?.[0] ?? ''
    expect(name).not.toBe('')
    expect(await run('restore', path, name)).toMatchObject({ code: 0 })
    expect((await run('backups', path)).out).toContain('Avant restauration')
    expect(await run('check', path)).toMatchObject({ code: 0 })
    expect(await run('restore', path, '../b.sqlite')).toMatchObject({ code: 2 })
  })

  it('explains its commands and refuses wrong ones', async () => {
    expect((await run('--help')).out).toContain('check FICHIER')
    expect((await run('--help', '--lang', 'en')).out).toContain('check FILE')
    expect(await run('explode')).toMatchObject({ code: 2 })
    expect(await run('check')).toMatchObject({
      code: 2,
      err: 'Indiquez le fichier : aimf check FICHIER',
    })
    expect(await run('--nope')).toMatchObject({ code: 2 })
  })

  it('the built CLI runs from out/main (npm run build first)', async () => {
    const cli = resolve('out/main/cli.js')
    await access(cli).catch(() => {
      throw new Error(
        'out/main/cli.js is missing: run `npm run build` before the tests (npm test does).',
      )
    })
    const path = join(await tempFolder(), 'built.sqlite')
    const exec = promisify(execFile)
    const created = await exec(process.execPath, [cli, 'new', path, '--demo'])
    expect(created.stdout).toContain('Fichier de démonstration créé')
    const checked = await exec(process.execPath, [cli, 'check', path])
    expect(checked.stdout).toContain('aucune anomalie')
  })

  it('the built CLI keeps V8’s compiled code in the user’s own cache folder where Node can (22.1 and later), and runs where not', async () => {
    const cacheHome = await tempFolder()
    const path = join(await tempFolder(), 'cached.sqlite')
    const exec = promisify(execFile)
    const { NODE_COMPILE_CACHE: _named, ...inherited } = process.env
    const env = { ...inherited, XDG_CACHE_HOME: cacheHome, HOME: cacheHome }
    await exec(process.execPath, [resolve('out/main/cli.js'), 'new', path, '--demo'], { env })
    const summary = await exec(
      process.execPath,
      [resolve('out/main/cli.js'), 'summary', path, '--year', '2025', '--json'],
      { env },
    )
    expect(JSON.parse(summary.stdout)).toMatchObject({ year: 2025, currency: 'EUR' })
    const nodeCanCache =
      typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function' &&
      !process.env.NODE_DISABLE_COMPILE_CACHE
    expect(existsSync(userCompileCacheFolder(env))).toBe(nodeCanCache)
    // Never in a folder other users share.
    expect(userCompileCacheFolder(env).startsWith(cacheHome)).toBe(true)
  })
})
