import { join } from 'node:path'
import type { BudgetView } from '@shared/budget/schema'
import { channels, euFunder } from './harness/channels'
import { test, expect } from './harness/fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

/** An EU action of 2026 with a 40,000 € pre-financing received and 20,000 € spent. */
async function euAction(app: Parameters<Parameters<typeof test>[2]>[0]['app']) {
  await app.core.createFile(join(app.folder, 'regles.sqlite'))
  const call = channels(app.core)
  const funder = await euFunder(call)
  const agreement = await call('agreements.create', {
    funderId: funder.id,
    reference: 'UE-2026-REGLES',
    title: 'Action de gouvernance',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'operating',
  })
  await call('receipts.add', {
    confirmed: true,
    agreementId: agreement.id,
    receivedOn: '2026-02-01',
    amount: '40000',
  })
  const budget = await call('budget.create', { year: 2026 })
  const view = (await call('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: '6.1',
    label: 'Action UE',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
    sources: [{ agreementId: agreement.id, amount: '100000' }],
  } as never)) as BudgetView
  const line = view.items.find((i) => i.code === '6.1')
  await call('budget.addExpense', {
    confirmed: true,
    lineKey: line?.lineKey ?? '',
    spentOn: '2026-06-30',
    agreementId: agreement.id,
    description: 'Atelier',
    amount: '20000',
    currency: 'EUR',
  })
  return { call, agreement }
}

