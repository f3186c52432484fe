import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, test } from '../e2e/harness/fixtures'

const LINES = 50_000

/**
 * A year with 50,000 expense lines on the Budget screen: how many rows the page holds, and the
 * longest time from a key typed in the search box to the list showing its result. Written to
 * `RENDERER_RESULTS` for `npm run bench` to report.
 */
test('50,000 expense lines: rows in the page and typing in the search', async ({ app, page }) => {
  const year = new Date().getFullYear()
  await app.core.createFile(join(app.folder, 'expenses.sqlite'))
  const session = app.core.requireSession()
  const version = await session.budget.create(year, 'Banc d’essai')
  await session.budget.saveItem(
    {
      versionId: version,
      id: null,
      parentId: null,
      kind: 'line',
      code: '1.3',
      label: 'Missions et déplacements',
      direction: 'expense',
      nature: 'operating',
      planned: '10000000',
      tracks: 'expenses',
      sources: [],
      note: null,
    },
    'Banc d’essai',
  )
  await session.otherIncome.add(
    { receivedOn: `${year}-01-02`, label: 'Don', currency: 'EUR', amount: '10000000', note: null },
    'Banc d’essai',
  )
  const { items } = await session.budget.view(version, null)
  const lineKey = items[0]?.lineKey ?? ''
  await session.budgetExpenses.addMany(
    Array.from({ length: LINES }, (_, n) => ({
      lineKey,
      spentOn: `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      agreementId: null,
      headingCode: null,
      supplier: `Fournisseur ${n % 500}`,
      description: `Mission n° ${n + 1}`,
      amount: String(10 + (n % 90)),
      currency: 'EUR' as const,
      document: null,
    })),
    'Banc d’essai',
  )

  await app.open()
  await page.getByRole('button', { name: 'Budget' }).click()
  await page.getByRole('tab', { name: 'Dépenses de l’exercice' }).click()
  const table = page.getByRole('table', { name: 'Dépenses de l’exercice' })
  await expect(page.getByText('50000 ligne(s)')).toBeVisible({ timeout: 120_000 })
  const rowsInPage = await table.locator('tbody tr:not([aria-hidden])').count()

  // Times, in the page, from each key down to the count of lines changing.
  const search = page.getByRole('searchbox', { name: 'Rechercher' })
  await search.focus()
  await page.evaluate(() => {
    const probe = { start: 0, times: [] as number[] }
    Object.assign(window, { probe })
    document.addEventListener('keydown', () => (probe.start = performance.now()), true)
    // The list's count of lines, above it (RegisterList).
    const count = [...document.querySelectorAll('.register-count')].find((e) =>
      e.textContent?.includes('ligne(s)'),
    )
    if (!count) throw new Error('No count of lines')
    new MutationObserver(() => {
      if (probe.start) probe.times.push(performance.now() - probe.start)
      probe.start = 0
    }).observe(count, { childList: true, characterData: true, subtree: true })
  })
  for (const [typed, expected] of [
    ['4', /\d+ ligne\(s\)/],
    ['9', /\d+ ligne\(s\)/],
    ['9', /\d+ ligne\(s\)/],
    ['9', /\d+ ligne\(s\)/],
  ] as const) {
    const before = await page.evaluate(
      () => (window as unknown as { probe: { times: number[] } }).probe.times.length,
    )
    await page.keyboard.type(typed)
    await page.waitForFunction(
      (n) => (window as unknown as { probe: { times: number[] } }).probe.times.length > n,
      before,
    )
    await expect(page.getByText(expected).first()).toBeVisible()
  }
  const times = await page.evaluate(
    () => (window as unknown as { probe: { times: number[] } }).probe.times,
  )
  const filtered = await table.locator('tbody tr:not([aria-hidden])').count()
  expect(filtered).toBeGreaterThan(0)
  await writeFile(
    resolve(process.env.RENDERER_RESULTS ?? 'test-results/bench/renderer.json'),
    JSON.stringify({ lines: LINES, rowsInPage, keyTimes: times }),
  )
})
