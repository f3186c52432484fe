import { join } from 'node:path'
import { channels, euPeaceAgreement } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR

test('a programme being renamed is not discarded unasked (Escape, « Annuler », another area)', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await app.core.createFile(join(app.folder, 'programmes-garde.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Programmes de l’AIMF' })
    .click()
  const table = page.getByRole('table', { name: 'Programmes de l’AIMF' })
  await table
    .getByRole('button', { name: 'Renommer Santé', exact: true })
    .click({ timeout: 30_000 })
  const rename = table.getByRole('form', { name: 'Renommer Santé' })
  const name = rename.getByRole('textbox', { name: 'Nom', exact: true })
  await name.fill('Santé publique')
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  const keep = question.getByRole('button', { name: 'Continuer la saisie' })

  // Escape asks; « Continuer la saisie » keeps the name typed.
  await name.press('Escape')
  await expect(question).toBeVisible()
  await keep.click()
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Santé publique')
  // « Annuler » asks too.
  await rename.getByRole('button', { name: 'Annuler' }).click()
  await expect(question).toBeVisible()
  await keep.click()
  await expect(name).toHaveValue('Santé publique')
  // So does another area; kept, the window stays.
  await page.getByRole('button', { name: 'Conventions' }).click()
  await expect(question).toBeVisible()
  await keep.click()
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Santé publique')
  await app.expectAccessible()

  // Discarded at last: the old name, nothing saved.
  await name.press('Escape')
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(rename).toBeHidden()
  await expect(table.getByRole('row', { name: /^Santé\s/ })).toContainText('health')
  const labels = await app.core
    .requireSession()
    .file.db.selectFrom('programmes')
    .select('label')
    .execute()
  expect(labels.map((p) => p.label)).not.toContain('Santé publique')

  // Enter saves the row (it is one form).
  await table.getByRole('button', { name: 'Renommer Santé', exact: true }).click()
  await name.fill('Santé et hygiène')
  await name.press('Enter')
  await expect(page.getByText('Programme enregistré.')).toBeVisible()
  await expect(table.getByRole('row', { name: /Santé et hygiène/ })).toContainText('health')
})

test('a report or an instalment begun on an agreement is not discarded unasked', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'echeancier-garde.sqlite'))
  const call = channels(app.core)
  const { agreement } = await euPeaceAgreement(call, year)
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: `Ouvrir UE-${year}-PAIX` }).click()
  await page.getByRole('tab', { name: 'Échéancier et rapports', exact: true }).click()
  const reportForm = page.getByRole('form', { name: 'Prévoir un rapport' })
  // Closed on arrival, opened by its own button.
  await expect(reportForm).toHaveCount(0)
  await page.getByRole('button', { name: 'Prévoir un rapport', exact: true }).click()
  const dueOn = reportForm.getByLabel('À remettre le', { exact: true })
  // Typed as ISO, shown back the French way by the one date field.
  await dueOn.fill(`${year + 1}-03-31`)
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  const keep = question.getByRole('button', { name: 'Continuer la saisie' })

  await reportForm.getByRole('button', { name: 'Annuler' }).click()
  await expect(question).toBeVisible()
  await keep.click()
  await expect(dueOn).toHaveValue(`31/03/${year + 1}`)
  await dueOn.press('Escape')
  await expect(question).toBeVisible()
  await keep.click()
  await expect(dueOn).toHaveValue(`31/03/${year + 1}`)
  await page.getByRole('button', { name: 'Projets' }).click()
  await expect(question).toBeVisible()
  await keep.click()
  await expect(dueOn).toHaveValue(`31/03/${year + 1}`)

  // An instalment typed below: the same question; discarded, the form is empty and nothing is added.
  const instalmentForm = page.getByRole('form', { name: 'Ajouter une échéance' })
  const openInstalment = page.getByRole('button', { name: 'Ajouter une échéance', exact: true })
  await openInstalment.click()
  const amount = instalmentForm.getByRole('textbox', { name: /^Montant/ })
  await amount.fill('100 000')
  await instalmentForm.getByRole('button', { name: 'Annuler' }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  // Discarded, the line closes; opened again, it is empty.
  await expect(instalmentForm).toHaveCount(0)
  await openInstalment.click()
  await expect(amount).toHaveValue('')
  // The report still holds its date; sent with Enter, it is added.
  await expect(dueOn).toHaveValue(`31/03/${year + 1}`)
  await dueOn.press('Enter')
  await expect(page.getByRole('table', { name: 'Calendrier des rapports' })).toBeVisible()
  // Saved, the report's line closes, as the other entries' dialogs do.
  await expect(reportForm).toHaveCount(0)
  const stored = await call('agreements.get', { id: agreement.id })
  expect(stored.reports.map((r) => r.dueOn)).toEqual([`${year + 1}-03-31`])
  expect(stored.instalments).toEqual([])
})
