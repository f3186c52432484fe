import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { type Call, channels, cityDuesScale } from './harness/channels'
import { test, expect, E2E_YEAR } from './harness/fixtures'

const year = E2E_YEAR
const euros = (text: string) => `${text.replace(' ', '\u202f')}\u00a0€`

/** Two cities called for their dues of 1 320 €; Lomé has paid its call, Ouagadougou not. */
async function twoCitiesCalled(call: Call) {
  await cityDuesScale(call, year)
  const lome = await call('members.create', {
    kind: 'city',
    name: 'Commune de Lomé',
    country: 'TG',
    status: 'active',
  })
  const ouaga = await call('members.create', {
    kind: 'city',
    name: 'Commune de Ouagadougou',
    country: 'BF',
    status: 'active',
  })
  await call('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  await call('dues.addPayment', {
    memberId: lome.id,
    kind: 'dues',
    receivedOn: `${year}-02-10`,
    amount: '1320',
    currency: 'EUR',
    method: 'transfer',
    confirmed: true,
  })
  return { lome, ouaga }
}

/**
 * The reversal dialog asked from `button`: the record and one figure before → after shown, no
 * reason refused on the field, « Ne pas annuler » leaving everything as it was.
 */
async function askedAndKept(
  page: Page,
  button: Locator,
  action: string,
  record: string,
  figure: { label: string; cells: string[] },
) {
  await button.click()
  const dialog = page.getByRole('dialog', { name: action })
  await expect(dialog).toContainText(record)
  const changes = dialog.getByRole('table', { name: 'Ce qui change' })
  await expect(
    changes.getByRole('row', { name: new RegExp(`^${figure.label}`) }).getByRole('cell'),
  ).toHaveText(figure.cells)
  await dialog.getByRole('button', { name: action }).click()
  await expect(dialog.getByLabel('Raison de l’annulation')).toHaveAttribute('aria-invalid', 'true')
  await dialog.getByRole('button', { name: 'Ne pas annuler' }).click()
  await expect(dialog).toBeHidden()
  return dialog
}

test('a dues call cancelled only with a reason, after its figure is shown; the notice opens the member', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'annulation-appel.sqlite'))
  const call = channels(app.core)
  const { ouaga } = await twoCitiesCalled(call)
  const [owed] = await call('dues.calls', { memberId: ouaga.id })
  if (!owed) throw new Error('Ouagadougou was not called')
  await app.open()
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('tab', { name: 'Cotisations' }).click()
  await page.getByRole('tab', { name: 'Appels' }).click()
  const row = page
    .getByRole('table', { name: 'Appels' })
    .getByRole('row')
    .filter({ hasText: 'Commune de Ouagadougou' })
  const cancel = row.getByRole('button', { name: 'Annuler l’appel' })

  const dialog = await askedAndKept(
    page,
    cancel,
    'Annuler l’appel',
    `Appel ${owed.number} adressé à Commune de Ouagadougou`,
    {
      label: 'Reste dû',
      cells: ['Reste dû', euros('1 320,00'), euros('0,00'), `-${euros('1 320,00')}`],
    },
  )
  expect((await call('dues.calls', { memberId: ouaga.id }))[0]?.status).toBe('open')

  await cancel.click()
  await dialog.getByLabel('Raison de l’annulation').fill('Exonérée par le Bureau')
  await dialog.getByRole('button', { name: 'Annuler l’appel' }).click()
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText(`Appel ${owed.number} annulé. Raison : Exonérée par le Bureau`)
  expect((await call('dues.calls', { memberId: ouaga.id }))[0]?.status).toBe('cancelled')
  await expect(cancel).toHaveCount(0)

  // The notice opens the member's page, where the call is kept, cancelled.
  await notice.getByRole('button', { name: 'Ouvrir la fiche de Commune de Ouagadougou' }).click()
  await expect(page.getByRole('heading', { name: 'Commune de Ouagadougou' })).toBeVisible()
})