test('an agreement flagged EU / PRAG in its form asks before a further pre-financing under 70 % spent, at 1280×720', async ({
  app,
  page,
}) => {
  const { agreement } = await euAction(app)
  const receipts = async () =>
    (await app.core.requireSession().agreements.get(agreement.id)).receipts.length
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-REGLES' }).click()
  // Not flagged yet: the EU's rules are not asked. Flagged in the agreement's form.
  // The page header's badge (the summary also names the flag, « Non » then « Oui »).
  const badge = page.locator('.mantine-Badge-root', { hasText: 'Règles UE / PRAG' })
  await expect(page.getByRole('heading', { name: 'UE-2026-REGLES' })).toBeVisible()
  await expect(badge).toHaveCount(0)
  // The page read whole (its closing statement comes last) before the form opens over it.
  await expect(page.getByRole('tab', { name: 'Clôture', exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Modifier', exact: true }).click()
  const edit = page.getByRole('form', { name: 'Modifier la convention' })
  const flag = edit.getByRole('checkbox', { name: 'Règles UE / PRAG' })
  await expect(flag).not.toBeChecked()
  await flag.check()
  await expect(flag).toBeChecked()
  await edit.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(edit).toBeHidden()
  await expect(badge).toBeVisible()
  expect((await app.core.requireSession().agreements.get(agreement.id)).euRules).toBe(true)
  // Opened again from the list, as a user comes back to it: the flag is the file's.
  await page.getByRole('button', { name: 'Conventions', exact: true }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-REGLES' }).click()
  await expect(badge).toBeVisible()
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  await page.getByRole('button', { name: 'Enregistrer un versement' }).click()
  const form = page.getByRole('form', { name: 'Enregistrer un versement' })
  await form.getByRole('textbox', { name: 'Reçu le', exact: true }).fill('2026-12-01')
  await form.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('30000')
  await form.getByRole('button', { name: 'Enregistrer un versement' }).click()
  const dialog = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  // 20,000 € spent for 70 % of the 40,000 € paid: 28,000 €, 8,000 € short.
  await expect(dialog).toContainText(
    'Préfinancement suivant reçu avant la règle des 70 % : 20\u202f000,00\u00a0€ dépensés pour un seuil de 28\u202f000,00\u00a0€',
  )
  await expect(dialog).toContainText('il manque 8\u202f000,00\u00a0€')
  await expect(dialog.getByRole('button', { name: 'Confirmer' })).toBeInViewport()
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await expect(dialog).toBeHidden()
  await expect(form.getByRole('alert')).toHaveText('Rien n’a été enregistré.')
  expect(await receipts()).toBe(1)
  await form.getByRole('button', { name: 'Enregistrer un versement' }).click()
  await dialog.getByRole('button', { name: 'Confirmer' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(receipts).toBe(2)
})

test('a closed agreement shows every entry disabled with the reason; co-financing is declared and withdrawn before', async ({
  app,
  page,
}) => {
  const { call, agreement } = await euAction(app)
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-REGLES' }).click()
  await page.getByRole('tab', { name: 'Clôture', exact: true }).click()
  // Co-financing declared in the form: an empty contributor is refused on its field.
  await page.getByRole('button', { name: 'Déclarer un cofinancement' }).click()
  const form = page.getByRole('form', { name: 'Déclarer un cofinancement' })
  await form.getByText('En nature', { exact: true }).click()
  await form.getByLabel('Montant (EUR)').fill('2500')
  await form.getByLabel('Objet').fill('Salle de réunion')
  await form.getByRole('button', { name: 'Déclarer un cofinancement' }).click()
  await expect(form.getByLabel('Apporté par')).toHaveAttribute('aria-invalid', 'true')
  await form.getByLabel('Apporté par').fill('Ville de Dakar')
  await form.getByRole('button', { name: 'Déclarer un cofinancement' }).click()
  const statement = page.getByRole('table', { name: 'Décompte de clôture' })
  await expect(statement.getByRole('row', { name: /^Contributions en nature/ })).toContainText(
    '2\u202f500,00\u00a0€',
  )
  // Withdrawn with a reason, after confirmation.
  await page.getByRole('button', { name: 'Retirer — Ville de Dakar' }).click()
  const withdraw = page.getByRole('dialog', { name: 'Retirer' })
  await withdraw.getByLabel('Raison de l’annulation').fill('Doublon')
  await withdraw.getByRole('button', { name: 'Retirer' }).click()
  await expect(page.getByText('Aucun cofinancement déclaré.')).toBeVisible()

  await call('closing.close', {
    agreementId: agreement.id,
    closedOn: '2026-12-31',
    confirmed: true,
  })
  await page.reload()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-REGLES' }).click()
  const reason = 'Convention clôturée le 31/12/2026 : rouvrez-la (onglet « Clôture ») pour saisir.'
  const disabled = async (tab: string, buttons: string[]) => {
    await page.getByRole('tab', { name: tab, exact: true }).click()
    for (const name of buttons) {
      const button = page.getByRole('button', { name, exact: true })
      await expect(button).toHaveAttribute('aria-disabled', 'true')
      await expect(button).toHaveAccessibleDescription(reason)
    }
  }
  await disabled('Clôture', ['Déclarer un cofinancement'])
  // The tab says which rule the closing was counted by.
  await expect(page.getByText('Décompte établi selon : Taux de la banque du jour.')).toBeVisible()
  await disabled('Avenants', ['Ajouter un avenant'])
  await disabled('Budget par rubrique', ['Structure UE « Budget de l’action »'])
  await disabled('Encaissements', ['Enregistrer un versement'])
  // Pressing one opens nothing.
  await page.getByRole('tab', { name: 'Avenants', exact: true }).click()
  await page.getByRole('button', { name: 'Ajouter un avenant', exact: true }).click({ force: true })
  await expect(page.getByRole('form', { name: 'Ajouter un avenant' })).toHaveCount(0)

  // The contract's rule set after the closing: the closing keeps the bank's, and says both.
  await call('agreements.setConversionRule', {
    agreementId: agreement.id,
    rule: 'inforeuro_month',
  })
  await page.reload()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-REGLES' }).click()
  await page.getByRole('tab', { name: 'Clôture', exact: true }).click()
  await expect(
    page.getByText(
      'Décompte établi selon : Taux de la banque du jour. La convention suit depuis la règle « Taux InforEuro du mois de la dépense » : le décompte gelé garde la sienne ; rouvrir la clôture l’établirait selon la nouvelle.',
    ),
  ).toBeVisible()
})

test("a closed agreement's budget line and expense keep their buttons, disabled with the reason; the forms list it disabled", async ({
  app,
  page,
}) => {
  const { call, agreement } = await euAction(app)
  await call('closing.close', {
    agreementId: agreement.id,
    closedOn: '2026-12-31',
    confirmed: true,
  })
  await app.open()
  await page.getByRole('navigation').getByRole('button', { name: 'Budget' }).click()
  const reason =
    'Convention UE-2026-REGLES clôturée le 31/12/2026 : rouvrez-la (onglet « Clôture ») pour saisir.'
  // The line funded by the agreement: neither changed nor removed.
  for (const name of ['Modifier 6.1', 'Retirer 6.1']) {
    const button = page.getByRole('button', { name, exact: true })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(button).toHaveAccessibleDescription(reason)
  }
  await page.getByRole('button', { name: 'Retirer 6.1', exact: true }).click({ force: true })
  await expect(page.getByRole('table', { name: 'Budget' })).toContainText('Action UE')
  // Its expense: not cancelled (the closing statement was drawn on it).
  await page.getByRole('tab', { name: 'Dépenses' }).click()
  const cancel = page.getByRole('button', { name: 'Annuler la dépense', exact: true })
  await expect(cancel).toHaveAttribute('aria-disabled', 'true')
  await expect(cancel).toHaveAccessibleDescription(reason)
  await cancel.click({ force: true })
  await expect(page.getByRole('dialog', { name: 'Annuler la dépense' })).toHaveCount(0)
  // A new expense: the agreement is listed, disabled, as closed.
  await page.getByRole('button', { name: 'Saisir une dépense' }).click()
  const form = page.getByRole('form', { name: 'Dépense' })
  await form.getByRole('textbox', { name: 'Payé par', exact: true }).click()
  const closed = page.getByRole('option', {
    name: 'UE-2026-REGLES — Union européenne — Convention clôturée',
  })
  await expect(closed).toHaveAttribute('data-combobox-disabled', 'true')
  await closed.click({ force: true })
  await expect(form.getByRole('textbox', { name: 'Payé par', exact: true })).toHaveValue(
    'Fonds délié',
  )
})
