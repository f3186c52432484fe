import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { sql } from 'kysely'
import type { BudgetView } from '@shared/budget/schema'
import { channels } from './harness/channels'
import { test, expect } from './harness/fixtures'

test.use({ viewport: { width: 1280, height: 720 } })

const euro = (text: string) => text.replace(/ /g, '\u202f') + '\u00a0€'

/**
 * A 2026 file: France's untied grant (50,000 €, received), the EU action UE-2026-PARTS (its
 * headings 1 « Ressources humaines », 2, 8; 40,000 € received; ending 30 June) and the budget
 * line 1.1 « Salaires » funded by it.
 */
async function sharingScene(
  app: Parameters<Parameters<typeof test>[2]>[0]['app'],
  /**
   * Flagged EU / PRAG, its heading 1 of `humanResources` euros (60,000 by default) and its
   * indirect costs of `indirect` (6,510: 7 % of the direct costs at most).
   */
  terms: { euRules?: boolean; humanResources?: string; indirect?: string } = {},
) {
  await app.core.createFile(join(app.folder, 'parts.sqlite'))
  const call = channels(app.core)
  const france = await call('funders.create', {
    name: 'France',
    kind: 'state',
    defaultCurrency: 'EUR',
  })
  const eu = await call('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const untied = await call('agreements.create', {
    funderId: france.id,
    reference: 'SUBV-FR-2026',
    title: 'Subvention de fonctionnement',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    currency: 'EUR',
    amount: '50000',
    earmarking: 'untied',
    nature: 'operating',
  })
  const agreement = await call('agreements.create', {
    funderId: eu.id,
    reference: 'UE-2026-PARTS',
    title: 'Action de gouvernance',
    startsOn: '2026-01-01',
    endsOn: '2026-06-30',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    euRules: terms.euRules ?? false,
  })
  await call('agreements.saveHeadings', {
    agreementId: agreement.id,
    headings: [
      {
        code: '1',
        label: 'Ressources humaines',
        role: 'direct',
        amount: terms.humanResources ?? '60000',
      },
      { code: '2', label: 'Voyages', role: 'direct', amount: '33000' },
      { code: '8', label: 'Coûts indirects', role: 'indirect', amount: terms.indirect ?? '6510' },
    ],
  } as never)
  for (const [agreementId, amount] of [
    [untied.id, '50000'],
    [agreement.id, '40000'],
  ] as const)
    await call('receipts.add', { confirmed: true, agreementId, receivedOn: '2026-01-15', amount })
  const budget = await call('budget.create', { year: 2026 })
  const view = (await call('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: '1.1',
    label: 'Salaires',
    direction: 'expense',
    nature: 'operating',
    planned: '60000',
    sources: [{ agreementId: agreement.id, amount: '30000' }],
  } as never)) as BudgetView
  const lineKey = view.items.find((item) => item.code === '1.1')?.lineKey ?? ''
  return { call, agreement, lineKey }
}

