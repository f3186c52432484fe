import type { Locator, Page } from '@playwright/test'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { test, expect, E2E_TODAY, E2E_YEAR } from './harness/fixtures'

async function chooseOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

const euros = (minor: number) => formatMoney(money(minor, 'EUR'), 'fr')
const FRANC_ZONE = ['SN', 'CI', 'BF', 'ML', 'NE', 'BJ', 'TG']

test('dues: call a year, a partial XOF payment and a grouped EUR payment, arrears and the dashboard move by exactly those amounts, a reminder names the member and the amount', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000)
  await app.core.openDemo()
  const session = app.core.requireSession()
  // Two members of the demo to work with: one of the franc zone in arrears, and one in euros
  // with at least two calls past due.
  const members = await session.members.list()
  const today = E2E_TODAY
  let xof: (typeof members)[number] | undefined
  let eur: { member: (typeof members)[number]; owed: number } | undefined
  for (const m of members) {
    if (m.status !== 'active' || m.arrearsEur === 0 || !m.country) continue
    const account = await session.dues.account(m.id)
    const pastDue = account.calls.filter((c) => c.outstanding > 0 && c.dueOn < today)
    if (!xof && FRANC_ZONE.includes(m.country) && account.creditEur === 0) xof = m
    if (!eur && !FRANC_ZONE.includes(m.country) && pastDue.length >= 2 && account.creditEur === 0) {
      const [first, second] = pastDue
      eur = { member: m, owed: (first?.outstanding ?? 0) + (second?.outstanding ?? 0) }
    }
  }
  if (!xof || !eur) throw new Error('the demo lacks the members this test needs')
  await app.open()

  // The dashboard before.
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await chooseOption(page, page.locator('main'), 'Année', String(E2E_YEAR))
  const funds = page.getByRole('table', { name: 'Fonds liés et déliés' })
  const untied = funds.locator('tr[data-figure="received"] td[data-class="untied"]')
  // Read once the year's flows are drawn, not the all-years figures shown while they load.
  const yearShown = funds.getByText(`Flux de l’année ${E2E_YEAR}`)
  await expect(yearShown).toBeVisible()
  const before = await untied.textContent()

  // Next year's calls: the scale taken from this year's, previewed, then created.
  const next = E2E_YEAR + 1
  await page.getByRole('button', { name: 'Membres & cotisations' }).click()
  await page.getByRole('tab', { name: 'Cotisations' }).click()
  await chooseOption(page, page.locator('main'), 'Année', String(next))
  await page.getByRole('tab', { name: 'Barème' }).click()
  await page.getByRole('button', { name: `Reprendre le barème de ${next - 1}` }).click()
  await expect(page.getByText(`Barème ${next} repris.`)).toBeVisible()
  await page.getByRole('tab', { name: 'Appels' }).click()
  await page.getByRole('button', { name: 'Prévisualiser' }).click()
  await expect(page.getByRole('note')).toContainText('écarté(s)')
  await app.expectAccessible()
  await page.getByRole('button', { name: 'Créer les appels' }).click()
  await expect(page.getByText(/\d+ appel\(s\) créé\(s\)\./)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Appels' })).toContainText(`AC-${next}-0001`)
  await app.screenshot('11-cotisations-appels')

  // A partial payment in francs CFA: 500,000 XOF is 762.25 € at the fixed parity.
  await page.getByRole('tab', { name: 'Membres' }).click()
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(xof.code)
  await page.getByRole('button', { name: `Ouvrir le membre ${xof.name}` }).click()
  // The arrears, once, in the page's key figures (the dues tab breaks them down by age).
  const arrears = page.locator('p', { hasText: 'Arriérés échus' }).locator('+ p')
  const expectArrears = (minor: number) => expect(arrears).toHaveText([euros(minor)])
  await expectArrears(xof.arrearsEur)
  // The payment form opens in a dialog from its button, on the member's dues tab.
  const openPayment = async () => {
    await page.getByRole('button', { name: 'Enregistrer un encaissement', exact: true }).click()
    const shown = page
      .getByRole('dialog')
      .getByRole('form', { name: 'Enregistrer un encaissement' })
    await expect(shown).toBeVisible()
    return shown
  }
  let form = await openPayment()
  await chooseOption(page, form, 'Devise', 'XOF')
  await form.getByRole('textbox', { name: 'Montant (XOF)', exact: true }).fill('500 000')
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  await expect(page.getByText('Encaissement enregistré')).toBeVisible()
  await expect(form).toBeHidden()
  await expectArrears(xof.arrearsEur - 76_225)
  await app.expectAccessible()
  await app.screenshot('12-membre-cotisations')

  // The reminder names the member and what it still owes.
  app.host.nextExportPath = join(app.folder, 'relance.pdf')
  await page.getByRole('button', { name: 'Relance (PDF)' }).click()
  await expect(page.getByText(/1 lettre\(s\) enregistrée\(s\)/)).toBeVisible()
  const { stdout } = await promisify(execFile)('pdftotext', [app.host.nextExportPath, '-'])
  expect(stdout).toContain(xof.name)
  expect(stdout.replace(/\s+/g, ' ')).toContain(
    `pour un total de ${euros(xof.arrearsEur - 76_225).replace(/\s/g, ' ')}`,
  )

  // A grouped payment in euros settles two calls at once, oldest first.
  await page.getByRole('button', { name: '← Retour aux membres' }).click()
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(eur.member.code)
  await page.getByRole('button', { name: `Ouvrir le membre ${eur.member.name}` }).click()
  await expectArrears(eur.member.arrearsEur)
  form = await openPayment()
  await chooseOption(page, form, 'Devise', 'EUR')
  await form
    .getByRole('textbox', { name: 'Montant (EUR)', exact: true })
    .fill(formatMoney(money(eur.owed, 'EUR'), 'fr').replace(/\s€$/u, ''))
  await form.getByRole('button', { name: 'Enregistrer l’encaissement' }).click()
  await expect(page.getByText('Encaissement enregistré')).toBeVisible()
  await expect(form).toBeHidden()
  await expectArrears(eur.member.arrearsEur - eur.owed)
  const payments = page.getByRole('table', { name: 'Encaissements' })
  await expect(payments.getByRole('row').last()).toContainText(', ')

  // The dashboard's untied income moved by exactly the two payments.
  await page.getByRole('button', { name: 'Tableau de bord' }).click()
  await chooseOption(page, page.locator('main'), 'Année', String(E2E_YEAR))
  await expect(yearShown).toBeVisible()
  const parse = (text: string | null) =>
    Number((text ?? '').replace(/[^\d,]/g, '').replace(',', ''))
  await expect
    .poll(async () => parse(await untied.textContent()) - parse(before))
    .toBe(76_225 + eur.owed)
})
