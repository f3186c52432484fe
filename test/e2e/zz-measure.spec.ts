import { test } from './harness/fixtures'

const height = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const all = [document.documentElement, ...document.querySelectorAll('main, .mantine-AppShell-main')]
    return Math.max(...all.map((e) => (e as HTMLElement).scrollHeight))
  })

test.use({ viewport: { width: 1280, height: 720 } })
test('measure', async ({ app, page }) => {
  test.setTimeout(240_000)
  await app.core.openDemo()
  await app.open()
  const shot = async (name: string) =>
    page.screenshot({ path: `/tmp/zz-shots/${process.env.TAG ?? 'x'}-${name}.png`, fullPage: true })
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page.getByRole('navigation', { name: 'Sections des paramètres' }).getByRole('button', { name: 'Taux de change' }).click()
  await page.getByRole('region', { name: 'Taux de change' }).waitFor({ timeout: 30_000 })
  await page.waitForTimeout(1500)
  console.log('rates', await height(page)); await shot('rates')
  await page.getByRole('button', { name: 'Comptabilité' }).click()
  await page.waitForTimeout(2500)
  console.log('accounting', await height(page)); await shot('accounting')
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  const members = page.getByRole('table', { name: 'Membres' })
  await members.locator('tbody tr').first().dblclick()
  await page.waitForTimeout(2500)
  console.log('member', await height(page)); await shot('member')
})