/** Picks an option of a Mantine select named `name` inside `scope`. */
async function pick(page: Page, scope: ReturnType<Page['locator']>, name: string, option: string) {
  await scope.getByRole('textbox', { name, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('a salary shared 60/40 by a saved key, refused shares on their row, cancelled whole, at 1280×720', async ({
  app,
  page,
}) => {
  // A long walk on a loaded machine (axe included).
  test.setTimeout(180_000)
  const { agreement } = await sharingScene(app)
  await app.open()
  await page.getByRole('navigation').getByRole('button', { name: 'Budget' }).click()

  // The key, saved in its tab.
  await page.getByRole('tab', { name: 'Clés de répartition' }).click()
  await page.getByRole('textbox', { name: 'Nom de la clé' }).fill('Salaire coordinatrice 60/40')
  const keyEditor = page.getByRole('group', { name: 'Répartir entre plusieurs fonds' })
  await pick(page, keyEditor, 'Fonds 1', 'UE-2026-PARTS — Union européenne')
  await pick(page, keyEditor, 'Rubrique 1', '1 — Ressources humaines')
  await keyEditor.getByRole('textbox', { name: '% 1' }).fill('60')
  await expect(keyEditor.getByRole('status')).toHaveText('Reste à répartir : 40 %')
  await keyEditor.getByRole('textbox', { name: '% 2' }).fill('40')
  await expect(keyEditor.getByRole('status')).toHaveText('Répartition complète.')
  await page.getByRole('button', { name: 'Nouvelle clé' }).click()
  await expect(page.getByText('Salaire coordinatrice 60/40', { exact: true })).toBeVisible()
  await expect(page.getByText(/^UE-2026-PARTS · 1 60\s%\s\/ Fonds délié 40\s%$/)).toBeVisible()

  // The salary, shared by the key.
  await page.getByRole('tab', { name: 'Dépenses' }).click()
  await page.getByRole('button', { name: 'Saisir une dépense' }).click()
  const form = page.getByRole('form', { name: 'Dépense' })
  await pick(page, form, 'Ligne du budget', '1.1 — Salaires')
  await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-03-31')
  await form.getByRole('textbox', { name: 'Objet' }).fill('Salaire de mars — coordinatrice')
  await form.getByRole('textbox', { name: 'Montant (EUR)' }).fill('4 321,07')
  await form.getByRole('checkbox', { name: 'Répartir entre plusieurs fonds' }).check()
  const shares = form.getByRole('group', { name: 'Répartir entre plusieurs fonds' })
  await pick(page, shares, 'Appliquer une clé', 'Salaire coordinatrice 60/40')
  await expect(shares.getByRole('textbox', { name: '% 1' })).toHaveValue('60')
  await expect(shares.getByRole('textbox', { name: '% 2' })).toHaveValue('40')
  await expect(shares).toContainText(euro('2 592,64'))
  await expect(shares).toContainText(euro('1 728,43'))
  await expect(shares.getByRole('status')).toHaveText('Répartition complète.')
  // The « Clé enregistrée. » notice still up is checked with the form.
  await app.expectAccessible()

  // Percentages that do not make 100 %: refused on the last row, in view, nothing recorded.
  await shares.getByRole('textbox', { name: '% 2' }).fill('30')
  await expect(shares.getByRole('status')).toHaveText('Reste à répartir : 10 %')
  await form.getByRole('button', { name: 'Créer' }).click()
  const sumError = shares.getByText(/^Les pourcentages font 90\s% : il faut 100 % exactement\.$/)
  await expect(sumError).toBeInViewport()
  await expect(shares.getByRole('textbox', { name: '% 2' })).toHaveAttribute('aria-invalid', 'true')
  await shares.getByRole('textbox', { name: '% 2' }).fill('40')

  // A date after the agreement's end: refused on the agreement's row.
  await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-09-30')
  await form.getByRole('button', { name: 'Créer' }).click()
  const periodError = shares.getByText(/^La convention UE-2026-PARTS ne couvre pas cette date/)
  await expect(periodError).toBeInViewport()
  await expect(shares.getByRole('textbox', { name: 'Fonds 1' })).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  const spent = async () =>
    (await app.core.requireSession().agreements.get(agreement.id, '2026-12-31')).figures.spent
  expect(await spent()).toBe(0)
  // The untied fund's share: its net spending in the ledger.
  const untiedSpent = async () => {
    const { rows } = await sql<{ total: number | null }>`
      SELECT SUM(amount_minor) AS total FROM ledger_entries
      WHERE deleted_at IS NULL AND kind = 'expense' AND agreement_id IS NULL`.execute(
      app.core.requireSession().file.db,
    )
    return Number(rows[0]?.total ?? 0)
  }
  // Neither refusal recorded anything, on either fund.
  expect(await untiedSpent()).toBe(0)

  await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-03-31')
  await form.getByRole('button', { name: 'Créer' }).click()
  const confirm = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Confirmer' }).click()
  await expect(form).toBeHidden()
  await expect.poll(spent).toBe(259_264)

  // The list names both shares. Its « Payé par » column finds no room at 1280 px by default
  // (the register's width rule); asked for, it comes before the others.
  const register = page.getByRole('table', { name: 'Dépenses' })
  await page.getByRole('button', { name: /^Colonnes/ }).click()
  await page.getByRole('checkbox', { name: 'Payé par' }).uncheck()
  await page.getByRole('checkbox', { name: 'Payé par' }).check()
  await page.keyboard.press('Escape')
  const row = register.getByRole('row', { name: /31\/03\/2026/ })
  await expect(row).toContainText(/UE-2026-PARTS · 1 60\s%\s\/ Fonds délié 40\s%/)
  await expect(row).toContainText(euro('4 321,07'))

  // The agreement's page: 2 592,64 € spent.
  await page.getByRole('navigation').getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-PARTS' }).click()
  await expect(page.getByRole('main')).toContainText(euro('2 592,64'))

  // Cancelled with a reason: both shares reversed.
  await page.getByRole('navigation').getByRole('button', { name: 'Budget' }).click()
  await page.getByRole('tab', { name: 'Dépenses' }).click()
  expect(await untiedSpent()).toBe(172_843)
  await row.getByRole('button', { name: 'Annuler la dépense' }).click()
  const dialog = page.getByRole('dialog', { name: 'Annuler la dépense' })
  await dialog.getByLabel('Raison de l’annulation').fill('Saisie en double')
  await dialog.getByRole('button', { name: 'Annuler la dépense' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(spent).toBe(0)
  expect(await untiedSpent()).toBe(0)
})

test('a shared salary’s split changed from 60/40 to 50/50: the split before and after confirmed, the agreement’s figures follow', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  const { call, agreement, lineKey } = await sharingScene(app)
  await call('budget.addExpense', {
    confirmed: true,
    lineKey,
    spentOn: '2026-03-31',
    description: 'Salaire de mars — coordinatrice',
    amount: '4321.07',
    currency: 'EUR',
    agreementId: null,
    headingCode: null,
    supplier: null,
    document: null,
    shares: {
      mode: 'percent',
      rows: [
        { agreementId: agreement.id, headingCode: '1', percent: '60' },
        { agreementId: null, headingCode: null, percent: '40' },
      ],
    },
  } as never)
  const spent = async () =>
    (await app.core.requireSession().agreements.get(agreement.id, '2026-12-31')).figures.spent
  expect(await spent()).toBe(259_264)
  await app.open()
  await page.getByRole('navigation').getByRole('button', { name: 'Budget' }).click()
  await page.getByRole('tab', { name: 'Dépenses' }).click()
  await page
    .getByRole('button', { name: 'Changer la répartition — Salaire de mars — coordinatrice' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Changer qui paie cette dépense' })
  const shares = dialog.getByRole('group', { name: 'Répartir entre plusieurs fonds' })
  // The split as recorded, typed back the user's way.
  await expect(shares.getByRole('textbox', { name: '% 1' })).toHaveValue('60')
  await expect(shares.getByRole('textbox', { name: '% 2' })).toHaveValue('40')
  await shares.getByRole('textbox', { name: '% 1' }).fill('50')
  await shares.getByRole('textbox', { name: '% 2' }).fill('50')
  await expect(shares).toContainText(euro('2 160,54'))
  // No reason: refused on the reason, nothing sent.
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await expect(dialog.getByText('Ce champ est obligatoire.')).toBeVisible()
  expect(await spent()).toBe(259_264)
  await dialog.getByRole('textbox', { name: 'Motif du changement' }).fill('Temps réel de mars')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  // The core shows the split before and after; nothing is written before « Confirmer ».
  const confirm = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(confirm).toContainText(/Avant : UE-2026-PARTS.*2\s?592,64/)
  await expect(confirm).toContainText(/Après : UE-2026-PARTS.*2\s?160,54/)
  expect(await spent()).toBe(259_264)
  await app.expectAccessible()
  await confirm.getByRole('button', { name: 'Confirmer' }).click()
  await expect(dialog).toBeHidden()
  await expect.poll(spent).toBe(216_054)
  await expect(
    page.getByText(/Répartition de la dépense du 31\/03\/2026 .* changée\./),
  ).toBeVisible()

  // The agreement's page follows: 2 160,54 € spent.
  await page.getByRole('navigation').getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-PARTS' }).click()
  await expect(page.getByRole('main')).toContainText(euro('2 160,54'))
})

test('a share taking an EU action’s heading beyond +25 % asks with the figures before it is recorded', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  // Heading 1 of 2,000 €: at most 2,500 € without an amendment (indirect costs: 7 % of 35,000 €).
  const { agreement } = await sharingScene(app, {
    euRules: true,
    humanResources: '2000',
    indirect: '2450',
  })
  const spent = async () =>
    (await app.core.requireSession().agreements.get(agreement.id, '2026-12-31')).figures.spent
  await app.open()
  await page.getByRole('navigation').getByRole('button', { name: 'Budget' }).click()
  await page.getByRole('tab', { name: 'Dépenses' }).click()
  await page.getByRole('button', { name: 'Saisir une dépense' }).click()
  const form = page.getByRole('form', { name: 'Dépense' })
  await pick(page, form, 'Ligne du budget', '1.1 — Salaires')
  await form.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-03-31')
  await form.getByRole('textbox', { name: 'Objet' }).fill('Salaire de mars — coordinatrice')
  await form.getByRole('textbox', { name: 'Montant (EUR)' }).fill('4 321,07')
  await form.getByRole('checkbox', { name: 'Répartir entre plusieurs fonds' }).check()
  const shares = form.getByRole('group', { name: 'Répartir entre plusieurs fonds' })
  await pick(page, shares, 'Fonds 1', 'UE-2026-PARTS — Union européenne')
  await pick(page, shares, 'Rubrique 1', '1 — Ressources humaines')
  await shares.getByRole('textbox', { name: '% 1' }).fill('60')
  await shares.getByRole('textbox', { name: '% 2' }).fill('40')
  await expect(shares.getByRole('status')).toHaveText('Répartition complète.')
  await form.getByRole('button', { name: 'Créer' }).click()
  // 60 % = 2,592.64 € on the 2,000 € heading: 92.64 € beyond the 2,500 € allowed.
  const confirm = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(confirm).toContainText(
    'La rubrique 1 « Ressources humaines » atteindrait ' +
      euro('2 592,64') +
      ' pour un budget de ' +
      euro('2 000,00') +
      ' : plus de 25 % au-delà (au plus ' +
      euro('2 500,00') +
      ' sans avenant), soit ' +
      euro('92,64') +
      ' de trop.',
  )
  expect(await spent()).toBe(0)
  await app.expectAccessible()
  await confirm.getByRole('button', { name: 'Confirmer' }).click()
  await expect(form).toBeHidden()
  await expect.poll(spent).toBe(259_264)
})
