import { join } from 'node:path'
import { channels, euFunder } from './harness/channels'
import { test, expect } from './harness/fixtures'

test('an agreement is closed with its refund, shown closed, and reopened with a reason', async ({
  app,
  page,
}) => {
  await app.core.createFile(join(app.folder, 'cloture.sqlite'))
  const call = channels(app.core)
  const funder = await euFunder(call)
  const agreement = await call('agreements.create', {
    funderId: funder.id,
    reference: 'UE-2026-CLOS',
    title: 'Action close',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    currency: 'EUR',
    amount: '10000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'operating',
  })
  await call('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2026-02-16',
    amount: '8000',
  })
  await call('closing.addContribution', {
    agreementId: agreement.id,
    kind: 'in_kind',
    contributedOn: '2026-03-01',
    contributor: 'Ville de Dakar',
    description: 'Salle',
    amount: '500',
  })
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-CLOS' }).click()
  await page.getByRole('tab', { name: 'Clôture', exact: true }).click()
  const statement = page.getByRole('table', { name: 'Décompte de clôture' })
  // Nothing spent: nothing due, all 8,000 € refunded; the in-kind 500 € apart.
  await expect(statement.getByRole('row', { name: /^Solde à rembourser/ })).toContainText(
    '8\u202f000,00\u00a0€',
  )
  await expect(statement.getByRole('row', { name: /^Contributions en nature/ })).toContainText(
    '500,00\u00a0€',
  )
  await page.getByRole('button', { name: 'Clôturer la convention' }).click()
  const form = page.getByRole('form', { name: 'Clôturer la convention' })
  await form.getByRole('textbox', { name: 'Date de clôture', exact: true }).fill('2026-07-15')
  await form.getByRole('button', { name: 'Clôturer la convention' }).click()
  await expect(page.getByText('Convention clôturée le 15/07/2026.')).toBeVisible()
  await expect(page.getByText('Clôturée', { exact: true })).toBeVisible()
  // Receipts: the entry button stays, disabled, and says why.
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Enregistrer un versement' })).toBeDisabled()

  await page.getByRole('tab', { name: 'Clôture', exact: true }).click()
  await page.getByRole('button', { name: 'Rouvrir la convention' }).click()
  const dialog = page.getByRole('dialog', { name: 'Rouvrir la convention' })
  await dialog.getByLabel('Raison de l’annulation').fill('Dépense oubliée')
  await dialog.getByRole('button', { name: 'Rouvrir la convention' }).click()
  await expect(
    page.getByText('Décompte provisoire : la convention n’est pas clôturée.'),
  ).toBeVisible()
})
