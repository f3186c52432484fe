import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { today } from '@shared/validation/dates'
import { test, expect, E2E_TODAY, E2E_YEAR } from './harness/fixtures'

/**
 * The stories are written with fixed dates; they must read the same whatever the machine's day
 * (run them under `faketime '2028-03-01 10:00:00'` to see it). The harness fixes « today » for the
 * core and for the page; this spec checks both, and that no spec reads the machine's clock.
 */
test('« today » is the harness day in the core and in the page, whatever the machine says', async ({
  app,
  page,
}) => {
  expect(today()).toBe(E2E_TODAY)
  await app.open()
  const pageDay = await page.evaluate(() => {
    const now = new Date()
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()]
  })
  expect(pageDay).toEqual(E2E_TODAY.split('-').map(Number))
  // The page's time still flows (debounces, notices that fade): only its starting point is set.
  const first = await page.evaluate(() => Date.now())
  await page.waitForTimeout(50)
  expect(await page.evaluate(() => Date.now())).toBeGreaterThan(first)
})

test('no story reads the machine clock: each takes the harness day', async () => {
  const folder = 'test/e2e'
  // This spec reads the page's clock on purpose.
  const specs = (await readdir(folder)).filter(
    (name) => name.endsWith('.spec.ts') && name !== 'clock.spec.ts',
  )
  const offenders: string[] = []
  for (const name of specs) {
    const source = await readFile(join(folder, name), 'utf8')
    source.split('\n').forEach((line, index) => {
      if (
        /new Date\(\)|Date\.now\(\)|getFullYear\(\)/.test(line) &&
        !line.includes('page.evaluate')
      )
        offenders.push(`${name}:${index + 1}: ${line.trim()}`)
    })
  }
  expect(offenders).toEqual([])
  expect(E2E_YEAR).toBe(Number(E2E_TODAY.slice(0, 4)))
})
