import type { Locator, Page } from '@playwright/test'
import { expect, test, type DesktopApp } from './harness/fixtures'

/**
 * axe-core on every screen of the demo file: each area of the sidebar (and the tabs inside
 * one), each of the Paramètres' sections, and each tab of a funder's, an agreement's, a
 * project's and a member's page. No serious or critical violation (WCAG 2.1 A and AA) anywhere.
 */

const AREAS = [
  'Tableau de bord',
  'Bailleurs',
  'Conventions',
  'Projets',
  'Membres & cotisations',
  'Budget',
  'Rapports',
  'Aide',
] as const

/** The names of the tabs of `tablist`, in their order. */
async function tabNames(tablist: Locator): Promise<string[]> {
  return (await tablist.getByRole('tab').allInnerTexts()).map((name) => name.trim())
}

/** Each tab of the list in turn: shown, then checked. */
async function checkEachTab(page: Page, tablist: Locator, check: (where: string) => Promise<void>) {
  for (const name of await tabNames(tablist)) {
    const tab = tablist.getByRole('tab', { name, exact: true })
    await tab.click()
    await expect(tab).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible()
    await check(name)
  }
}

/** Opens a record by the palette (Ctrl+K, a few words, Enter), as a user reaches it. */
async function openByPalette(page: Page, words: string) {
  await page.getByRole('button', { name: /^Rechercher partout/ }).click()
  const search = page.getByRole('combobox', { name: 'Rechercher ou lancer une commande' })
  await search.fill(words)
  await expect(page.getByRole('option').first()).toBeVisible()
  await search.press('Enter')
  await expect(page.getByRole('tablist', { name: 'Parties de la fiche' })).toBeVisible()
}

/** Opens the demo file and returns a check that runs axe on what is shown. */
async function start(app: DesktopApp, page: Page) {
  // Each screen is an axe run: slow on a 2-core machine shared by seven engineers, not a hang.
  test.setTimeout(300_000)
  await app.core.openDemo()
  await app.open()
  return async (where: string) => {
    await page.waitForLoadState('networkidle')
    await test.step(`axe: ${where}`, () => app.expectAccessible())
  }
}

test('axe-core: every area of the sidebar, and each tab inside one', async ({ app, page }) => {
  const check = await start(app, page)
  const nav = page.getByRole('navigation').first()
  for (const area of AREAS) {
    await nav.getByRole('button', { name: area, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    const inner = page.getByRole('main').getByRole('tablist')
    if ((await inner.count()) > 0)
      await checkEachTab(page, inner.first(), (tab) => check(`${area} › ${tab}`))
    else await check(area)
  }
})

test('axe-core: each of the twelve sections of Paramètres', async ({ app, page }) => {
  const check = await start(app, page)
  await page.getByRole('navigation').first().getByRole('button', { name: 'Paramètres' }).click()
  const menu = page.getByRole('navigation', { name: 'Sections des paramètres' })
  // The section menu is loaded with the area: its twelve entries are waited for, then read.
  await expect(menu.getByRole('button')).toHaveCount(12)
  const sections = (await menu.getByRole('button').allInnerTexts()).map((name) => name.trim())
  for (const section of sections) {
    const item = menu.getByRole('button', { name: section, exact: true })
    await item.click()
    await expect(item).toHaveAttribute('aria-current', 'page')
    await check(`Paramètres › ${section}`)
  }
})

for (const kind of ['funder', 'agreement', 'project', 'member'] as const) {
  test(`axe-core: each tab of a ${kind}'s page`, async ({ app, page }) => {
    const check = await start(app, page)
    const session = app.core.requireSession()
    const words = {
      funder: async () => (await session.funders.list({})).find((f) => f.acronym === 'AFD')?.name,
      agreement: async () => (await session.agreements.list({}))[0]?.reference,
      project: async () =>
        (await session.projects.list({})).find((p) => p.status === 'in_progress')?.code,
      member: async () => (await session.members.list({})).find((m) => m.code === 'M-0009')?.name,
    }[kind]
    const found = await words()
    if (!found) throw new Error(`the demo file has no ${kind}`)
    await openByPalette(page, found)
    const tablist = page.getByRole('tablist', { name: 'Parties de la fiche' })
    // A funder's page has three tabs, the others four to eight.
    expect((await tabNames(tablist)).length).toBeGreaterThanOrEqual(3)
    await checkEachTab(page, tablist, (tab) => check(`${kind} ${found} › ${tab}`))
  })
}
