import { join } from 'node:path'
import { channels, lomeCalledForDues } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR

test('lists found without accents, « Verser » unavailable before signature with its reason, an amount pasted as the app shows it', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'formulaires.sqlite'))
  const call = channels(app.core)
  const lome = await lomeCalledForDues(call, year)
  const project = await call('projects.create', {
    title: 'Adduction d’eau',
    memberId: lome.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '100000',
  })
  await call('projects.addFinancingLine', {
    projectId: project.id,
    source: 'untied_fund',
    amount: '50000',
    currency: 'EUR',
  })
  await call('projects.addTranche', {
    projectId: project.id,
    plannedOn: `${year}-12-31`,
    amount: '40000',
  })
  await app.open()

  // « Lome » finds « Lomé » in the beneficiary's list.
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: 'Nouveau projet' }).click()
  const beneficiary = page.getByRole('textbox', { name: 'Bénéficiaire' })
  await beneficiary.fill('lome')
  await expect(page.getByRole('option', { name: /Commune de Lomé/ })).toBeVisible()
  await beneficiary.press('Escape')
  // The search text taken back: the form is as opened, so Escape closes it without a question.
  await beneficiary.fill('')
  await beneficiary.press('Escape')
  const drawer = page.getByRole('dialog', { name: 'Nouveau projet' })
  await drawer.getByRole('button', { name: 'Fermer', exact: true }).click()
  await expect(drawer).toBeHidden()

  // « Verser » before the city's agreement is signed: shown unavailable, saying why.
  await page.getByRole('button', { name: `Ouvrir le projet ${project.code}` }).click()
  await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
  const pay = page.getByRole('button', { name: 'Verser la tranche n° 1' })
  await expect(pay).toHaveAttribute('aria-disabled', 'true')
  await expect(pay).toHaveAccessibleDescription(/n’est pas signée/)
  await pay.click({ force: true })
  await expect(page.getByRole('dialog', { name: 'Verser la tranche n° 1' })).toBeHidden()

  // « Engager » refused (the untied fund holds nothing yet): the refusal is in view, announced.
  await page.getByRole('tab', { name: 'Plan de financement', exact: true }).click()
  const commit = page.getByRole('button', { name: 'Engager Fonds délié de l’AIMF' })
  await commit.scrollIntoViewIfNeeded()
  await commit.click()
  const refusal = page.getByRole('status').getByRole('alert')
  await expect(refusal).toBeVisible()
  await expect(refusal).toBeInViewport()

  // The dues payment: the currency found by its code, the amount pasted as the app writes it.
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('button', { name: 'Ouvrir le membre Commune de Lomé' }).click()
  await page.getByRole('button', { name: 'Enregistrer un encaissement', exact: true }).click()
  const form = page.getByRole('dialog').getByRole('form', { name: 'Enregistrer un encaissement' })
  const currency = form.getByRole('textbox', { name: 'Devise', exact: true })
  await currency.click()
  await currency.pressSequentially('us')
  // Typed over the current « EUR », not after it: USD is offered.
  await expect(page.getByRole('option', { name: 'USD', exact: true })).toBeVisible()
  await currency.press('Escape')
  await currency.blur()
  await expect(currency).toHaveValue('EUR')
  await form
    .getByRole('textbox', { name: 'Montant (EUR)', exact: true })
    .fill('1\u202f320,00\u00a0€')
  // Enter in a list where nothing matches: the form is not sent.
  await currency.click()
  await currency.pressSequentially('zzz')
  await currency.press('Enter')
  await currency.press('Escape')
  await currency.blur()
  await expect(page.getByText(/Encaissement enregistré/)).toBeHidden()
  expect((await app.core.requireSession().dues.account(lome.id)).payments).toEqual([])
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  await expect(page.getByText(/Encaissement enregistré/)).toBeVisible()
  const account = await app.core.requireSession().dues.account(lome.id)
  expect(account.payments.map((p) => p.amount)).toEqual([132_000])
})

test('a changed form asks before it is discarded — Escape, « Annuler », the close button — and an untouched one closes at once', async ({
  app,
  page,
}) => {
  // Several dialogs and an accessibility scan: as long as the first story of this file.
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'abandon.sqlite'))
  await app.open()
  await page.getByRole('button', { name: 'Bailleurs' }).click()
  const drawer = page.getByRole('dialog', { name: 'Nouveau bailleur' })
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  const name = drawer.getByRole('textbox', { name: 'Nom', exact: true })

  // Untouched, or changed and put back: no question.
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  await name.fill('Agence')
  await name.fill('')
  await drawer.getByRole('button', { name: 'Annuler', exact: true }).click()
  await expect(drawer).toBeHidden()
  await expect(question).toBeHidden()

  // Changed: each way out asks; « Continuer la saisie » keeps what was typed.
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  await name.fill('Agence française de développement')
  await name.press('Escape')
  await expect(question).toBeVisible()
  await expect(question).toContainText('ne sont pas enregistrées')
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Agence française de développement')

  await drawer.getByRole('button', { name: 'Annuler', exact: true }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(drawer).toBeVisible()

  await drawer.getByRole('button', { name: 'Fermer', exact: true }).click()
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(name).toHaveValue('Agence française de développement')

  // A click beside the drawer loses nothing either: it asks too.
  await page.mouse.click(20, 400)
  await expect(question).toBeVisible()
  await question.getByRole('button', { name: 'Continuer la saisie' }).click()
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Agence française de développement')
  await drawer.getByRole('button', { name: 'Fermer', exact: true }).click()
  await expect(question).toBeVisible()
  await app.expectAccessible()
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(drawer).toBeHidden()
  expect(await app.core.requireSession().funders.list()).toEqual([])

  // Opened again, the form starts afresh.
  await page.getByRole('button', { name: 'Nouveau bailleur' }).click()
  await expect(name).toHaveValue('')
})
