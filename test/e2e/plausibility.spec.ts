import { join } from 'node:path'
import { channels, lomeCalledForDues } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR
/** Five years ahead: 2031 when this was written, always in the future. */
const farAhead = `${year + 5}-03-15`

test('a 5 000 000 € dues payment dated years ahead for a call of 1 320 € asks, with the figures, and changes nothing when declined', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'vraisemblance.sqlite'))
  const call = channels(app.core)
  const city = await lomeCalledForDues(call, year)
  const session = app.core.requireSession()
  const ledger = async () =>
    Number(
      (
        await session.file.db
          .selectFrom('ledger_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const before = await ledger()

  await app.open()
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: 'Ouvrir le membre Commune de Lomé' }).click()
  await page.getByRole('button', { name: 'Enregistrer un encaissement', exact: true }).click()
  const form = page.getByRole('dialog').getByRole('form', { name: 'Enregistrer un encaissement' })
  await form.getByRole('textbox', { name: 'Reçu le', exact: true }).fill(farAhead)
  await form.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('5 000 000')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()

  // The question, with the figures: the date, what is owed and by how much it is exceeded.
  const dialog = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(dialog).toContainText(`La date du 15/03/${year + 5} est dans le futur.`)
  await expect(dialog).toContainText(
    'Le versement de 5\u202f000\u202f000,00\u00a0€ dépasse les appels ouverts du membre (1\u202f320,00\u00a0€) de 4\u202f998\u202f680,00\u00a0€',
  )
  await expect(dialog.getByRole('button', { name: 'Confirmer' })).toBeVisible()
  await app.expectAccessible()

  // Declined: nothing written, the form still filled, and it says so.
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(dialog).toBeHidden()
  await expect(form.getByRole('alert')).toHaveText('Rien n’a été enregistré.')
  await expect(form.getByRole('textbox', { name: 'Montant (EUR)', exact: true })).toHaveValue(
    '5 000 000',
  )
  expect(await ledger()).toBe(before)
  expect((await session.dues.account(city.id)).payments).toHaveLength(0)

  // Confirmed, with a plausible amount but the same date: recorded once.
  await form.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('1 320')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  await expect(dialog).toContainText('est dans le futur')
  await expect(dialog).not.toContainText('dépasse')
  await dialog.getByRole('button', { name: 'Confirmer' }).click()
  await expect(page.getByText(/Encaissement enregistré/)).toBeVisible()
  const account = await session.dues.account(city.id)
  expect(account.payments.map((p) => [p.receivedOn, p.amount])).toEqual([[farAhead, 132_000]])
  expect(await ledger()).toBe(before + 1)
})
