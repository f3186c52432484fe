import { join } from 'node:path'
import { channels } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

test('a dues payment settles the call the user chooses, not the oldest; a refusal of the choice is shown on the call, in view at 1280×720', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.createFile(join(app.folder, 'affectation.sqlite'))
  const call = channels(app.core)
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  for (const year of [E2E_YEAR - 1, E2E_YEAR]) {
    await call('dues.saveScale', {
      year,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '1320', currency: 'EUR', label: 'Ville' },
      ],
    })
    await call('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  }
  const [older, newer] = await call('dues.calls', { memberId: lome.id })
  if (!older || !newer) throw new Error('two calls expected')
  await app.open()

  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: 'Ouvrir le membre Commune de Lomé' }).click()
  await page.getByRole('button', { name: 'Enregistrer un encaissement', exact: true }).click()
  const form = page.getByRole('dialog').getByRole('form', { name: 'Enregistrer un encaissement' })
  await form.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('500')
  await form.getByRole('radio', { name: 'Aux appels choisis' }).check()

  // Nothing ticked: said under the calls, nothing sent.
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  const none = form.getByText('Cochez au moins un appel, ou affectez aux plus anciens d’abord.')
  await expect(none).toBeInViewport()

  // The newest call ticked, with more than it owes: the core's refusal is on its amount, in view.
  const ticked = form.getByRole('checkbox', { name: new RegExp(`Appel ${newer.number}`) })
  await ticked.check()
  const amount = form.getByRole('textbox', { name: `Montant affecté (EUR) — ${newer.number}` })
  await expect(amount).toHaveValue('1\u202f320,00')
  await amount.fill('1 400')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  const refusal = form.getByText('C’est plus que le reste dû sur cet appel (1\u202f320,00\u00a0€).')
  await expect(refusal).toBeVisible()
  await expect(refusal).toBeInViewport()
  const box = await refusal.boundingBox()
  expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true)
  expect((await app.core.requireSession().dues.account(lome.id)).payments).toEqual([])

  // 500 € on the newest call, as chosen.
  await amount.fill('500')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  await expect(
    page.getByText(/Encaissement enregistré : 500,00\s€ affecté aux appels/),
  ).toBeVisible()
  const account = await app.core.requireSession().dues.account(lome.id)
  const owed = Object.fromEntries(account.calls.map((c) => [c.number, c.outstanding]))
  expect(owed).toEqual({ [older.number]: 132_000, [newer.number]: 82_000 })
  // The member's page says where it went.
  await expect(page.getByRole('table', { name: 'Encaissements' })).toContainText(
    `${newer.number} : 500,00\u00a0€`,
  )
  await app.expectAccessible()

  // Its cancellation shows the call it reopens, asks a reason; « Ne pas annuler » keeps it.
  await page.getByRole('button', { name: 'Annuler l’encaissement' }).click()
  const dialog = page.getByRole('dialog', { name: 'Annuler l’encaissement' })
  await expect(dialog).toContainText(`Reste dû sur l’appel ${newer.number}`)
  await dialog.getByRole('button', { name: 'Ne pas annuler' }).click()
  await expect(dialog).toBeHidden()
  expect((await app.core.requireSession().dues.account(lome.id)).payments).toHaveLength(1)
  await page.getByRole('button', { name: 'Annuler l’encaissement' }).click()
  await dialog.getByLabel('Raison de l’annulation').fill('Saisi sur le mauvais appel')
  await dialog.getByRole('button', { name: 'Annuler l’encaissement' }).click()
  await expect(page.getByTestId('notice')).toContainText('Raison : Saisi sur le mauvais appel')
  const reopened = await app.core.requireSession().dues.account(lome.id)
  expect(reopened.payments).toEqual([])
  expect(reopened.calls.map((c) => c.outstanding)).toEqual([132_000, 132_000])
})
