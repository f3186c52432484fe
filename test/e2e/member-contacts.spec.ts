import { join } from 'node:path'
import { channels } from './harness/channels'
import { test, expect } from './harness/fixtures'

test('a member’s contacts and seats: added through their forms, refused on the field at fault, removed', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'contacts.sqlite'))
  const call = channels(app.core)
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  await app.open()
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: 'Ouvrir le membre Commune de Lomé' }).click()
  await page.getByRole('tab', { name: 'Contacts et rôles', exact: true }).click()

  // A contact: the name is required, the e-mail checked; a refused form keeps what was typed.
  const contacts = page.getByRole('form', { name: 'Ajouter le contact' })
  await expect(page.getByText('Aucun contact.')).toBeVisible()
  await contacts.getByRole('textbox', { name: 'Courriel', exact: true }).fill('maire@lome')
  await contacts.getByRole('button', { name: 'Ajouter le contact' }).click()
  await expect(contacts).toContainText('Renseignez « Nom » : ce champ est obligatoire.')
  await expect(contacts).toContainText('Adresse de courriel invalide.')
  await contacts.getByRole('textbox', { name: 'Nom', exact: true }).fill('Awa Mensah')
  await contacts.getByRole('textbox', { name: 'Fonction', exact: true }).fill('Cheffe de cabinet')
  await contacts.getByRole('textbox', { name: 'Courriel', exact: true }).fill('awa@lome.tg')
  await contacts.getByRole('button', { name: 'Ajouter le contact' }).click()
  const table = page.getByRole('table', { name: 'Contacts' })
  await expect(table).toContainText('Awa Mensah')
  await expect(table).toContainText('awa@lome.tg')
  // Saved, the form is empty again for the next one.
  await expect(contacts.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('')
  await app.expectAccessible()

  // A seat in the bureau: its start date is required (an empty date is no date).
  const seats = page.getByRole('form', { name: 'Ajouter la fonction' })
  await expect(page.getByText('Aucune fonction.')).toBeVisible()
  await seats.getByRole('textbox', { name: 'Fonction', exact: true }).fill('Vice-président')
  await seats.getByRole('button', { name: 'Ajouter la fonction' }).click()
  await expect(seats).toContainText('Renseignez « Depuis le » : ce champ est obligatoire.')
  await seats.getByRole('textbox', { name: 'Depuis le', exact: true }).fill('2025-06-01')
  await seats.getByRole('button', { name: 'Ajouter la fonction' }).click()
  const bodies = page.getByRole('table', { name: 'Bureau et commissions permanentes' })
  await expect(bodies).toContainText('Vice-président')
  await expect(bodies).toContainText('Bureau')

  // Each removed from its own table, the other left as it was.
  await table.getByRole('button', { name: 'Retirer' }).click()
  await expect(page.getByText('Aucun contact.')).toBeVisible()
  await expect(bodies).toContainText('Vice-président')
  await bodies.getByRole('button', { name: 'Retirer' }).click()
  await expect(page.getByText('Aucune fonction.')).toBeVisible()
  const account = await call('members.account', { id: lome.id })
  expect([account.contacts, account.roles]).toEqual([[], []])
})
