import { expect, type Page } from '@playwright/test'
import { funderAccount } from '../../electron/main/funders/funder-account'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { test } from './harness/fixtures'

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const

/** The page's full height, as a user scrolls it (the figure issue 24 measured). */
const pageHeight = (page: Page) =>
  page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 0)

/** The tabs of a record page: reached with Tab, moved along with the arrow keys. */
async function switchTabsByKeyboard(page: Page, names: readonly string[]) {
  const first = page.getByRole('tab', { name: names[0], exact: true })
  await first.click()
  await expect(first).toBeFocused()
  for (const name of names.slice(1)) {
    await page.keyboard.press('ArrowRight')
    const next = page.getByRole('tab', { name, exact: true })
    await expect(next).toBeFocused()
    await expect(next).toHaveAttribute('aria-selected', 'true')
    // The record's own panel, named by its tab (Membres has a tab panel of its own around it).
    await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible()
  }
  await page.keyboard.press('ArrowLeft')
  const previous = page.getByRole('tab', { name: names.at(-2), exact: true })
  await expect(previous).toBeFocused()
  await expect(previous).toHaveAttribute('aria-selected', 'true')
}

for (const size of SIZES) {
  test.describe(`record pages at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size })

    test('a project: key figures, tabs by keyboard and in the address, forms on demand, none on a closed project', async ({
      app,
      page,
    }) => {
      await app.core.openDemo()
      await app.open()
      await page.getByRole('button', { name: 'Projets' }).click()
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill('rusizi')
      await page
        .getByRole('button', { name: /^Ouvrir le projet / })
        .first()
        .click()
      await expect(page.getByRole('tablist', { name: 'Parties de la fiche' })).toBeVisible()
      const tabs = [
        'Résumé',
        'Plan de financement',
        'Tranches',
        'Indicateurs',
        'Dépenses',
        'Documents',
        'Grand livre',
        'Historique',
      ]
      await switchTabsByKeyboard(page, tabs)
      // No entry form is open on any tab until its button is pressed.
      for (const name of tabs) {
        await page.getByRole('tab', { name, exact: true }).click()
        await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible()
        await expect(page.getByRole('form')).toHaveCount(0)
        if (name !== 'Historique') await app.expectAccessible()
      }
      // The tab is in the address: Back returns to the previous one.
      await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
      await page.getByRole('tab', { name: 'Dépenses', exact: true }).click()
      expect(new URL(page.url()).searchParams.get('projectTab')).toBe('expenses')
      await page.goBack()
      await expect(page.getByRole('tab', { name: 'Tranches', exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      )
      console.log(`project page at ${size.width}: ${await pageHeight(page)} px (Tranches)`)
      await app.screenshot(`record-project-fr-${size.width}`)

      // A closed project: the entry buttons say why, and no form opens.
      await page.getByRole('button', { name: 'Retour aux projets' }).click()
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill('')
      const closed = page.getByRole('table', { name: 'Projets' }).getByRole('row', {
        name: /Clôturé/,
      })
      await closed
        .first()
        .getByRole('button', { name: /^Ouvrir le projet / })
        .click()
      await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
      const add = page.getByRole('button', { name: 'Ajouter la tranche' })
      await expect(add).toHaveAttribute('aria-disabled', 'true')
      await expect(add).toHaveAccessibleDescription(/ne reçoit plus de saisie/)
      await add.click({ force: true })
      await expect(page.getByRole('dialog')).toHaveCount(0)
      await expect(page.getByRole('form')).toHaveCount(0)
      await page.getByRole('tab', { name: 'Plan de financement', exact: true }).click()
      await expect(page.getByRole('button', { name: 'Ajouter la ligne' })).toHaveAttribute(
        'aria-disabled',
        'true',
      )
    })

    test("an agreement, its funder's page with the core's totals, a member's tabs and « Cotisations »", async ({
      app,
      page,
    }) => {
      // Three record pages, each walked tab by tab and scanned by axe: over a minute on a busy
      // two-core machine (64 s seen, every step answering).
      test.setTimeout(120_000)
      await app.core.openDemo()
      await app.open()
      await page.getByRole('button', { name: 'Conventions' }).click()
      // An agreement's own button (not a date filter's calendar, nor its funder's page).
      await page
        .getByRole('button', { name: /^Ouvrir (?!le calendrier|la fiche)/ })
        .first()
        .click()
      await switchTabsByKeyboard(page, [
        'Résumé',
        'Encaissements',
        'Échéancier et rapports',
        'Budget par rubrique',
        'Avenants',
      ])
      await expect(page.getByRole('form')).toHaveCount(0)
      await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
      await page.getByRole('button', { name: 'Enregistrer un versement' }).click()
      await expect(
        page.getByRole('dialog').getByRole('form', { name: 'Enregistrer un versement' }),
      ).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(page.getByRole('form')).toHaveCount(0)
      // The schedule's and the reports' entry lines too: closed on arrival, each opened by its
      // own button with its first field focused, closed again by Escape.
      await page.getByRole('tab', { name: 'Échéancier et rapports', exact: true }).click()
      await expect(page.getByRole('form')).toHaveCount(0)
      for (const [name, first] of [
        ['Ajouter une échéance', 'Prévue le'],
        ['Prévoir un rapport', 'Rapport'],
      ] as const) {
        await page.getByRole('button', { name, exact: true }).click()
        const entry = page.getByRole('form', { name })
        await expect(entry.getByLabel(first, { exact: true })).toBeFocused()
        await page.keyboard.press('Escape')
        await expect(page.getByRole('form')).toHaveCount(0)
        await expect(page.getByRole('button', { name, exact: true })).toBeFocused()
      }
      await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
      await app.expectAccessible()
      console.log(`agreement page at ${size.width}: ${await pageHeight(page)} px (Encaissements)`)
      await app.screenshot(`record-agreement-fr-${size.width}`)

      // Its funder's page: the totals are the core's, to the cent.
      await page.getByRole('button', { name: /^Ouvrir la fiche de / }).click()
      const back = page.getByRole('button', { name: /Retour aux bailleurs/ })
      await expect(back).toBeVisible()
      const name = (await page.getByRole('heading', { level: 1 }).textContent()) ?? ''
      const session = app.core.requireSession()
      const funder = (await session.funders.list({})).find((f) => f.name === name)
      if (!funder) throw new Error(`no funder named ${name}`)
      const account = await funderAccount(session, funder.id)
      const euros = (minor: number) => formatMoney(money(minor, 'EUR'), 'fr')
      const table = page.getByRole('table', { name: 'Conventions' })
      await expect(table.getByRole('row')).toHaveCount(account.agreements.length + 2)
      for (const key of ['committed', 'received', 'expected'] as const)
        await expect(table.locator(`tfoot [data-total="${key}"]`)).toHaveText(
          euros(account.totalsEur[key]),
        )
      await expect(page.getByText(euros(account.totalsEur.committed)).first()).toBeVisible()
      await app.expectAccessible()
      await app.screenshot(`record-funder-fr-${size.width}`)

      // A member's page, then « Cotisations » leaves it for the dues.
      await page.getByRole('button', { name: 'Membres' }).click()
      await page
        .getByRole('button', { name: /^Ouvrir le membre / })
        .first()
        .click()
      await switchTabsByKeyboard(page, [
        'Compte de cotisations',
        'Projets',
        'Contacts et rôles',
        'Historique',
      ])
      await page.getByRole('tab', { name: 'Compte de cotisations', exact: true }).click()
      await expect(page.getByRole('form')).toHaveCount(0)
      await app.expectAccessible()
      console.log(`member page at ${size.width}: ${await pageHeight(page)} px (Cotisations)`)
      await app.screenshot(`record-member-fr-${size.width}`)
      await page.getByRole('tab', { name: 'Cotisations', exact: true }).click()
      await expect(page.getByRole('tab', { name: 'Cotisations', exact: true })).toHaveAttribute(
        'aria-selected',
        'true',
      )
      await expect(page.getByRole('tablist', { name: 'Parties de la fiche' })).toHaveCount(0)
    })

    test('Paramètres: a side menu, one section at a time, in the address; in English too', async ({
      app,
      page,
    }) => {
      await app.core.openDemo()
      await app.open()
      await page.getByRole('button', { name: 'Paramètres' }).click()
      const menu = page.getByRole('navigation', { name: 'Sections des paramètres' })
      await expect(menu.getByRole('button')).toHaveCount(12)
      await expect(page.getByRole('region', { name: 'Organisation' })).toBeVisible()
      await menu.getByRole('button', { name: 'Taux de change' }).click()
      await expect(page.getByRole('region', { name: 'Taux de change' })).toBeVisible()
      await expect(page.getByRole('region', { name: 'Organisation' })).toHaveCount(0)
      await expect(menu.getByRole('button', { name: 'Taux de change' })).toHaveAttribute(
        'aria-current',
        'page',
      )
      expect(new URL(page.url()).searchParams.get('settings')).toBe('rates')
      await app.expectAccessible()
      console.log(`Paramètres at ${size.width}: ${await pageHeight(page)} px (Taux de change)`)
      await app.screenshot(`settings-fr-${size.width}`)
      await page.goBack()
      await expect(page.getByRole('region', { name: 'Organisation' })).toBeVisible()

      await page.getByText('English', { exact: true }).click()
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
      await page
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('button', { name: 'Backups' })
        .click()
      await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible()
      await app.expectAccessible()
      await app.screenshot(`settings-en-${size.width}`)
      await page.getByRole('button', { name: 'Projects' }).click()
      await page
        .getByRole('button', { name: /^Open project / })
        .first()
        .click()
      await page.getByRole('tab', { name: 'Financing plan', exact: true }).click()
      await app.expectAccessible()
      await app.screenshot(`record-project-en-${size.width}`)
      // The sidebar's switch (the plan tab has a language choice of its own).
      await page
        .getByRole('navigation')
        .filter({ has: page.getByRole('button', { name: 'Projects' }) })
        .getByText('Français', { exact: true })
        .click()
      await expect(
        page.getByRole('tab', { name: 'Plan de financement', exact: true }),
      ).toBeVisible()
    })
  })
}
