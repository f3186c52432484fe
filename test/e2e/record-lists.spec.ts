import type { Locator, Page } from '@playwright/test'
import { join } from 'node:path'
import type { AgreementDetail } from '@shared/funds/schema'
import type { OverheadPosition } from '@shared/funds/overhead'
import type { ProjectDetail, ProjectSummary } from '@shared/projects/schema'
import type { Agreement } from '@shared/funds/schema'
import { numberIn, readWorkbook } from '../support/exports'
import { test, expect } from './harness/fixtures'
import {
  atListSizes,
  cellsUnder,
  core,
  expectMoneyInView,
  headersOf,
  LIST_SIZES,
  listOf,
  sum,
  totalUnder,
} from './harness/register-checks'

/**
 * The lists inside an agreement's and a project's tabs are the register list of every area: at
 * both sizes their amounts are in view, each totals row is the sum of the rows shown and the
 * core's own figure (read through the page's channels), an exported list reads back as shown,
 * and the column chooser tells a column crowded out for lack of room from one left out.
 */

/** The demo's agreement with the most receipts (and an instalment), and its detail. */
async function busiestAgreement(page: Page): Promise<AgreementDetail> {
  const all = await core<Agreement[]>(page, 'agreements.list', {})
  const details = await Promise.all(
    all.map((a) => core<AgreementDetail>(page, 'agreements.get', { id: a.id })),
  )
  const chosen = details
    .filter((a) => a.currency === 'EUR' && a.instalments.length > 0)
    .sort((a, b) => b.receipts.length - a.receipts.length)[0]
  if (!chosen || chosen.receipts.length < 2) throw new Error('no agreement with receipts')
  return chosen
}

/** The demo's project with paid tranches, expenses and ledger entries, all in euros. */
async function busiestProject(page: Page): Promise<ProjectDetail> {
  const all = await core<ProjectSummary[]>(page, 'projects.list', {})
  const details = await Promise.all(
    all
      .filter((p) => p.paidEur > 0 && p.currency === 'EUR')
      .map((p) => core<ProjectDetail>(page, 'projects.get', { id: p.id })),
  )
  const chosen = details
    .filter((p) => p.plan.lines.every((l) => l.currency === 'EUR'))
    .sort((a, b) => b.ledger.length + b.expenses.length - a.ledger.length - a.expenses.length)[0]
  if (!chosen) throw new Error('no project with payments')
  return chosen
}

/**
 * A list's amounts are in view, each totalled column's total is the sum of its rows, and the
 * totals named are the core's figures.
 */
async function expectTotals(page: Page, table: Locator, core: Record<string, number>) {
  await expect(table.locator('tfoot')).toContainText('Total')
  await expectMoneyInView(page, table)
  const kinds = await table
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-kind')))
  const headers = await headersOf(table)
  for (const [index, header] of headers.entries()) {
    if (index === 0 || kinds[index] !== 'money') continue
    const total = await totalUnder(table, header)
    // A running figure (cumulative, a balance) is drawn but not added up.
    if (total === null) continue
    expect(total, `total of ${header}`).toBe(sum(await cellsUnder(table, header)))
  }
  for (const [header, figure] of Object.entries(core))
    expect(await totalUnder(table, header), `${header}: the core's figure`).toBe(figure)
}

