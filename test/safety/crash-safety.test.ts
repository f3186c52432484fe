import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { DataFile } from '../../electron/main/db/data-file'
import { bundleForNode } from '../support/bundle'
import { tempFolder } from '../support/temp'

const KILLS = 100
let writer = ''

beforeAll(async () => {
  writer = await bundleForNode('test/safety/crash-writer.ts')
}, 60_000)

/**
 * Runs the writer and kills it with SIGKILL `delayMs` after it is ready to write (however long
 * its start took on a loaded machine); returns the last acknowledged write.
 */
function runAndKill(path: string, delayMs: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [writer, path], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acknowledged = 0
    let errors = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.on('data', (chunk: Buffer) => {
      if (!timer && chunk.toString().includes('READY')) {
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
      const matches = chunk.toString().match(/ACK (\d+)/g)
      const last = matches?.at(-1)
      if (last) acknowledged = Number(last.slice(4))
    })
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${errors}`))
      else resolvePromise(acknowledged)
    })
  })
}

describe('crash safety', () => {
  it(`killing the app at any moment (${KILLS} times) loses no acknowledged write and leaves a sound, balanced file`, async () => {
    const path = join(await tempFolder(), 'crash.sqlite')
    await (await DataFile.create(path)).close()
    let acknowledgedTotal = 0
    for (let round = 0; round < KILLS; round += 1) {
      acknowledgedTotal += await runAndKill(path, 150 + Math.floor(Math.random() * 350))
      expect(await checkFile(path)).toEqual([])
      const file = await DataFile.open(path)
      const rows = await file.db
        .selectFrom('other_income')
        .select(file.db.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
      const ledger = await file.db
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
        .where('kind', '=', 'other_income')
        .executeTakeFirstOrThrow()
      await file.close()
      // Every acknowledged write is there (one more may have committed just before the kill).
      expect(Number(rows.n)).toBeGreaterThanOrEqual(acknowledgedTotal)
      expect(Number(ledger.total ?? 0)).toBe(Number(rows.n) * 125)
      acknowledgedTotal = Number(rows.n)
    }
    expect(acknowledgedTotal).toBeGreaterThan(0)
  }, 300_000)
})
