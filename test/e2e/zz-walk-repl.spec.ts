import { readFile, writeFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { test, expect } from './harness/fixtures'

const W = Number(process.env.WALK_W ?? 1280)
const H = Number(process.env.WALK_H ?? 720)
const LOCALE = process.env.WALK_LOCALE ?? 'fr-FR'
test.use({ viewport: { width: W, height: H }, locale: LOCALE })

test('walk repl', async ({ app, page }) => {
  test.setTimeout(3_600_000)
  const dir = process.env.WALK_DIR ?? '/tmp/walk-ui/repl'
  if (process.env.WALK_DEMO !== '0') await app.core.openDemo()
  page.setDefaultTimeout(8000)
  await app.open()
  const shot = (name: string, full = false) => page.screenshot({ path: `/tmp/walk-ui/${name}.png`, fullPage: full })
  const ctx = { app, page, expect, shot }
  await writeFile(`${dir}.ready`, 'ready')
  for (;;) {
    if (existsSync(`${dir}.cmd.js`)) {
      const code = await readFile(`${dir}.cmd.js`, 'utf8')
      await rm(`${dir}.cmd.js`)
      let out: string
      try {
        const fn = new Function('ctx', `return (async () => { const {app, page, expect, shot} = ctx; ${code} })()`)
        const r = await fn(ctx)
        out = 'OK ' + (typeof r === 'string' ? r : JSON.stringify(r, null, 1))
      } catch (e) {
        out = 'ERR ' + String((e as Error)?.stack ?? e)
      }
      if (code.includes('__QUIT__')) { await writeFile(`${dir}.out`, out); break }
      await writeFile(`${dir}.out`, out)
    }
    await new Promise((r) => setTimeout(r, 150))
  }
})