test('a tranche payment, then the commitment it drew on, reversed only with a reason after their figures are shown', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000)
  await app.core.createFile(join(app.folder, 'annulation-tranche.sqlite'))
  const call = channels(app.core)
  const { lome } = await twoCitiesCalled(call)
  const project = await call('projects.create', {
    title: 'Forage de Bè',
    memberId: lome.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '2000',
  })
  await call('projects.addFinancingLine', {
    projectId: project.id,
    source: 'city_cash',
    amount: '1000',
    currency: 'EUR',
  })
  const withLine = await call('projects.addFinancingLine', {
    projectId: project.id,
    source: 'untied_fund',
    amount: '1000',
    currency: 'EUR',
  })
  const untied = withLine.plan.lines.find((line) => line.source === 'untied_fund')
  if (!untied) throw new Error('no untied line')
  for (const to of ['approved', 'agreement_signed'] as const)
    await call('projects.transition', {
      projectId: project.id,
      to,
      onDate: `${year}-02-10`,
      bureauMeeting: 'Bureau de février',
      confirmed: true,
    })
  await call('projects.commitFinancingLine', {
    id: untied.id,
    committedOn: `${year}-02-15`,
    confirmed: true,
  })
  const planned = await call('projects.addTranche', {
    projectId: project.id,
    plannedOn: `${year}-03-01`,
    amount: '600',
  })
  const tranche = planned.tranches[0]
  if (!tranche) throw new Error('no tranche')
  await call('projects.payTranche', {
    id: tranche.id,
    paidOn: `${year}-03-02`,
    amount: '600',
    confirmed: true,
  })
  const fetched = () => call('projects.get', { id: project.id })

  await app.open()
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: `Ouvrir le projet ${project.code}` }).click()

  // The tranche payment.
  await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
  const cancelPayment = page.getByRole('button', { name: 'Annuler le versement' })
  const paymentDialog = await askedAndKept(
    page,
    cancelPayment,
    'Annuler le versement',
    `Versement de la tranche 1 du projet ${project.code} le 02/03/${year} : ${euros('600,00')}`,
    {
      label: 'Versé pour la tranche 1',
      cells: ['Versé pour la tranche 1', euros('600,00'), euros('0,00'), `-${euros('600,00')}`],
    },
  )
  expect((await fetched()).tranches[0]?.status).toBe('paid')
  await cancelPayment.click()
  await paymentDialog.getByLabel('Raison de l’annulation').fill('Virement rejeté par la banque')
  await paymentDialog.getByRole('button', { name: 'Annuler le versement' }).click()
  await expect(page.getByTestId('notice')).toContainText(
    `Versement de la tranche 1 du projet ${project.code} (${euros('600,00')}) annulé. Raison : Virement rejeté par la banque`,
  )
  expect((await fetched()).tranches[0]?.status).not.toBe('paid')
  await expect(cancelPayment).toHaveCount(0)

  // The commitment, now that nothing was paid on it.
  await page.getByRole('tab', { name: 'Plan de financement', exact: true }).click()
  const uncommit = page.getByRole('button', { name: 'Désengager' })
  const commitmentDialog = await askedAndKept(
    page,
    uncommit,
    'Désengager',
    `Engagement du 15/02/${year} sur Fonds délié de l’AIMF : ${euros('1 000,00')}`,
    {
      label: 'Affecté sur cette ligne',
      cells: ['Affecté sur cette ligne', euros('1 000,00'), euros('0,00'), `-${euros('1 000,00')}`],
    },
  )
  expect((await fetched()).plan.lines.find((l) => l.id === untied.id)?.committedOn).not.toBeNull()
  await uncommit.click()
  await commitmentDialog.getByLabel('Raison de l’annulation').fill('Projet refinancé par la ville')
  await commitmentDialog.getByRole('button', { name: 'Désengager' }).click()
  await expect(page.getByTestId('notice')).toContainText(
    `Engagement de ${euros('1 000,00')} sur Fonds délié de l’AIMF annulé : le montant revient à son fonds. Raison : Projet refinancé par la ville`,
  )
  expect((await fetched()).plan.lines.find((l) => l.id === untied.id)?.committedOn).toBeNull()
  await expect(page.getByRole('button', { name: 'Engager Fonds délié de l’AIMF' })).toBeVisible()
})

test('a budget expense cancelled only with a reason, after what its line loses is shown', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'annulation-depense.sqlite'))
  const call = channels(app.core)
  // Lomé's 1 320 € of dues are in the untied fund the expense draws on.
  await twoCitiesCalled(call)
  const created = await call('budget.create', { year })
  const versionId = created.version.id
  const withChapter = await call('budget.saveItem', {
    versionId,
    kind: 'chapter',
    code: '1',
    label: 'Fonctionnement du Secrétariat',
    direction: 'expense',
    nature: 'operating',
  })
  const chapter = withChapter.items[0]
  if (!chapter) throw new Error('no chapter')
  const withLine = await call('budget.saveItem', {
    versionId,
    parentId: chapter.id,
    kind: 'line',
    code: '1.2',
    label: 'Missions',
    direction: 'expense',
    nature: 'operating',
    planned: '30000',
    sources: [{ agreementId: null, amount: '30000' }],
  })
  const missions = withLine.items.find((item) => item.code === '1.2')
  if (!missions) throw new Error('no line')
  await call('budget.addExpense', {
    confirmed: true,
    lineKey: missions.lineKey,
    spentOn: `${year}-02-10`,
    description: 'Billet Paris–Dakar',
    amount: '1200',
    currency: 'EUR',
  })
  const live = async () =>
    (await call('budget.expenses', { year })).filter((e) => e.cancelReason === null).length

  await app.open()
  await page.getByRole('button', { name: 'Budget', exact: true }).click()
  await page.getByRole('tab', { name: 'Dépenses de l’exercice' }).click()
  const cancel = page
    .getByRole('table', { name: 'Dépenses de l’exercice' })
    .getByRole('button', { name: 'Annuler la dépense' })
  const dialog = await askedAndKept(
    page,
    cancel,
    'Annuler la dépense',
    `Dépense du 10/02/${year} « Billet Paris–Dakar » : ${euros('1 200,00')}`,
    {
      label: 'Montant de la dépense',
      cells: ['Montant de la dépense', euros('1 200,00'), euros('0,00'), `-${euros('1 200,00')}`],
    },
  )
  expect(await live()).toBe(1)

  // Asked again: the line's spending, counted in the budget on screen, goes down by as much.
  await cancel.click()
  await expect(
    dialog
      .getByRole('row', { name: /^Dépensé sur la ligne « Missions » \(EUR\)/ })
      .getByRole('cell'),
  ).toHaveText([
    'Dépensé sur la ligne « Missions » (EUR)',
    euros('1 200,00'),
    euros('0,00'),
    `-${euros('1 200,00')}`,
  ])
  await dialog.getByLabel('Raison de l’annulation').fill('Mission reportée')
  await dialog.getByRole('button', { name: 'Annuler la dépense' }).click()
  await expect(page.getByTestId('notice')).toContainText(
    `Dépense du 10/02/${year} « Billet Paris–Dakar » de ${euros('1 200,00')} annulée. Raison : Mission reportée`,
  )
  expect(await live()).toBe(0)
  await expect(cancel).toHaveCount(0)
})
