import { test, expect } from './harness/fixtures'

/**
 * A required list refused while empty, then filled with the mouse, is checked on its new value:
 * a list (Mantine's select) fills its field by code, with no `input` event, and the browser's
 * message set on the empty field must not outlive it. Every refusal names its field.
 */
test('a report asked with no agreement, then one picked with the mouse, is previewed', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Rapports' }).click()
  const form = page.getByRole('form', { name: 'Rapports' })
  const agreement = form.getByRole('textbox', { name: 'Convention', exact: true })
  const preview = form.getByRole('button', { name: 'Aperçu' })
  const report = page.getByRole('table', { name: 'Rapport financier' })

  // Empty: refused by the browser, in the app's words, naming the field.
  await preview.click()
  await expect(agreement).toBeFocused()
  expect(await agreement.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(
    'Renseignez « Convention » : ce champ est obligatoire.',
  )
  await expect(report).toHaveCount(0)

  // Picked with the mouse: no more refused, and previewed at the first attempt.
  await agreement.click()
  await page.getByRole('option', { name: /^UE-ANE-2010-CI-BF/ }).click()
  await expect(agreement).toHaveValue(/^UE-ANE-2010-CI-BF/)
  await preview.click()
  await expect(report).toBeVisible()
  expect(await agreement.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('')
  await app.screenshot('required-choices-report')
})

test('an expense saved with no budget line says « Ligne du budget » is to be filled in', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Budget', exact: true }).click()
  await page.getByRole('tab', { name: 'Dépenses de l’exercice' }).click()
  await page.getByRole('button', { name: 'Saisir une dépense' }).click()
  const form = page.getByRole('form', { name: 'Dépense' })
  await form.getByRole('button', { name: 'Créer' }).click()

  // Each field left empty names itself; none says « Valeur invalide. ».
  const line = form.getByRole('textbox', { name: 'Ligne du budget', exact: true })
  await expect(line).toHaveAttribute('aria-invalid', 'true')
  await expect(line).toHaveAccessibleDescription(
    'Renseignez « Ligne du budget » : ce champ est obligatoire.',
  )
  await expect(
    form.getByRole('textbox', { name: 'Objet', exact: true }),
  ).toHaveAccessibleDescription('Renseignez « Objet » : ce champ est obligatoire.')
  await expect(
    form.getByRole('textbox', { name: 'Montant (EUR)', exact: true }),
  ).toHaveAccessibleDescription('Renseignez « Montant (EUR) » : ce champ est obligatoire.')
  await expect(form).not.toContainText('Valeur invalide')
  await expect(form).not.toContainText('Choisissez une valeur de la liste')
  await app.screenshot('required-choices-expense')

  // The line picked: its message goes.
  await line.click()
  await page.getByRole('option').first().click()
  await expect(line).not.toHaveAttribute('aria-invalid', 'true')
  await expect(form).not.toContainText('Renseignez « Ligne du budget »')
})
