import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { summaryJson } from '../../electron/main/cli/summary-output'
import { fundsSummary } from '../../electron/main/funds/ledger'
import { FUND_FIGURE_KEYS } from '@shared/funds/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { foldForSearch } from '@shared/text/search'
import { today } from '@shared/validation/dates'
import { E2E_YEAR, test, expect } from './harness/fixtures'

const euros = (minor: number) => formatMoney(money(minor, 'EUR'), 'fr')

/** The bottom of an element, in the window's pixels: above the fold when ≤ the height. */
async function bottomOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`${selector} is not drawn`)
  return box.y + box.height
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('the dashboard shows the figures of aimf summary --json and aimf dues --json, alerts first', async ({
      app,
      page,
    }) => {
      await app.core.openDemo()
      await app.open()
      await page.getByRole('button', { name: 'Tableau de bord' }).click()
      const funds = page.getByRole('table', { name: 'Fonds liés et déliés' })
      await expect(funds).toBeVisible()

      // The alerts are the first thing under the title, whole, without scrolling.
      expect(
        await bottomOf(page, 'section[aria-labelledby="dashboard-alerts"]'),
      ).toBeLessThanOrEqual(viewport.height)

      // The same readings as the command line, over all years and for this year.
      const session = app.core.requireSession()
      const year = E2E_YEAR
      for (const chosen of [null, year]) {
        if (chosen !== null) {
          await page.getByRole('textbox', { name: 'Année' }).click()
          await page.getByRole('option', { name: String(chosen), exact: true }).click()
          await expect(funds.getByText(`Flux de l’année ${chosen}`)).toBeVisible()
        } else {
          await expect(funds.getByText('Flux cumulés, toutes années')).toBeVisible()
        }
        const json = summaryJson(await fundsSummary(session.file.db, chosen, today()))
        for (const key of FUND_FIGURE_KEYS) {
          for (const fundClass of ['tied', 'untied'] as const) {
            await expect(
              funds.locator(`tr[data-figure="${key}"] td[data-class="${fundClass}"]`),
            ).toHaveText(euros(json[fundClass][key] ?? Number.NaN))
          }
        }
        for (const nature of ['operating', 'investment'] as const) {
          for (const figure of ['committed', 'spent'] as const) {
            await expect(
              page.locator(`tr[data-nature="${nature}"] td[data-figure="${figure}"]`),
            ).toHaveText(euros(json.byNature[nature][figure]))
          }
        }
        for (const { status, count } of json.projects.byStatus) {
          await expect(page.locator(`tr[data-status="${status}"] td`).last()).toHaveText(
            String(count),
          )
        }
        const dues = { ...(await session.dues.summary(chosen ?? year)), unit: 'cents' }
        await expect(page.locator('tr[data-dues="called"] td')).toHaveText(euros(dues.calledEur))
        await expect(page.locator('tr[data-dues="collected"] td')).toHaveText(
          euros(dues.collectedEur),
        )
        for (const age of ['current', 'oneYear', 'twoYears', 'threeYearsOrMore', 'total'] as const)
          await expect(page.locator(`tr[data-arrears="${age}"] td`)).toHaveText(
            euros(dues.arrears[age]),
          )
      }
      // The untied share is drawn as a share: a 0–100 % axis, named, with its 50 % line.
      const chart = page.locator('section[aria-labelledby="dashboard-untied-share"]')
      await expect(chart.getByText('Part déliée des recettes, en %')).toBeVisible()
      await expect(chart.getByText('Seuil de 50 %')).toBeVisible()
      await expect(
        chart.locator('.recharts-cartesian-axis-tick-value').getByText('100 %'),
      ).toBeVisible()
      await app.expectAccessible()
      await app.screenshot(`dashboard-${viewport.width}`)

      // A count opens the list behind it.
      await page.locator('tr[data-status="completed"] td button').click()
      await expect(page.getByRole('heading', { name: 'Projets', level: 1 })).toBeVisible()
    })
  })
}

