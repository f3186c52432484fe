import { join } from 'node:path'
import { channels, euPeaceAgreement } from './harness/channels'
import type { Receipt } from '@shared/funds/schema'
import { test, expect } from './harness/fixtures'

test('a receipt is reversed only with a reason, after the figures it changes are shown', async ({
  app,
  page,
}) => {
  await app.core.createFile(join(app.folder, 'annulations.sqlite'))
  const call = channels(app.core)
  const { agreement } = await euPeaceAgreement(call, 2026)
  await call('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2026-02-16',
    amount: '750000',
  })
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-PAIX' }).click()
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await page.getByRole('button', { name: 'Annuler ce versement' }).click()

  // Before anything is done: the record, and each balance before and after.
  const dialog = page.getByRole('dialog', { name: 'Annuler ce versement' })
  await expect(dialog).toContainText('Encaissement du 16/02/2026 : 750\u202f000,00\u00a0€')
  const changes = dialog.getByRole('table', { name: 'Ce qui change' })
  const received = changes.getByRole('row', { name: /^Reçu \(EUR\)/ })
  await expect(received.getByRole('cell')).toHaveText([
    'Reçu (EUR)',
    '750\u202f000,00\u00a0€',
    '0,00\u00a0€',
    '-750\u202f000,00\u00a0€',
  ])
  await expect(changes.getByRole('row', { name: /^Disponible \(EUR\)/ })).toContainText(
    '750\u202f000,00\u00a0€',
  )
  await app.expectAccessible()

  // No reason: refused on the field, nothing reversed.
  await dialog.getByRole('button', { name: 'Annuler ce versement' }).click()
  const reason = dialog.getByLabel('Raison de l’annulation')
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog).toContainText('Donnez la raison de l’annulation')
  expect((await call('agreements.get', { id: agreement.id })).figures.received).toBe(75_000_000)

  // « Ne pas annuler » leaves it as it was.
  await dialog.getByRole('button', { name: 'Ne pas annuler' }).click()
  await expect(dialog).toBeHidden()
  expect((await call('agreements.get', { id: agreement.id })).receipts).toHaveLength(1)

  await page.getByRole('button', { name: 'Annuler ce versement' }).click()
  await reason.fill('Saisi deux fois')
  await dialog.getByRole('button', { name: 'Annuler ce versement' }).click()
  await expect(page.getByTestId('notice')).toContainText(
    'Encaissement du 16/02/2026 de 750\u202f000,00\u00a0€ annulé. Raison : Saisi deux fois',
  )
  await expect(page.getByRole('button', { name: 'Annuler ce versement' })).toHaveCount(0)
  const after = await call('agreements.get', { id: agreement.id })
  expect(after.figures.received).toBe(0)
  const reversal = await app.core
    .requireSession()
    .file.db.selectFrom('ledger_entries')
    .select(['eur_minor', 'reason'])
    .where('reverses_id', 'is not', null)
    .execute()
  expect(reversal).toEqual([{ eur_minor: -75_000_000, reason: 'Saisi deux fois' }])
})

test('a receipt already spent is reversed only once the negative balance it leaves is accepted', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  const call = channels(app.core)
  // The demo's agreement with a receipt larger than what it has left: that money was spent.
  let found: { reference: string; id: string; receipt: Receipt } | null = null
  for (const listed of await call('agreements.list', {})) {
    const shown = await call('agreements.get', { id: listed.id })
    const receipt = shown.receipts.find((r) => r.amount > shown.figures.available)
    if (receipt) {
      found = { reference: shown.reference, id: shown.id, receipt }
      break
    }
  }
  if (!found) throw new Error('The demo has no receipt already spent')
  const day = found.receipt.receivedOn.split('-').reverse().join('/')
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: `Ouvrir ${found.reference}` }).click()
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await page
    .getByRole('row')
    .filter({ hasText: day })
    .getByRole('button', { name: 'Annuler ce versement' })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Annuler ce versement' })
  await expect(dialog).toContainText('Cette annulation rend un disponible négatif')
  await expect(dialog).toContainText(/Après l’annulation — Disponible \(\w+\) : -/)
  await app.expectAccessible()
  // A reason alone is not enough: the negative balance must be accepted.
  await dialog.getByLabel('Raison de l’annulation').fill('Virement rejeté par la banque')
  await dialog.getByRole('button', { name: 'Annuler ce versement' }).click()
  await expect(dialog).toContainText('Cochez la case pour confirmer l’annulation')
  expect((await call('agreements.get', { id: found.id })).receipts.map((r) => r.id)).toContain(
    found.receipt.id,
  )
  await dialog.getByLabel('J’annule quand même, en connaissance du solde négatif').check()
  await dialog.getByRole('button', { name: 'Annuler ce versement' }).click()
  await expect(dialog).toBeHidden()
  const after = await call('agreements.get', { id: found.id })
  expect(after.receipts.map((r) => r.id)).not.toContain(found.receipt.id)
  expect(after.figures.available).toBeLessThan(0)
})
