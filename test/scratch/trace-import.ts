import { copyFile, rm } from 'node:fs/promises'
import { createSession } from '../../electron/main/app/app-core'
import { DataFile } from '../../electron/main/db/data-file'
import { importWorkbook } from '../../electron/main/workbook/workbook-import'

const target = '/tmp/i25/trace.sqlite'
await rm(target, { force: true })
await rm('/tmp/i25/trace.sqlite-wal', { force: true })
const data = await DataFile.create(target)
const session = createSession(data)
const counts = new Map<string, number>()
const native = data.nativeHandle()
native.on('profile', (s: string, ms: number) => {
  const key = s.replace(/'[^']*'/g, "'?'").replace(/\d+/g, 'N').replace(/\s+/g, ' ').slice(0, 150)
  counts.set(key, (counts.get(key) ?? 0) + ms)
})
const stop = () => native.removeAllListeners('profile')
const t0 = performance.now()
const report = await importWorkbook(session, '/tmp/i25/rows.xlsx', { dryRun: false, author: 'x', language: 'fr' })
console.log('ms', performance.now() - t0, report.imported)
stop()
await data.close()
const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40)
for (const [k, n] of top) console.log(String(n).padStart(7), k)
console.log('total sqlite ms', [...counts.values()].reduce((a, b) => a + b, 0))
