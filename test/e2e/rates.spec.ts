import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './harness/fixtures'
import { ECB_CSV, INFOREURO_CSV } from '../funds/rate-samples'

test('Paramètres → Taux de change: the ECB history and an InforEuro table imported side by side, a faulty file refused with its line and column', async ({
  app,
  page,
}) => {
  // Paramètres is the longest page to render and check: as long as the other specs on it.
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'taux.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Taux de change' })
    .click()
  const section = page.getByRole('region', { name: 'Taux de change' })
  // Paramètres reads every section's settings first: on a loaded machine that takes a while.
  await expect(section).toBeVisible({ timeout: 30_000 })

  // The ECB's history as published.
  app.host.nextDocument = join(app.folder, 'eurofxref-hist.csv')
  await writeFile(app.host.nextDocument, ECB_CSV)
  await section.getByRole('button', { name: 'Choisir le fichier et importer…' }).click()
  const status = section.getByRole('status').filter({ hasText: 'eurofxref-hist.csv' })
  await expect(status).toContainText(
    'eurofxref-hist.csv : 24 taux importés dans la série BCE (taux de référence) (04/01/1999 → 05/01/2024), 0 déjà présents, 11 cotations ignorées',
  )
  const table = section.getByRole('table', { name: 'Taux de change' })
  await expect(table.locator('tr[data-series="ecb"]')).toHaveCount(24)

  // InforEuro's table without a month: refused, located; the month chosen, imported.
  app.host.nextDocument = join(app.folder, 'inforeuro.csv')
  await writeFile(app.host.nextDocument, INFOREURO_CSV)
  await section.getByRole('button', { name: 'Choisir le fichier et importer…' }).click()
  await expect(section.getByRole('status').filter({ hasText: 'inforeuro.csv' })).toContainText(
    'inforeuro.csv, ligne 2, colonne 25 : le fichier ne dit pas de quel mois sont ses taux',
  )
  await section.getByLabel('Mois des taux InforEuro (si le fichier ne le dit pas)').fill('2024-01')
  await section.getByRole('button', { name: 'Choisir le fichier et importer…' }).click()
  await expect(section.getByRole('status').filter({ hasText: 'inforeuro.csv' })).toContainText(
    '5 taux importés dans la série InforEuro (mensuel) (01/01/2024 → 01/01/2024)',
  )
  await expect(table.locator('tr[data-series="inforeuro"]')).toHaveCount(5)

  // One series shown at a time.
  await section.getByRole('textbox', { name: 'Série affichée' }).click()
  await page.getByRole('option', { name: 'InforEuro (mensuel)', exact: true }).click()
  await expect(table.locator('tr[data-series="ecb"]')).toHaveCount(0)
  await expect(table.locator('tr[data-series="inforeuro"]')).toHaveCount(5)
  await app.expectAccessible()
  await app.screenshot('27-taux-importes')

  // A rate typed by hand: refused on its own field, then saved; the form opens again where the
  // last rate left it, its value alone to type.
  await section.getByRole('button', { name: 'Ajouter un taux' }).click()
  const form = page.getByRole('form', { name: 'Ajouter un taux' })
  const rate = form.getByLabel('Taux (pour 1 €)')
  await rate.fill('abc')
  await form.getByRole('button', { name: 'Ajouter un taux' }).click()
  await expect(form.getByText('Taux invalide : un nombre positif d’unités pour 1 €')).toBeVisible()
  await expect(rate).toBeFocused()
  await rate.fill('1,0850')
  await form.getByLabel('Source').fill('Banque Atlantique')
  await form.getByRole('button', { name: 'Ajouter un taux' }).click()
  await expect(form).toBeHidden()
  await expect(section.getByRole('status').filter({ hasText: 'Taux enregistré.' })).toBeVisible()
  await section.getByRole('button', { name: 'Ajouter un taux' }).click()
  await expect(form.getByLabel('Source')).toHaveValue('Banque Atlantique')
  await expect(form.getByLabel('Devise')).toHaveValue('USD')
  await expect(rate).toHaveValue('')
})
