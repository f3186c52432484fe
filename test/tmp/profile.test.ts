import { join } from 'node:path'
import { stat } from 'node:fs/promises'
import { it } from 'vitest'
import { createSession } from '../../electron/main/app/app-core'
import { DataFile } from '../../electron/main/db/data-file'
import { writeExportFile } from '../../electron/main/reports/export-file'
import { checkWorkbook, importAllOrNothing } from '../../electron/main/workbook/workbook-import'
import { registersWorkbook } from '../../electron/main/workbook/workbook-writer'

it('profiles', async () => {
  const folder = '/tmp/b5'
  const data = await DataFile.open(join(folder, 'five.sqlite'))
  const session = createSession(data)
  let t = performance.now()
  await writeExportFile(join(folder, 'export.xlsx'), await registersWorkbook('fr', session))
  console.log('export', performance.now() - t, (await stat(join(folder, 'export.xlsx'))).size)
  await data.close()
  const target = await DataFile.create(join(folder, `imported-${Date.now()}.sqlite`))
  const s2 = createSession(target)
  t = performance.now()
  const checked = await checkWorkbook(s2, join(folder, 'export.xlsx'), 'fr')
  console.log('check', performance.now() - t, checked.report.sheets.map((s) => `${s.sheet}:${s.rows}`).join(' '), checked.report.problems.filter((p) => p.blocking).slice(0, 3))
  const stats = new Map<string, [number, number]>()
  const native = (target as unknown as { native: { on: (e: string, f: (sql: string, ms: number) => void) => void } }).native
  if (process.env.SQLPROF) native.on('profile', (sql, ms) => {
    const key = sql.replace(/'[^']*'/g, '?').replace(/\b\d+\b/g, 'N').replace(/\s+/g, ' ').slice(0, 160)
    const s = stats.get(key) ?? [0, 0]
    s[0] += 1; s[1] += ms
    stats.set(key, s)
  })
  const b0 = performance.now()
  await s2.backups.create('import')
  console.log('BACKUP', performance.now() - b0)
  const { Session: Inspector } = await import('node:inspector/promises')
  const inspector = new Inspector()
  inspector.connect()
  await inspector.post('Profiler.enable')
  await inspector.post('Profiler.start')
  t = performance.now()
  await importAllOrNothing(s2, checked, 'x')
  const { profile } = await inspector.post('Profiler.stop')
  const { writeFile } = await import('node:fs/promises')
  await writeFile('/tmp/prof/import.cpuprofile', JSON.stringify(profile))
  const all = [...stats].sort((a, b) => b[1][1] - a[1][1])
  console.log('SQL total', all.reduce((n, [, [c]]) => n + c, 0), all.reduce((n, [, [, ms]]) => n + ms, 0))
  for (const [k, [c, ms]] of all.slice(0, 30)) console.log('SQL', String(c).padStart(7), String(Math.round(ms)).padStart(7), k)
  for (const [n, ms] of (globalThis as unknown as { __t: [string, number][] }).__t) console.log('SHEET', n, Math.round(ms))
  console.log('import', performance.now() - t, process.memoryUsage().rss / 1e6)
  await target.close()
}, 600_000)
