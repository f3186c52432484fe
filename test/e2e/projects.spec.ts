import type { Locator, Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { test, expect } from './harness/fixtures'

async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

function figure(table: Locator, key: string, column: string) {
  return table.locator(`tr[data-figure="${key}"] td[data-class="${column}"]`)
}

const euros = (text: string) => text.replace(/ /g, '\u202f') + '\u00a0€'

test('a project for a city: plan from an EU action, the untied fund and the city; a tranche; an indicator; the figures move by exactly those amounts', async ({
  app,
  page,
}) => {
  // A long story (forms, dialogs, an accessibility scan, screenshots): 1.1–1.3 min on a loaded
  // machine, past the default minute.
  test.setTimeout(120_000)
  await app.core.createFile(join(app.folder, 'projets.sqlite'))
  const session = app.core.requireSession()
  const author = 'Agent de test'
  const funder = (name: string, acronym: string, kind: 'multilateral' | 'state') =>
    session.funders.create(
      {
        name,
        acronym,
        kind,
        country: null,
        defaultCurrency: 'EUR',
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        notes: null,
      },
      author,
    )
  const agreement = (funderId: string, reference: string, earmarking: 'projects' | 'untied') =>
    session.agreements.create(
      {
        funderId,
        reference,
        title: reference,
        signedOn: '2026-01-10',
        startsOn: '2026-01-01',
        endsOn: '2028-12-31',
        currency: 'EUR',
        amount: earmarking === 'untied' ? '1000000' : '500000',
        earmarking,
        programme: null,
        programmeCode: null,
        nature: earmarking === 'untied' ? 'operating' : 'investment',
        operatingSharePercent: null,
        cofinancingPercent: null,
        indirectCostMaxPercent: null,
        notes: null,
      },
      author,
    )
  await agreement(
    (await funder('Union européenne', 'UE', 'multilateral')).id,
    'UE-2026-VILLES',
    'projects',
  )
  await agreement((await funder('France', 'MEAE', 'state')).id, 'SUBV-MEAE-2026', 'untied')
  await session.members.create(
    {
      code: null,
      kind: 'city',
      name: 'Ville de Dakar',
      country: 'SN',
      region: null,
      population: 1_200_000,
      populationYear: 2022,
      leaderName: null,
      leaderCivility: null,
      address: null,
      email: null,
      phone: null,
      joinedOn: null,
      status: 'active',
      statusOn: null,
      statusReason: null,
      notes: null,
    },
    author,
  )
  await app.open()

  // The project, as the secretariat files the city's application.
  await page.getByRole('button', { name: 'Projets' }).click()
  await page.getByRole('button', { name: 'Nouveau projet' }).click()
  const form = page.getByRole('form', { name: 'Nouveau projet' })
  await form
    .getByRole('textbox', { name: 'Titre', exact: true })
    .fill('Gestion des boues de vidange à Grand-Yoff')
  await chooseOption(page, form, 'Bénéficiaire', 'Ville de Dakar (M-0001)')
  await form.getByRole('textbox', { name: 'Secteur (CAD)', exact: true }).fill('14032')
  await page.getByRole('option', { name: /^14032/ }).click()
  await chooseOption(page, form, 'Programme AIMF', 'Services essentiels')
  await form.getByRole('textbox', { name: 'Coût total (EUR)', exact: true }).fill('300 000')
  await app.expectAccessible()
  await form.getByRole('button', { name: 'Créer' }).click()
  const heading = page.getByRole('heading', { level: 1, name: /Grand-Yoff/ })
  await expect(heading).toBeVisible()
  const code = (await heading.textContent())?.split(' — ')[0] ?? ''
  expect(code).toMatch(/^FC-\d{4}-001$/)

  // Approved by the Bureau.
  await page.getByRole('button', { name: 'Passer à « Approuvé »' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('aucune donnée de cotisation')
  await dialog
    .getByRole('textbox', { name: 'Réunion du Bureau', exact: true })
    .fill('Bureau de novembre 2026')
  await dialog.getByRole('button', { name: 'Confirmer' }).click()
  // Its plan is built after the Bureau's approval: the app asks first, with the gap (issue 21).
  const question = page.getByRole('dialog', { name: 'Confirmer ces montants et ces dates ?' })
  await expect(question).toContainText('ne couvre pas le coût du projet')
  await question.getByRole('button', { name: 'Confirmer' }).click()
  await expect(page.getByText('Le projet est maintenant « Approuvé ».')).toBeVisible()

  // The record's parts are tabs, reached by their names; entry forms open on demand.
  const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click()
  const opened = async (button: string, form: string) => {
    await page.getByRole('button', { name: button, exact: true }).click()
    const shown = page.getByRole('dialog').getByRole('form', { name: form })
    await expect(shown).toBeVisible()
    return shown
  }

  // The EU action finances only the projects it names: the plan offers it once named.
  await tab('Plan de financement')
  let plan = await opened('Ajouter la ligne', 'Ajouter la ligne')
  await chooseOption(page, plan, 'Source', 'Convention (fonds liés)')
  await expect(plan).toContainText('Aucune convention fléchée ne peut financer ce projet')
  // A changed form is closed only once its changes are given up.
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(plan).toBeHidden()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-VILLES' }).click()
  await tab('Projets')
  await chooseOption(
    page,
    page.locator('#agreement-projects').locator('..'),
    'Projet',
    `${code} — Gestion des boues de vidange à Grand-Yoff`,
  )
  await page.getByRole('button', { name: 'Ajouter le projet' }).click()
  await expect(page.getByText('Projet ajouté à la convention.')).toBeVisible()
  await page.getByRole('button', { name: code, exact: true }).click()
  // Back on the project, on the tab it was left on.
  await expect(page.getByRole('tab', { name: 'Plan de financement' })).toHaveAttribute(
    'aria-selected',
    'true',
  )

  plan = await opened('Ajouter la ligne', 'Ajouter la ligne')
  await chooseOption(page, plan, 'Source', 'Convention (fonds liés)')
  await chooseOption(
    page,
    plan,
    'Convention',
    'UE-2026-VILLES — reste à affecter : 500\u202f000,00\u00a0€',
  )
  await plan.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('200 000')
  await plan.getByRole('button', { name: 'Ajouter la ligne' }).click()
  await expect(page.getByText('Ligne ajoutée au plan.')).toBeVisible()
  await expect(plan).toBeHidden()
  plan = await opened('Ajouter la ligne', 'Ajouter la ligne')
  await chooseOption(page, plan, 'Source', 'Fonds délié de l’AIMF')
  await plan.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('70 000')
  await plan.getByRole('button', { name: 'Ajouter la ligne' }).click()
  await expect(plan).toBeHidden()
  plan = await opened('Ajouter la ligne', 'Ajouter la ligne')
  await chooseOption(page, plan, 'Source', 'Ville — en numéraire')
  // Above the cost: refused, with the figures, and nothing added.
  await plan.getByRole('textbox', { name: 'Montant', exact: true }).fill('30 000,01')
  await plan.getByRole('button', { name: 'Ajouter la ligne' }).click()
  await expect(plan).toContainText('300\u202f000,01\u00a0€ pour un coût de 300\u202f000,00\u00a0€')
  await plan.getByRole('textbox', { name: 'Montant', exact: true }).fill('30 000')
  await plan.getByRole('button', { name: 'Ajouter la ligne' }).click()
  await expect(page.getByRole('note')).toContainText('Le plan est équilibré.')
  await page.getByRole('button', { name: 'Engager UE-2026-VILLES' }).click()
  await expect(page.getByText('Ligne engagée')).toBeVisible()
  await page.getByRole('button', { name: 'Engager Fonds délié de l’AIMF' }).click()
  await expect(page.getByText('Ligne engagée')).toBeVisible()
  await tab('Grand livre')
  // The two entries (the list's header and totals rows aside).
  await expect(
    page.getByRole('table', { name: 'Écritures au grand livre' }).locator('tbody tr'),
  ).toHaveCount(2)

  // The city's agreement is signed; the first tranche is paid.
  await tab('Résumé')
  await page.getByRole('button', { name: 'Passer à « Convention signée »' }).click()
  await dialog.getByRole('button', { name: 'Confirmer' }).click()
  await expect(page.getByText('Le projet est maintenant « Convention signée ».')).toBeVisible()
  await tab('Tranches')
  let tranche = await opened('Ajouter la tranche', 'Ajouter la tranche')
  await tranche.getByRole('textbox', { name: 'Prévue le', exact: true }).fill('2026-11-30')
  await tranche.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('90 000')
  await tranche.getByRole('button', { name: 'Ajouter la tranche' }).click()
  await expect(tranche).toBeHidden()
  await page.getByRole('button', { name: 'Verser la tranche n° 1' }).click()
  await dialog.getByRole('textbox', { name: 'Référence bancaire', exact: true }).fill('VIR-DKR-01')
  await dialog.getByRole('button', { name: 'Verser', exact: true }).click()
  await expect(page.getByText('Tranche versée')).toBeVisible()
  // 90,000 € drawn 200:70 on the EU action and the untied fund, to the cent.
  await tab('Plan de financement')
  const lines = page.getByRole('table', { name: 'Plan de financement' })
  await expect(lines.getByRole('row').nth(1)).toContainText(euros('66 666,67'))
  await expect(lines.getByRole('row').nth(2)).toContainText(euros('23 333,33'))

  // A second tranche, all of it from the untied fund: the split chosen by the user.
  await tab('Tranches')
  tranche = await opened('Ajouter la tranche', 'Ajouter la tranche')
  await tranche.getByRole('textbox', { name: 'Prévue le', exact: true }).fill('2026-12-15')
  await tranche.getByRole('textbox', { name: 'Montant (EUR)', exact: true }).fill('10 000')
  await tranche.getByRole('button', { name: 'Ajouter la tranche' }).click()
  await expect(tranche).toBeHidden()
  await page.getByRole('button', { name: 'Verser la tranche n° 2' }).click()
  await dialog.getByText('Répartition choisie').click()
  await dialog.getByRole('textbox', { name: 'UE-2026-VILLES (EUR)' }).fill('5 000')
  await dialog.getByRole('textbox', { name: 'Fonds délié de l’AIMF (EUR)' }).fill('4 000')
  await dialog.getByRole('button', { name: 'Verser', exact: true }).click()
  await expect(dialog).toContainText('ne fait pas le montant versé')
  await dialog.getByRole('textbox', { name: 'UE-2026-VILLES (EUR)' }).fill('0')
  await dialog.getByRole('textbox', { name: 'Fonds délié de l’AIMF (EUR)' }).fill('10 000')
  await dialog.getByRole('button', { name: 'Verser', exact: true }).click()
  await expect(page.getByText('Tranche versée')).toBeVisible()
  await tab('Plan de financement')
  await expect(lines.getByRole('row').nth(2)).toContainText(euros('33 333,33'))
  await expect(lines.getByRole('row').nth(1)).toContainText(euros('66 666,67'))

  // A results indicator: a target in words is refused, then a value shows progress.
  await tab('Indicateurs')
  const indicator = await opened('Ajouter l’indicateur', 'Ajouter l’indicateur')
  await indicator
    .getByRole('textbox', { name: 'Indicateur', exact: true })
    .fill('Ménages raccordés à la filière')
  await indicator.getByRole('textbox', { name: 'Cible', exact: true }).fill('beaucoup')
  await indicator.getByRole('button', { name: 'Ajouter l’indicateur' }).click()
  await expect(indicator).toContainText('Nombre attendu')
  await indicator.getByRole('textbox', { name: 'Cible', exact: true }).fill('8 000')
  await indicator.getByRole('button', { name: 'Ajouter l’indicateur' }).click()
  await expect(indicator).toBeHidden()
  await page
    .getByRole('article', { name: 'Ménages raccordés à la filière' })
    .getByRole('button', { name: 'Enregistrer la valeur', exact: true })
    .click()
  const value = page.getByRole('dialog').getByRole('form', {
    name: 'Enregistrer la valeur — Ménages raccordés à la filière',
  })
  await value.getByRole('textbox', { name: 'Fin de période', exact: true }).fill('2026-12-31')
  await value.getByLabel('Valeur').fill('2000')
  await value.getByRole('button', { name: 'Enregistrer la valeur' }).click()
  await expect(value).toBeHidden()
  await expect(page.getByText('Progrès : 25 %').first()).toBeVisible()
  await app.expectAccessible()
  await app.screenshot('09-projet')

  // The agreement and the dashboard read the same ledger.
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-VILLES' }).click()
  await tab('Résumé')
  const position = page.getByRole('table', { name: 'Situation' })
  await expect(position.locator('tr[data-figure="allocated"] td').last()).toHaveText(
    euros('200 000,00'),
  )
  await expect(position.locator('tr[data-figure="spent"] td').last()).toHaveText(euros('66 666,67'))
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  const funds = page.getByRole('table', { name: 'Fonds liés et déliés' })
  await expect(figure(funds, 'allocated', 'tied')).toHaveText(euros('200 000,00'))
  await expect(figure(funds, 'spent', 'tied')).toHaveText(euros('66 666,67'))
  await expect(figure(funds, 'allocated', 'untied')).toHaveText(euros('70 000,00'))
  await expect(figure(funds, 'spent', 'untied')).toHaveText(euros('33 333,33'))
  const paid = await session.file.db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('kind', '=', 'disbursement')
    .executeTakeFirstOrThrow()
  expect(Number(paid.eur)).toBe(10_000_000)
})

test('the demo projects: found in seconds by city, filtered, summed by country and programme', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Projets' }).click()
  const table = page.getByRole('table', { name: 'Projets' })
  await expect(table).toContainText('FC-2019-014')
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('rusizi')
  await expect(table.locator('tbody').getByRole('row')).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('')
  await page.getByRole('button', { name: 'Filtres', exact: true }).click()
  await page.getByRole('switch', { name: 'Tranches en retard' }).check()
  await expect(table).toContainText('FC-2025-010')
  await expect(table).not.toContainText('FC-2019-014')
  await page.getByRole('switch', { name: 'Tranches en retard' }).uncheck()
  await app.expectAccessible()
  await app.screenshot('08-projets')

  await page.getByText('Synthèse par pays et par programme', { exact: true }).click()
  const byProgramme = page.getByRole('table', { name: 'Par programme' })
  await expect(byProgramme).toContainText('Culture et patrimoine')
  await expect(page.getByRole('table', { name: 'Par pays' })).toContainText('Rwanda')
  await app.expectAccessible()

  // The Rwanda project of seed 004, with its results.
  await page.getByText('Liste des projets', { exact: true }).click()
  await page.getByRole('button', { name: 'Ouvrir le projet FC-2019-014' }).click()
  await page.getByRole('tab', { name: 'Indicateurs', exact: true }).click()
  await expect(
    page.getByRole('article', { name: 'Personnes ayant un meilleur accès à la santé' }),
  ).toContainText('Progrès : 100 %')
  await app.expectAccessible()
  await page.getByRole('tab', { name: 'Tranches', exact: true }).click()
  await expect(page.getByRole('table', { name: 'Tranches versées à la ville' })).toContainText(
    'Versée',
  )
  await app.expectAccessible()

  // Its one-page sheet, in English for a funder.
  app.host.nextExportPath = join(app.folder, 'FC-2019-014.pdf')
  await chooseOption(page, page.locator('main'), 'Langue de la fiche', 'English')
  await page.getByRole('button', { name: 'Fiche projet (PDF)' }).click()
  await expect(
    page.getByText(`Fiche projet enregistrée : ${app.host.nextExportPath}`),
  ).toBeVisible()
  const { stdout } = await promisify(execFile)('pdftotext', [
    '-layout',
    app.host.nextExportPath,
    '-',
  ])
  expect(stdout).toContain('Project sheet')
  expect(stdout).toContain('Paid to the city: US$430,000.00 of US$430,000.00')
})
