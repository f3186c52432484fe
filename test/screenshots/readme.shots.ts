import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from '../e2e/harness/fixtures'

/** Where the README finds its screenshots: French at the top, English in en/. */
const FOLDER = join('resources', 'screenshots')

const LANGUAGES = [
  {
    language: 'fr',
    folder: FOLDER,
    english: false,
    nav: {
      dashboard: 'Tableau de bord',
      funders: 'Bailleurs',
      agreements: 'Conventions',
      projects: 'Projets',
      members: 'Membres & cotisations',
      reports: 'Rapports',
      settings: 'Paramètres',
    },
    paletteName: 'Rechercher ou lancer une commande',
    newFunder: 'Nouveau bailleur',
  },
  {
    language: 'en',
    folder: join(FOLDER, 'en'),
    english: true,
    nav: {
      dashboard: 'Dashboard',
      funders: 'Funders',
      agreements: 'Agreements',
      projects: 'Projects',
      members: 'Members & dues',
      reports: 'Reports',
      settings: 'Settings',
    },
    paletteName: 'Search or run a command',
    newFunder: 'New funder',
  },
] as const

/** The window as a user sees it at 1280×720 (not the whole scroll): what the README shows. */
async function shoot(page: Page, folder: string, name: string) {
  await page.waitForLoadState('networkidle')
  // The core answers through a binding, not the network: a register list of the demo is shot
  // once its rows are drawn, not while it still reads « 0 ligne(s) ».
  const list = page.locator('main .register-list').first()
  if ((await list.count()) > 0)
    await expect(list.locator('tbody tr[data-index]').first()).toBeVisible()
  await page.screenshot({ path: join(folder, `${name}.png`) })
}

for (const { language, folder, english, nav, paletteName, newFunder } of LANGUAGES) {
  test(`README screenshots of each main screen (${language})`, async ({ app, page }) => {
    await app.open()
    if (english) {
      await page.getByText('English', { exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Welcome to AIMF Finances' })).toBeVisible()
    }
    await shoot(page, folder, '01-accueil')
    await app.core.openDemo()
    await page.reload()
    const session = app.core.requireSession()
    const go = async (button: string) => {
      await page.getByRole('navigation').getByRole('button', { name: button, exact: true }).click()
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    }
    /** Opens a record by the palette, as a user reaches it (Ctrl+K, its code, Enter). */
    const open = async (code: string) => {
      await page.keyboard.press('Control+k')
      const search = page.getByRole('combobox', { name: paletteName })
      await search.fill(code)
      await expect(page.getByRole('option').filter({ hasText: code }).first()).toBeVisible()
      await search.press('Enter')
      await expect(page.getByRole('heading', { level: 1, name: code })).toBeVisible()
      // Shot once the palette has faded out, not through it.
      await expect(page.getByRole('dialog')).toHaveCount(0)
    }

    await go(nav.funders)
    await shoot(page, folder, '02-bailleurs-demo')
    await page.getByRole('button', { name: newFunder, exact: true }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await shoot(page, folder, '03-bailleur-formulaire')
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await go(nav.dashboard)
    await shoot(page, folder, '04-tableau-de-bord')
    await go(nav.settings)
    await shoot(page, folder, '05-parametres')
    await go(nav.agreements)
    const [agreement] = await session.agreements.list({})
    if (agreement) {
      await open(agreement.reference)
      await shoot(page, folder, '07-convention')
    }
    await go(nav.projects)
    await shoot(page, folder, '08-projets')
    const projects = await session.projects.list({})
    const project = projects.find((p) => p.status === 'in_progress') ?? projects[0]
    if (project) {
      await open(project.code)
      await shoot(page, folder, '09-projet')
    }
    await go(nav.members)
    await shoot(page, folder, '10-membres')
    const member = (await session.members.list({})).find((m) => m.code === 'M-0009')
    if (member) {
      await open(member.name)
      await shoot(page, folder, '12-membre-cotisations')
    }
    await go(nav.reports)
    await shoot(page, folder, '13-rapports')
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: paletteName }).fill('lome')
    await shoot(page, folder, '14-recherche')
  })
}
