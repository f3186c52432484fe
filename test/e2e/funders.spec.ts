import type { Locator, Page } from '@playwright/test'
import { join } from 'node:path'
import { test, expect } from './harness/fixtures'
import type { DesktopApp } from './harness/fixtures'

async function openEmptyFile(app: DesktopApp, page: Page) {
  await app.core.createFile(join(app.folder, 'bailleurs.sqlite'))
  await app.open()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
}

/** Picks an option of a select list, found by its label within `scope` (a form, the filters). */
async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

async function countRows(app: DesktopApp, table: 'funders' | 'change_log') {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom(table)
    .select(db.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

test('create, edit, filter and archive a funder', async ({ app, page }) => {
  await openEmptyFile(app, page)

  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  const form = page.getByRole('form', { name: 'Nouveau bailleur' })
  await form.getByLabel('Nom').fill('Agence française de développement')
  await form.getByLabel('Sigle').fill('AFD')
  await chooseOption(page, form, 'Type', 'Agence')
  await chooseOption(page, form, 'Pays', 'France')
  await app.expectAccessible()
  await app.screenshot('03-bailleur-formulaire')
  await form.getByRole('button', { name: 'Créer' }).click()

  await expect(page.getByText('Bailleur « Agence française de développement » créé.')).toBeVisible()
  const table = page.getByRole('table', { name: 'Bailleurs' })
  await expect(table.getByRole('row', { name: /Agence française de développement/ })).toContainText(
    'France',
  )
  const stored = await app.core.requireSession().funders.list()
  expect(stored).toMatchObject([
    {
      name: 'Agence française de développement',
      acronym: 'AFD',
      kind: 'agency',
      country: 'FR',
      defaultCurrency: 'EUR',
    },
  ])

  // Edit: the history shows who changed what.
  await table.getByRole('button', { name: 'Modifier Agence française de développement' }).click()
  const edit = page.getByRole('form', { name: 'Modifier le bailleur' })
  await edit.getByLabel('Courriel du contact').fill('partenariats@example.org')
  await edit.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(
    page.getByText('Bailleur « Agence française de développement » enregistré.'),
  ).toBeVisible()
  await table.getByRole('button', { name: 'Modifier Agence française de développement' }).click()
  await expect(page.getByText('Courriel du contact : — → partenariats@example.org')).toBeVisible()
  await expect(page.getByText(/— Agent de test/).first()).toBeVisible()
  await page
    .getByRole('dialog', { name: 'Modifier le bailleur' })
    .getByRole('button', { name: 'Fermer' })
    .click()

  // A second funder, then filter by search and by kind.
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  const second = page.getByRole('form', { name: 'Nouveau bailleur' })
  await second.getByLabel('Nom').fill('Ville de Genève')
  await chooseOption(page, second, 'Type', 'Ville')
  await second.getByRole('button', { name: 'Créer' }).click()
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(2)
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('geneve')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(1)
  await expect(table).toContainText('Ville de Genève')
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('')
  const filters = page.getByRole('main')
  await chooseOption(page, filters, 'Type', 'Agence')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(1)
  await expect(table).toContainText('Agence française de développement')
  await chooseOption(page, filters, 'Type', 'Agence')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(2)

  // Archive: gone from the list, kept in the file with its history; restore brings it back.
  await page.getByRole('button', { name: 'Archiver Agence française de développement' }).click()
  await page
    .getByRole('dialog', { name: 'Archiver' })
    .getByRole('button', { name: 'Archiver' })
    .click()
  await expect(
    page.getByText('Bailleur « Agence française de développement » archivé.'),
  ).toBeVisible()
  await expect(table).not.toContainText('Agence française de développement')
  expect(await countRows(app, 'funders')).toBe(2)
  await page.getByRole('switch', { name: 'Afficher les archives' }).check()
  await expect(table.getByRole('row', { name: /Agence française de développement/ })).toContainText(
    'Archivé',
  )
  await page.getByRole('button', { name: 'Désarchiver Agence française de développement' }).click()
  await expect(
    page.getByText('Bailleur « Agence française de développement » désarchivé.'),
  ).toBeVisible()

  const ops = await app.core
    .requireSession()
    .history.forRecord('funders', stored[0]?.id ?? '', 'fr')
  expect(ops.map((entry) => entry.op)).toEqual(['restore', 'delete', 'update', 'insert'])
})

test('the list is sortable by clicking a column header', async ({ app, page }) => {
  await app.core.openDemo()
  await app.open()
  const table = page.getByRole('table', { name: 'Bailleurs' })
  const firstName = () => table.getByRole('row').nth(1).getByRole('cell').first()
  // French collation: the apostrophe sorts before letters, so « l’eau » comes before « la ».
  await expect(firstName()).toContainText('Agence de l’eau Seine-Normandie')
  await table.getByRole('button', { name: 'Nom' }).click()
  await expect(table.getByRole('columnheader', { name: /Nom/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  )
  await expect(firstName()).toContainText('Ville de Paris')
  await app.expectAccessible()
  await app.screenshot('02-bailleurs-demo')
})

test('a field error shows next to its field and nothing is written', async ({ app, page }) => {
  await openEmptyFile(app, page)
  const changesBefore = await countRows(app, 'change_log')
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  const form = page.getByRole('form', { name: 'Nouveau bailleur' })
  await form.getByLabel('Courriel du contact').fill('pas-un-courriel')
  await form.getByRole('button', { name: 'Créer' }).click()

  const name = form.getByLabel('Nom')
  await expect(name).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Renseignez « Nom » : ce champ est obligatoire.')).toBeVisible()
  await expect(form.getByText('Adresse de courriel invalide.')).toBeVisible()
  // A list left empty is a field to fill in, named as any other.
  await expect(form.getByText('Renseignez « Type » : ce champ est obligatoire.')).toBeVisible()
  await expect(form).not.toContainText('Choisissez une valeur de la liste.')
  expect(await countRows(app, 'funders')).toBe(0)
  expect(await countRows(app, 'change_log')).toBe(changesBefore)

  // The core's own refusal (a duplicate name) lands on the field too.
  await app.core.requireSession().funders.create(
    {
      name: 'Ville de Paris',
      acronym: null,
      kind: 'city',
      country: 'FR',
      defaultCurrency: 'EUR',
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      notes: null,
    },
    'Agent de test',
  )
  await name.fill('ville de paris')
  await form.getByLabel('Courriel du contact').fill('')
  await chooseOption(page, form, 'Type', 'Ville')
  await form.getByRole('button', { name: 'Créer' }).click()
  await expect(form.getByText('Un bailleur porte déjà ce nom.')).toBeVisible()
  expect(await countRows(app, 'funders')).toBe(1)
})

test('the demo file shows the AIMF funders, clearly marked as demo data', async ({ app, page }) => {
  await app.open()
  await page.getByRole('button', { name: 'Ouvrir le fichier de démonstration' }).click()
  // The demo is built on first use (ten years of dues for ~280 members): about 10 s here, more
  // on a loaded CI machine. Its speed is measured by `npm run bench`, not by this test.
  await expect(page.getByText('Données de démonstration').first()).toBeVisible({
    timeout: 60_000,
  })
  const table = page.getByRole('table', { name: 'Bailleurs' })
  for (const name of [
    'Fondation Bill & Melinda Gates',
    'Union européenne — Commission européenne',
    'Ville de Lausanne',
  ]) {
    await expect(table).toContainText(name)
  }
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('cameroun')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(1)
})
