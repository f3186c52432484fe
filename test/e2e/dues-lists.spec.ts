import type { Page } from '@playwright/test'
import type { CallPreviewRow, DuesCall, DuesScale } from '@shared/dues/schema'
import { E2E_YEAR, test, expect } from './harness/fixtures'
import {
  atListSizes,
  byCurrency,
  cents,
  chooseOption,
  core,
  expectMoneyInView,
  listOf,
  sum,
  totalsByCurrency,
  totalUnder,
} from './harness/register-checks'

const AGES = ['current', 'oneYear', 'twoYears', 'threeYearsOrMore'] as const

/** The dues of `year`, from the members' area. */
async function openDues(page: Page, year: number, tab: string) {
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('tab', { name: 'Cotisations' }).click()
  await chooseOption(page, page.locator('main'), 'Année', String(year))
  await page.getByRole('tab', { name: tab }).click()
}

// Seven engineers share two cores: the demo, axe and three lists are slow under that load.
atListSizes({ timeout: 180_000 }, () => {
  test('Recouvrement, aperçu des appels et barème: amounts in view, totals of aimf dues --json and of the core', async ({
    app,
    page,
  }) => {
    await app.core.openDemo()
    const session = app.core.requireSession()
    await app.open()
    await openDues(page, E2E_YEAR, 'Recouvrement')
    // What `aimf dues --json` prints is this summary (electron/main/cli/dues-command.ts).
    const summary = await session.dues.summary(E2E_YEAR)

    const ages = page.getByRole('table', { name: 'Arriérés par ancienneté' })
    await expectMoneyInView(page, ages)
    for (const age of AGES)
      expect(cents(await ages.locator(`tr[data-arrears="${age}"] td`).last().innerText())).toBe(
        summary.arrears[age],
      )
    expect(await totalUnder(ages, 'Arriérés')).toBe(summary.arrears.total)

    const debtors = page.getByRole('table', { name: 'Arriérés les plus importants' })
    await expectMoneyInView(page, debtors)
    expect(summary.largest.length).toBeGreaterThan(0)
    expect(await totalUnder(debtors, 'Arriérés')).toBe(
      sum(summary.largest.map((m) => m.arrearsEur)),
    )

    const years = page.getByRole('table', { name: 'Appelé et recouvré sur dix ans' })
    await expectMoneyInView(page, years)
    const thisYear = years.locator(`tr[data-year="${E2E_YEAR}"] td`)
    expect(cents(await thisYear.nth(1).innerText())).toBe(summary.calledEur)
    expect(cents(await thisYear.nth(2).innerText())).toBe(summary.collectedEur)
    expect(await totalUnder(years, 'Appelé')).toBe(sum(summary.byYear.map((y) => y.calledEur)))
    expect(await totalUnder(years, 'Recouvré')).toBe(sum(summary.byYear.map((y) => y.collectedEur)))
    await app.expectAccessible()

    // Next year's run previewed: every member's amount, totalled by currency as the core would call.
    const next = E2E_YEAR + 1
    await openDues(page, next, 'Barème')
    await page.getByRole('button', { name: `Reprendre le barème de ${E2E_YEAR}` }).click()
    await expect(page.getByText(`Barème ${next} repris.`)).toBeVisible()
    const scale = page.getByRole('table', { name: `Barème ${next}` })
    await expectMoneyInView(page, scale)
    const saved = await core<DuesScale>(page, 'dues.scale', { year: next })
    expect(saved.bands.length).toBeGreaterThan(0)
    expect(await totalsByCurrency(scale, 'Montant')).toEqual(byCurrency(saved.bands))
    await app.expectAccessible()

    await page.getByRole('tab', { name: 'Appels' }).click()
    await page.getByRole('button', { name: 'Prévisualiser' }).click()
    const preview = page.getByRole('table', { name: `Aperçu des appels ${next}` })
    await expectMoneyInView(page, preview)
    const expected = await core<CallPreviewRow[]>(page, 'dues.previewCalls', {
      year: next,
      calledOn: `${next}-01-15`,
      dueOn: `${next}-03-31`,
    })
    // Every member counted (beyond 200 lines only those in view are drawn).
    await expect(listOf(preview).locator('.register-count')).toContainText(
      `${expected.length} ligne(s)`,
    )
    expect(await totalsByCurrency(preview, 'Montant')).toEqual(byCurrency(expected))
    await app.expectAccessible()
  })
})