async function openAgreement(page: Page, reference: string) {
  await page.getByRole('button', { name: 'Conventions', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(reference)
  // The agreement's own button (not a date filter's calendar, nor its funder's page).
  await page
    .getByRole('button', { name: /^Ouvrir (?!le calendrier|la fiche)/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference)
}

async function openProject(page: Page, code: string) {
  await page.getByRole('button', { name: 'Projets', exact: true }).click()
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(code)
  await page.getByRole('button', { name: `Ouvrir le projet ${code}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code)
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click()

// Seven engineers share two cores: axe and full-page screenshots are slow under that load.
atListSizes({ timeout: 240_000, demo: true }, (width) => {
  test('an agreement: receipts, schedule, amendments and overhead totalled as the core', async ({
    app,
    page,
  }) => {
    const agreement = await busiestAgreement(page)
    await openAgreement(page, agreement.reference)
    const currency = agreement.currency

    await tab(page, 'Encaissements')
    const receipts = page.getByRole('table', { name: 'Versements reçus' })
    await expectTotals(page, receipts, {
      [`Montant (${currency})`]: agreement.figures.received,
      'Contre-valeur': agreement.figuresEur.received,
    })
    await expect(receipts.locator('tbody tr[data-index]')).toHaveCount(agreement.receipts.length)
    await app.expectAccessible()
    await app.screenshot(`record-lists-agreement-receipts-${width}`)

    // Exported as shown: the headers, then the totals row at the bottom of the sheet.
    app.host.nextExportPath = join(app.folder, 'receipts.xlsx')
    await listOf(receipts).getByRole('button', { name: 'Exporter (Excel)' }).click()
    await expect(page.getByText(`Liste enregistrée : ${app.host.nextExportPath}`)).toBeVisible()
    const sheet = (await readWorkbook(app.host.nextExportPath)).worksheets[0]
    if (!sheet) throw new Error('no sheet')
    const headers = await headersOf(receipts)
    const shownHeaders = headers.slice(0, -1) // the rows' buttons are not exported
    let headerRow = 0
    sheet.eachRow((row, index) => {
      if (!headerRow && row.getCell(1).text === shownHeaders[0]) headerRow = index
    })
    expect(headerRow).toBeGreaterThan(0)
    expect(shownHeaders.map((_, i) => sheet.getRow(headerRow).getCell(i + 1).text)).toEqual(
      shownHeaders,
    )
    expect(sheet.rowCount - headerRow).toBe(agreement.receipts.length + 1)
    const amountColumn = shownHeaders.indexOf(`Montant (${currency})`) + 1
    const lastRow = sheet.getRow(sheet.rowCount)
    expect(Math.round(numberIn(lastRow.getCell(amountColumn)) * 100)).toBe(
      agreement.figures.received,
    )

    await tab(page, 'Échéancier et rapports')
    const schedule = page.getByRole('table', { name: 'Échéancier du bailleur' })
    await expectTotals(page, schedule, {
      [`Montant (${currency})`]: sum(agreement.instalments.map((i) => i.amount)),
      Manquant: sum(agreement.instalments.map((i) => i.missing)),
    })
    // The cumulative figures are running ones: not added up.
    expect(await totalUnder(schedule, 'Cumul prévu')).toBeNull()
    await app.expectAccessible()

    if (agreement.amendments.length > 0) {
      await tab(page, 'Avenants')
      const amendments = page.getByRole('table', { name: 'Avenants' })
      await expectTotals(page, amendments, {
        [`Variation du montant (${currency})`]: sum(
          agreement.amendments.map((a) => a.amountChange),
        ),
      })
    }

    const overhead = await core<OverheadPosition>(page, 'agreements.overhead', {
      id: agreement.id,
    })
    if (overhead.postings.length > 0) {
      await tab(page, 'Résumé')
      await expectTotals(page, page.getByRole('table', { name: 'Récupérations' }), {
        Montant: overhead.posted,
      })
    }
  })

  test('a project: plan, tranches, expenses and ledger totalled as its key figures', async ({
    app,
    page,
  }) => {
    const project = await busiestProject(page)
    await openProject(page, project.code)

    await tab(page, 'Plan de financement')
    const plan = page.getByRole('table', { name: 'Plan de financement' })
    await expectTotals(page, plan, {
      Montant: project.plan.total,
      'Contre-valeur (EUR)': sum(project.plan.lines.map((l) => l.eurAmount)),
    })
    await app.expectAccessible()

    await tab(page, 'Tranches')
    const tranches = page.getByRole('table', { name: 'Tranches versées à la ville' })
    await expectTotals(page, tranches, { 'Versé (EUR)': project.paidEur })
    await app.expectAccessible()
    await app.screenshot(`record-lists-project-tranches-${width}`)

    if (project.expenses.length > 0) {
      await tab(page, 'Dépenses')
      await expectTotals(
        page,
        page.getByRole('table', { name: 'Dépenses justifiées par la ville' }),
        {
          'Contre-valeur (EUR)': project.justification.justifiedEur,
        },
      )
    }

    await tab(page, 'Grand livre')
    const ledger = page.getByRole('table', { name: 'Écritures au grand livre' })
    await expectTotals(page, ledger, {
      'Affecté (EUR)': project.committedEur,
      'Versé (EUR)': project.paidEur,
    })
    await expect(ledger.locator('tbody tr[data-index]')).toHaveCount(project.ledger.length)
    // Grouped by kind: a subtotal per kind, the same total.
    await listOf(ledger).getByRole('textbox', { name: 'Regrouper par', exact: true }).click()
    await page.getByRole('option', { name: 'Nature', exact: true }).click()
    await expect(ledger.locator('tbody')).toContainText('Sous-total')
    expect(await totalUnder(ledger, 'Versé (EUR)')).toBe(project.paidEur)
    await app.expectAccessible()
    await app.screenshot(`record-lists-project-ledger-${width}`)
  })
})

test('the column chooser: a column crowded out for room is unticked, ticking it makes room, remembered', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.openDemo()
  await app.open()
  const project = await busiestProject(page)
  await openProject(page, project.code)
  await tab(page, 'Tranches')
  const tranches = page.getByRole('table', { name: 'Tranches versées à la ville' })
  const before = await headersOf(tranches)
  expect(before).not.toContain('Référence bancaire')
  await listOf(tranches)
    .getByRole('button', { name: /^Colonnes/ })
    .click()
  const chooser = page.getByRole('group', { name: 'Colonnes affichées' })
  const crowded = chooser.getByRole('checkbox', { name: 'Référence bancaire' })
  // Crowded out for room: not ticked, and it says what ticking it would push out.
  await expect(crowded).not.toBeChecked()
  await expect(chooser).toContainText('Masquée faute de place : la cocher retire')
  await crowded.check()
  await expect(tranches.locator('thead')).toContainText('Référence bancaire')
  const after = await headersOf(tranches)
  // Room made by dropping another column; every amount still there.
  expect(after.length).toBeLessThanOrEqual(before.length + 1)
  for (const money of ['Versé (EUR)', 'Montant versé']) expect(after).toContain(money)
  await expectMoneyInView(page, tranches)
  // Remembered for this list: the project opened again shows it.
  await page.keyboard.press('Escape')
  await openProject(page, project.code)
  await tab(page, 'Tranches')
  await expect(tranches.locator('thead')).toContainText('Référence bancaire')
  await app.expectAccessible()
})

test('the record lists in English, at both sizes', async ({ app, page }) => {
  test.setTimeout(240_000)
  await app.core.openDemo()
  await app.core.setLanguage('en')
  for (const viewport of LIST_SIZES) {
    await page.setViewportSize(viewport)
    await app.open()
    const project = await busiestProject(page)
    await page.getByRole('button', { name: 'Projects', exact: true }).click()
    await page.getByRole('searchbox', { name: 'Search' }).fill(project.code)
    await page.getByRole('button', { name: `Open project ${project.code}` }).click()
    await page.getByRole('tab', { name: 'Ledger', exact: true }).click()
    const ledger = page.getByRole('table', { name: 'Ledger entries' })
    await expectTotals(page, ledger, {
      'Allocated (EUR)': project.committedEur,
      'Paid (EUR)': project.paidEur,
    })
    await app.screenshot(`record-lists-project-ledger-${viewport.width}-en`)
    const agreement = await busiestAgreement(page)
    await page.getByRole('button', { name: 'Agreements', exact: true }).click()
    await page.getByRole('searchbox', { name: 'Search' }).fill(agreement.reference)
    await page
      .getByRole('button', { name: /^Open / })
      .first()
      .click()
    await page.getByRole('tab', { name: 'Receipts', exact: true }).click()
    await expectTotals(page, page.getByRole('table', { name: 'Receipts' }), {
      [`Amount (${agreement.currency})`]: agreement.figures.received,
    })
    await app.screenshot(`record-lists-agreement-receipts-${viewport.width}-en`)
    await app.expectAccessible()
  }
})