test('Ctrl+K finds a project by a word of its title typed without accents, and opens it', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  const projects = await app.core.requireSession().projects.list({})
  const accented = projects
    .flatMap((p) => p.title.split(/[\s,.'’()«»-]+/).map((word) => ({ p, word })))
    .find(({ word }) => word.length > 4 && foldForSearch(word) !== word.toLowerCase())
  if (!accented) throw new Error('the demo has no project title with an accented word')
  const typed = foldForSearch(accented.word)
  await app.open()
  await expect(page.getByRole('button', { name: 'Rechercher partout' })).toBeVisible()
  await page.keyboard.press('Control+k')
  const search = page.getByRole('combobox', { name: 'Rechercher ou lancer une commande' })
  await expect(search).toBeFocused()
  await search.fill(typed)
  const option = page.getByRole('option').filter({ hasText: accented.p.code })
  await expect(option.first()).toBeVisible()
  await app.expectAccessible()
  // Arrows move to it; Enter opens it.
  const options = page.getByRole('option')
  const index = (await options.allTextContents()).findIndex((text) =>
    text.includes(accented.p.code),
  )
  for (let i = 0; i < index; i++) await search.press('ArrowDown')
  await search.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: accented.p.code })).toBeVisible()

  // « lome » finds Lomé; a command runs too.
  await page.keyboard.press('Control+k')
  await search.fill('lome')
  await expect(page.getByRole('option').filter({ hasText: 'Lomé' }).first()).toBeVisible()
  await search.fill('aller a aide')
  await search.press('Enter')
  await expect(page.getByRole('heading', { name: 'Raccourcis clavier' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Raccourcis clavier' })).toContainText('Ctrl')
})

test('Ctrl+Z undoes the last edit of a field by a new change that the history shows', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  const session = app.core.requireSession()
  const [project] = await session.projects.list({})
  if (!project) throw new Error('the demo has no project')
  await session.file.write('Agent de test', (writer) =>
    writer.update('projects', project.id, { title: 'Titre saisi par erreur' }),
  )
  const before = await session.file.db.selectFrom('change_log').select('seq').execute()
  await app.open()
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await expect(page.getByRole('table', { name: 'Fonds liés et déliés' })).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('notice')).toContainText('Modification annulée')
  const restored = await session.file.db
    .selectFrom('projects')
    .select('title')
    .where('id', '=', project.id)
    .executeTakeFirstOrThrow()
  expect(restored.title).toBe(project.title)
  const after = await session.file.db.selectFrom('change_log').selectAll().execute()
  expect(after.length).toBe(before.length + 1)
  expect(after.at(-1)).toMatchObject({ column_name: 'title', op: 'update' })

  // The project's history shows the undo as a change of its own.
  await session.file.db.selectFrom('projects').select('id').execute()
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox').fill(project.code)
  await page.getByRole('combobox').press('Enter')
  // The project page opens on its summary; its history is a tab of its own.
  await page.getByRole('tab', { name: 'Historique' }).click()
  await expect(
    page.getByText(`Titre : Titre saisi par erreur → ${project.title}`).first(),
  ).toBeVisible()

  // A money event is not undone this way: the refusal says so, and nothing changes.
  await session.file.write('Agent de test', (writer) =>
    writer.update('projects', project.id, { total_cost_minor: 1 }),
  )
  await page.getByRole('heading', { level: 1 }).first().click()
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('alert').filter({ hasText: 'contre-passation' })).toBeVisible()
})

test('« Annuler la modification » in the notice after an edit undoes it by a new change', async ({
  app,
  page,
}) => {
  // Two saves through the dialog on a 2-core machine shared by seven engineers.
  test.setTimeout(120_000)
  await app.core.openDemo()
  const session = app.core.requireSession()
  const funder = (await session.funders.list({})).find((f) => f.acronym === 'AFD')
  if (!funder) throw new Error('the demo has no AFD')
  const nameOf = async () =>
    (
      await session.file.db
        .selectFrom('funders')
        .select('name')
        .where('id', '=', funder.id)
        .executeTakeFirstOrThrow()
    ).name
  const changes = async () =>
    (await session.file.db.selectFrom('change_log').select('seq').execute()).length
  await app.open()
  const edit = async (name: string | null) => {
    await page.getByRole('button', { name: `Modifier ${await nameOf()}`, exact: true }).click()
    const form = page.getByRole('form', { name: 'Modifier le bailleur' })
    if (name !== null) await form.getByRole('textbox', { name: 'Nom', exact: true }).fill(name)
    await form.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(form).toHaveCount(0)
  }

  // A save with no change offers nothing to undo (it would undo an older edit).
  await edit(null)
  await expect(page.getByRole('button', { name: 'Annuler la modification' })).toHaveCount(0)

  await edit('Agence française de développement (saisie erronée)')
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText(
    'Modification enregistrée sur « Agence française de développement (saisie erronée) »',
  )
  const before = await changes()
  await notice.getByRole('button', { name: 'Annuler la modification' }).click()
  await expect(page.getByTestId('notice')).toContainText('Modification annulée')
  expect(await nameOf()).toBe(funder.name)
  // A new change of its own: the history keeps the edit and its undoing.
  expect(await changes()).toBe(before + 1)
  await expect(
    page.getByRole('button', { name: `Ouvrir la fiche de ${funder.name}` }),
  ).toBeVisible()
})

test('an empty file greets the user with first steps instead of empty lists', async ({
  app,
  page,
}) => {
  await app.open()
  app.host.nextNewFilePath = join(app.folder, 'vide.sqlite')
  await page.getByRole('button', { name: 'Créer un nouveau fichier vide' }).click()
  await expect(page.getByRole('heading', { name: 'Bailleurs', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Premiers pas' })).toBeVisible()
  await expect(page.getByText('Aucune ligne ne correspond.')).toHaveCount(0)
  for (const step of [
    'Renseigner l’organisation',
    'Saisir ou importer les taux de change',
    'Importer un classeur Excel existant',
    'Créer un premier bailleur',
  ])
    await expect(page.getByText(step, { exact: false })).toBeVisible()
  await app.expectAccessible()
  await page
    .getByRole('button', {
      name: 'Y aller : Renseigner l’organisation (nom, adresse, logo des rapports)',
    })
    .click()
  await expect(page.getByRole('heading', { name: 'Paramètres', level: 1 })).toBeVisible()
  // Once a step is taken, the lists are the lists again: empty, they say there is nothing yet
  // (not that nothing matched); searched in vain, that nothing matched.
  await page.getByRole('button', { name: 'Bailleurs' }).click()
  await expect(page.getByText('Aucune ligne pour le moment.')).toBeVisible()
  await expect(page.getByText('Aucune ligne ne correspond.')).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Lausanne')
  await expect(page.getByText('Aucune ligne ne correspond.')).toBeVisible()
  await expect(page.getByText('Aucune ligne pour le moment.')).toHaveCount(0)
})
