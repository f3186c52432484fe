import type { Locator, Page } from '@playwright/test'
import { expect, test } from './harness/fixtures'

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
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Rechercher ou lancer une commande' })
  await search.fill(words)
  await expect(page.getByRole('option').first()).toBeVisible()
  await search.press('Enter')
  await expect(page.getByRole('tablist', { name: 'Parties de la fiche' })).toBeVisible()
}

test('axe-core finds no serious or critical violation on any screen', async ({ app, page }) => {
  // Some forty screens, each one an axe run: slow on a shared machine, not a hang.
  test.setTimeout(600_000)
  await app.core.openDemo()
  await app.open()
  const checked: string[] = []
  const check = async (where: string) => {
    await page.waitForLoadState('networkidle')
    await test.step(`axe: ${where}`, () => app.expectAccessible())
    checked.push(where)
  }
  const nav = page.getByRole('navigation').first()

  for (const area of AREAS) {
    await nav.getByRole('button', { name: area, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    const inner = page.getByRole('main').getByRole('tablist')
    if ((await inner.count()) > 0)
      await checkEachTab(page, inner.first(), (tab) => check(`${area} › ${tab}`))
    else await check(area)
  }

  await nav.getByRole('button', { name: 'Paramètres', exact: true }).click()
  const menu = page.getByRole('navigation', { name: 'Sections des paramètres' })
  for (const section of await menu.getByRole('button').allInnerTexts()) {
    await menu.getByRole('button', { name: section.trim(), exact: true }).click()
    await expect(menu.getByRole('button', { name: section.trim(), exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await check(`Paramètres › ${section.trim()}`)
  }

  const session = app.core.requireSession()
  const [agreement] = await session.agreements.list({})
  const projects = await session.projects.list({})
  const project = projects.find((p) => p.status === 'in_progress') ?? projects[0]
  const [member] = await session.members.list({})
  const [funder] = await session.funders.list({})
  if (!agreement || !project || !member || !funder) throw new Error('the demo file is empty')
  for (const [kind, words] of [
    ['bailleur', funder.name],
    ['convention', agreement.reference],
    ['projet', project.code],
    ['membre', member.name],
  ] as const) {
    await openByPalette(page, words)
    await checkEachTab(page, page.getByRole('tablist', { name: 'Parties de la fiche' }), (tab) =>
      check(`${kind} ${words} › ${tab}`),
    )
  }
  // Every area, Paramètres' twelve sections and the four record pages' tabs were reached.
  expect(checked.length).toBeGreaterThanOrEqual(AREAS.length + 12 + 4 * 4)
})
