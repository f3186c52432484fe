import type { Locator, Page } from '@playwright/test'
import { join } from 'node:path'
import { test, expect } from './harness/fixtures'

async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('the AIMF programmes edited in Paramètres: one added, a default renamed, the added one given to a project, then archived', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await app.core.createFile(join(app.folder, 'programmes.sqlite'))
  await app.core.requireSession().members.create(
    {
      code: null,
      kind: 'city',
      name: 'Ville de Kigali',
      country: 'RW',
      region: null,
      population: null,
      populationYear: null,
      leaderName: null,
      leaderCivility: null,
      address: null,
      email: null,
      phone: null,
      joinedOn: null,
      status: 'active',
      statusOn: null,
      statusReason: null,
      notes: null,
    },
    'Agent de test',
  )
  await app.open()

  // Paramètres → Programmes: the fourteen, and one the secretariat runs besides.
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Programmes de l’AIMF' })
    .click()
  const section = page.getByRole('region', { name: 'Programmes de l’AIMF' })
  const table = section.getByRole('table', { name: 'Programmes de l’AIMF' })
  // Paramètres is a long page: on a busy machine its last sections take a while to come.
  await expect(table.getByRole('row')).toHaveCount(15, { timeout: 30_000 })
  const add = section.getByRole('form', { name: 'Ajouter le programme' })
  await add.getByRole('textbox', { name: 'Nom', exact: true }).fill('Planification familiale')
  await add.getByRole('textbox', { name: 'Nom en anglais', exact: true }).fill('Family planning')
  await add.getByRole('button', { name: 'Ajouter le programme' }).click()
  await expect(section.getByText('Programme ajouté.')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(16)
  await expect(table).toContainText('planification_familiale')

  // The same name again, in other capitals, is refused next to the field; nothing is added.
  await add.getByRole('textbox', { name: 'Nom', exact: true }).fill('PLANIFICATION familiale')
  await add.getByRole('button', { name: 'Ajouter le programme' }).click()
  await expect(add.getByText('Un programme porte déjà ce nom.')).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(16)

  // A default renamed keeps its code.
  await table.getByRole('button', { name: 'Renommer Santé', exact: true }).click()
  await table.getByRole('textbox', { name: 'Nom', exact: true }).fill('Santé et hygiène')
  await table.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(table.getByRole('row', { name: /Santé et hygiène/ })).toContainText('health')
  await app.expectAccessible()

  // A project takes the new programme and shows its name.
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: 'Nouveau projet' }).click()
  const form = page.getByRole('form', { name: 'Nouveau projet' })
  await form.getByRole('textbox', { name: 'Titre', exact: true }).fill('Santé des mères')
  await chooseOption(page, form, 'Bénéficiaire', 'Ville de Kigali (M-0001)')
  await form.getByRole('textbox', { name: 'Secteur (CAD)', exact: true }).fill('13030')
  await page.getByRole('option', { name: /^13030/ }).click()
  await chooseOption(page, form, 'Programme AIMF', 'Planification familiale')
  await form.getByRole('textbox', { name: 'Coût total (EUR)', exact: true }).fill('80 000')
  await form.getByRole('button', { name: 'Créer' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Santé des mères/ })).toBeVisible()
  await expect(page.getByText('Planification familiale', { exact: true })).toBeVisible()

  // Archived, it is no longer offered to a new project; the project keeps it, by its name.
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Programmes de l’AIMF' })
    .click()
  await table.getByRole('button', { name: 'Archiver Planification familiale' }).click()
  await expect(table.getByRole('row')).toHaveCount(15)
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: 'Nouveau projet' }).click()
  await form.getByRole('textbox', { name: 'Programme AIMF', exact: true }).click()
  await expect(page.getByRole('option', { name: 'Santé et hygiène', exact: true })).toBeVisible()
  await expect(page.getByRole('option', { name: 'Planification familiale' })).toHaveCount(0)
  const projects = await app.core.requireSession().projects.list()
  expect(projects.map((p) => p.programme)).toEqual(['planification_familiale'])
})