test('the scale’s typed changes are kept until the user agrees to drop them', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await app.core.openDemo()
  await app.open()
  await openDues(page, E2E_YEAR, 'Barème')
  const label = page.getByRole('textbox', { name: 'Intitulé 1', exact: true })
  const before = await label.inputValue()
  await label.fill(`${before} (révisé)`)
  const question = page.getByRole('dialog', { name: 'Abandonner la saisie ?' })
  const keep = () => question.getByRole('button', { name: 'Continuer la saisie' }).click()

  // Escape in the field asks; continuing keeps the text.
  await label.press('Escape')
  await expect(question).toBeVisible()
  await keep()
  await expect(question).toBeHidden()
  await expect(label).toHaveValue(`${before} (révisé)`)

  // « Annuler » asks too.
  const form = page.getByRole('form', { name: `Barème ${E2E_YEAR}` })
  await form.getByRole('button', { name: 'Annuler', exact: true }).click()
  await expect(question).toBeVisible()
  await keep()
  await expect(label).toHaveValue(`${before} (révisé)`)

  // So does another area; continuing stays on the scale with the text.
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await expect(question).toBeVisible()
  await keep()
  await expect(label).toHaveValue(`${before} (révisé)`)
  await expect(page.getByRole('tab', { name: 'Barème' })).toHaveAttribute('aria-selected', 'true')

  // Dropped once agreed: the saved label is back, and nothing was saved meanwhile.
  await form.getByRole('button', { name: 'Annuler', exact: true }).click()
  await question.getByRole('button', { name: 'Abandonner les modifications' }).click()
  await expect(label).toHaveValue(before)
  const saved = await core<DuesScale>(page, 'dues.scale', { year: E2E_YEAR })
  expect(saved.bands[0]?.label).toBe(before)

  // Saved, the change is kept and leaving asks nothing.
  await label.fill(`${before} (révisé)`)
  await form.getByRole('button', { name: 'Enregistrer le barème' }).click()
  await expect(page.getByText(`Barème ${E2E_YEAR} enregistré.`)).toBeVisible()
  const after = await core<DuesScale>(page, 'dues.scale', { year: E2E_YEAR })
  expect(after.bands.map((b) => b.label)).toContain(`${before} (révisé)`)
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await expect(question).toBeHidden()
  await expect(page.getByRole('table', { name: 'Fonds liés et déliés' })).toBeVisible()
})

test('a date typed as 05/12/2026 is saved as 2026-12-05 in the call run and in a member’s seat', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.openDemo()
  await app.open()
  const next = E2E_YEAR + 1
  await openDues(page, next, 'Barème')
  await page.getByRole('button', { name: `Reprendre le barème de ${E2E_YEAR}` }).click()
  await expect(page.getByText(`Barème ${next} repris.`)).toBeVisible()

  // The call run: a non-date refused under its field, naming it; then the French day.
  await page.getByRole('tab', { name: 'Appels' }).click()
  const calledOn = page.getByRole('textbox', { name: 'Date de l’appel', exact: true })
  await calledOn.fill('5 décembre')
  await expect(
    page.getByText('« Date de l’appel » : « 5 décembre » n’est pas une date'),
  ).toBeVisible()
  await calledOn.fill('05/12/2026')
  await page.getByRole('textbox', { name: 'Échéance', exact: true }).fill('31/03/2027')
  await page.getByRole('button', { name: 'Prévisualiser' }).click()
  await page.getByRole('button', { name: 'Créer les appels' }).click()
  await expect(page.getByText(/\d+ appel\(s\) créé\(s\)\./)).toBeVisible()
  const calls = await core<DuesCall[]>(page, 'dues.calls', { year: next })
  expect(calls.length).toBeGreaterThan(0)
  expect(new Set(calls.map((c) => [c.calledOn, c.dueOn].join(' ')))).toEqual(
    new Set(['2026-12-05 2027-03-31']),
  )
  // Shown back the French way once left.
  await expect(calledOn).toHaveValue('05/12/2026')

  // A seat of a member, in a form bound to the record's checks.
  await page.getByRole('tab', { name: 'Membres' }).click()
  const open = page.getByRole('button', { name: /^Ouvrir le membre / }).first()
  const name = (await open.getAttribute('aria-label'))?.replace('Ouvrir le membre ', '') ?? ''
  await open.click()
  await page.getByRole('tab', { name: 'Contacts et rôles', exact: true }).click()
  const seats = page.getByRole('form', { name: 'Ajouter la fonction' })
  await seats.getByRole('textbox', { name: 'Fonction', exact: true }).fill('Trésorier')
  await seats.getByRole('textbox', { name: 'Depuis le', exact: true }).fill('05/12/2026')
  await seats.getByRole('button', { name: 'Ajouter la fonction' }).click()
  await expect(
    page.getByRole('table', { name: 'Bureau et commissions permanentes' }),
  ).toContainText('Trésorier')
  const members = await core<{ id: string; name: string }[]>(page, 'members.list', {})
  const member = members.find((m) => m.name === name)
  const account = await core<{ roles: { role: string; startsOn: string }[] }>(
    page,
    'members.account',
    { id: member?.id },
  )
  expect(account.roles.find((r) => r.role === 'Trésorier')?.startsOn).toBe('2026-12-05')
})
