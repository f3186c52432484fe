import type { Locator } from '@playwright/test'
import type ExcelJS from 'exceljs'
import { join } from 'node:path'
import { readWorkbook, numberIn } from '../support/exports'
import { E2E_YEAR, test, expect } from './harness/fixtures'
import {
  atListSizes,
  cents,
  core,
  expectMoneyInView,
  LIST_SIZES,
  listOf,
  sum,
  totalUnder,
} from './harness/register-checks'

// Seven engineers share two cores: axe and full-page screenshots are slow under that load.
atListSizes({ timeout: 180_000, demo: true }, (size) => {
  test('Conventions: tied money totalled as the rows and as the dashboard', async ({
    app,
    page,
  }) => {
    await page.getByRole('button', { name: 'Conventions' }).click()
    const agreements = page.getByRole('table', { name: 'Conventions' })
    await expect(agreements.locator('tfoot')).toContainText('Total')
    await expectMoneyInView(page, agreements)
    await app.expectAccessible()
    await app.screenshot(`lists-conventions-${size}-fr`)
    await page.getByRole('textbox', { name: 'Fonds', exact: true }).click()
    await page.getByRole('option', { name: 'Fonds liés (fléchés)', exact: true }).click()
    type Figures = { committed: number; received: number }
    const list = await core<{ fundClass: string; figuresEur: Figures }[]>(page, 'agreements.list', {
      includeArchived: false,
    })
    const tied = list.filter((a) => a.fundClass === 'tied')
    await expect(page.getByText(`${tied.length} ligne(s)`)).toBeVisible()
    const summary = await core<{ byClass: Record<'tied', Figures> }>(page, 'funds.summary', {})
    const committed = sum(tied.map((a) => a.figuresEur.committed))
    expect(await totalUnder(agreements, 'Engagé (EUR)')).toBe(committed)
    expect(committed).toBe(summary.byClass.tied.committed)
    const received = sum(tied.map((a) => a.figuresEur.received))
    expect(await totalUnder(agreements, 'Reçu (EUR)')).toBe(received)
    expect(received).toBe(summary.byClass.tied.received)
  })

  test('Bailleurs and Projets: amounts in view, totals of the rows', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Bailleurs' }).click()
    const funders = page.getByRole('table', { name: 'Bailleurs' })
    await expect(funders.locator('tfoot')).toContainText('Total')
    await expectMoneyInView(page, funders)
    const list = await core<{ figuresEur: { committed: number } }[]>(page, 'agreements.list', {
      includeArchived: false,
    })
    expect(await totalUnder(funders, 'Engagé (EUR)')).toBe(
      sum(list.map((a) => a.figuresEur.committed)),
    )
    await app.expectAccessible()
    await app.screenshot(`lists-bailleurs-${size}-fr`)

    await page.getByRole('button', { name: 'Projets' }).click()
    const projects = page.getByRole('table', { name: 'Projets' })
    await expect(projects.locator('tfoot')).toContainText('Total')
    await expectMoneyInView(page, projects)
    const projectRows = await core<{ committedEur: number; paidEur: number }[]>(
      page,
      'projects.list',
      { includeArchived: false },
    )
    expect(await totalUnder(projects, 'Engagé AIMF (EUR)')).toBe(
      sum(projectRows.map((p) => p.committedEur)),
    )
    expect(await totalUnder(projects, 'Versé (EUR)')).toBe(sum(projectRows.map((p) => p.paidEur)))
    await app.expectAccessible()
    await app.screenshot(`lists-projets-${size}-fr`)
  })

  test('Membres and the payments of a year: searched, totalled as the core', async ({
    app,
    page,
  }) => {
    await page.getByRole('button', { name: 'Membres & cotisations' }).click()
    const members = page.getByRole('table', { name: 'Membres' })
    await expect(members.locator('tfoot')).toContainText('Total')
    await expectMoneyInView(page, members)
    const memberRows = await core<{ arrearsEur: number }[]>(page, 'members.list', {})
    expect(await totalUnder(members, 'Arriérés (EUR)')).toBe(
      sum(memberRows.map((m) => m.arrearsEur)),
    )
    await app.expectAccessible()
    await page.getByRole('tab', { name: 'Cotisations' }).click()
    await page.getByRole('tab', { name: 'Encaissements' }).click()
    type Payment = { eurAmount: number; memberName: string }
    const thisYear = E2E_YEAR
    let year = thisYear
    let payments: Payment[] = []
    for (let y = thisYear; y > thisYear - 6; y -= 1) {
      const found = await core<Payment[]>(page, 'dues.payments', { year: y })
      if (found.length > payments.length) [year, payments] = [y, found]
    }
    expect(payments.length).toBeGreaterThan(10)
    await page.getByRole('textbox', { name: 'Année', exact: true }).click()
    await page.getByRole('option', { name: String(year), exact: true }).click()
    const paymentsTable = page.getByRole('table', { name: 'Encaissements' })
    await expect(page.getByText(`${payments.length} ligne(s)`)).toBeVisible()
    await expectMoneyInView(page, paymentsTable)
    expect(await totalUnder(paymentsTable, 'Montant (EUR)')).toBe(
      sum(payments.map((p) => p.eurAmount)),
    )
    const who = payments[0]?.memberName ?? ''
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(who)
    const theirs = payments.filter((p) => p.memberName.includes(who))
    await expect(page.getByText(`${theirs.length} ligne(s)`)).toBeVisible()
    expect(await totalUnder(paymentsTable, 'Montant (EUR)')).toBe(
      sum(theirs.map((p) => p.eurAmount)),
    )
    await app.expectAccessible()
    await app.screenshot(`lists-encaissements-${size}-fr`)
  })

  test('A member’s calls and payments, and the rates: amounts in view, totals of the rows', async ({
    app,
    page,
  }) => {
    await page.getByRole('button', { name: 'Membres & cotisations' }).click()
    const members = page.getByRole('table', { name: 'Membres' })
    const first = members.locator('tbody tr[data-line="0"]')
    const code = (await first.locator('td').first().innerText()).trim()
    const list = await core<{ id: string; code: string; name: string }[]>(page, 'members.list', {})
    const member = list.find((m) => m.code === code || m.name === code)
    if (!member) throw new Error(`no member ${code}`)
    await first.dblclick()
    type Account = {
      calls: { amount: number; outstanding: number }[]
      payments: { eurAmount: number }[]
    }
    const account = await core<Account>(page, 'members.account', { id: member.id })
    const calls = page.getByRole('table', { name: 'Appels de cotisation' })
    const payments = page.getByRole('table', { name: 'Encaissements' })
    await expectMoneyInView(page, calls)
    await expectMoneyInView(page, payments)
    expect(await totalUnder(calls, 'Montant')).toBe(sum(account.calls.map((c) => c.amount)))
    expect(await totalUnder(calls, 'Reste dû')).toBe(sum(account.calls.map((c) => c.outstanding)))
    expect(await totalUnder(payments, 'Montant (EUR)')).toBe(
      sum(account.payments.map((p) => p.eurAmount)),
    )
    // The arrears once: in the page's key figures, not again in the tab.
    await expect(page.getByText('Arriérés échus', { exact: true })).toHaveCount(1)
    await app.expectAccessible()
    await app.screenshot(`lists-membre-${size}-fr`)

    await page.getByRole('button', { name: 'Paramètres' }).click()
    await page
      .getByRole('navigation', { name: 'Sections des paramètres' })
      .getByRole('button', { name: 'Taux de change' })
      .click()
    const rates = page.getByRole('table', { name: 'Taux de change' })
    const recorded = await core<unknown[]>(page, 'rates.list', { latest: 300 })
    await expect(listOf(rates).locator('.register-count')).toContainText(
      `${recorded.length} ligne(s)`,
    )
    await app.expectAccessible()
  })

  test('Appels: amounts in view, totals of the rows, grouped, row buttons kept', async ({
    app,
    page,
  }) => {
    // The calls of the year with the most of them.
    await page.getByRole('button', { name: 'Membres & cotisations' }).click()
    await page.getByRole('tab', { name: 'Cotisations' }).click()
    await page.getByRole('tab', { name: 'Appels' }).click()
    type Call = { amount: number; outstanding: number; currency: string; status: string }
    let year = E2E_YEAR
    let calls: Call[] = []
    for (let y = E2E_YEAR; y > E2E_YEAR - 6; y -= 1) {
      const found = await core<Call[]>(page, 'dues.calls', { year: y })
      if (found.length > calls.length) [year, calls] = [y, found]
    }
    expect(calls.length).toBeGreaterThan(10)
    expect(new Set(calls.map((c) => c.currency))).toEqual(new Set(['EUR']))
    await page.getByRole('textbox', { name: 'Année', exact: true }).click()
    await page.getByRole('option', { name: String(year), exact: true }).click()
    const callsTable = page.getByRole('table', { name: 'Appels' })
    await expect(listOf(callsTable).locator('.register-count')).toContainText(
      `${calls.length} ligne(s)`,
    )
    await expectMoneyInView(page, callsTable)
    // The member of each call beside its amounts at every width.
    await expect(callsTable.locator('thead')).toContainText('Membre')
    expect(await totalUnder(callsTable, 'Montant')).toBe(sum(calls.map((c) => c.amount)))
    expect(await totalUnder(callsTable, 'Reste dû')).toBe(sum(calls.map((c) => c.outstanding)))
    // The row's buttons are still there, and Enter on one presses it (not the row's Enter).
    const change = callsTable.getByRole('button', { name: 'Corriger le montant' }).first()
    await change.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Corriger le montant' })
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    // Grouped by status: each status a heading with its count, the totals unchanged.
    await listOf(callsTable).getByRole('textbox', { name: 'Regrouper par', exact: true }).click()
    await page.getByRole('option', { name: 'Statut', exact: true }).click()
    await expect(callsTable.locator('tbody tr.register-group').first()).toHaveText(/^.+ \(\d+\)$/)
    expect(await totalUnder(callsTable, 'Montant')).toBe(sum(calls.map((c) => c.amount)))
    expect(page.url()).toContain('calls.group=status')
    await app.expectAccessible()
    await app.screenshot(`lists-appels-${size}-fr`)
  })

  test('the year’s expenses: amounts in view, cancelled ones in no total, row buttons kept', async ({
    app,
    page,
  }) => {
    await page.getByRole('button', { name: 'Budget', exact: true }).click()
    await page.getByRole('tab', { name: 'Dépenses de l’exercice' }).click()
    type Expense = { eurAmount: number; cancelReason: string | null }
    const expenses = await core<Expense[]>(page, 'budget.expenses', { year: E2E_YEAR })
    expect(expenses.length).toBeGreaterThan(10)
    const expensesTable = page.getByRole('table', { name: 'Dépenses de l’exercice' })
    await expect(listOf(expensesTable).locator('.register-count')).toContainText(
      `${expenses.length} ligne(s)`,
    )
    await expectMoneyInView(page, expensesTable)
    expect(await totalUnder(expensesTable, 'Montant (EUR)')).toBe(
      sum(expenses.filter((e) => !e.cancelReason).map((e) => e.eurAmount)),
    )
    await expect(
      expensesTable.getByRole('button', { name: 'Annuler la dépense' }).first(),
    ).toBeVisible()
    // Each row shows its amounts, not only the totals.
    const firstRow = expensesTable.locator('tbody tr[data-line="0"]')
    await expect(firstRow).toContainText(/\d,\d\d\s€/)
    const search = listOf(expensesTable).getByRole('searchbox', { name: 'Rechercher' })
    const count = listOf(expensesTable).locator('.register-count')
    await search.fill('mission')
    await expect(count).not.toContainText(`${expenses.length} ligne(s)`)
    const found = await count.innerText()
    // Key by key, the search narrows the rows it found; a key taken back widens it again, and
    // neither case nor accents count.
    await search.press('x')
    await expect(count).toContainText(/^0 ligne\(s\)/)
    await search.press('Backspace')
    await expect(count).toHaveText(found)
    await search.fill('MISSIÓN')
    await expect(count).toHaveText(found)
    await search.fill('mission')
    expect(page.url()).toContain('expenses.q=mission')
    await app.expectAccessible()
    await app.screenshot(`lists-depenses-${size}-fr`)
  })

  test('the journal: searched by the core, what changed always in view', async ({ app, page }) => {
    await page.getByRole('button', { name: 'Paramètres' }).click()
    await page
      .getByRole('navigation', { name: 'Sections des paramètres' })
      .getByRole('button', { name: 'Journal des modifications' })
      .click()
    const journal = page.getByRole('table', { name: 'Journal des modifications' })
    // What changed and on which record stay in view at every width.
    await expect(journal.locator('tbody')).toContainText(' → ', { timeout: 60_000 })
    await expect(journal.locator('thead')).toContainText('Modifications')
    await expect(journal.locator('thead')).toContainText('Enregistrement')
    await listOf(journal).getByRole('searchbox', { name: 'Rechercher' }).fill('assainissement')
    await expect(journal.locator('tbody')).toContainText(/assainissement/i)
    expect(page.url()).toContain('journal.q=assainissement')
    await app.expectAccessible()
    await app.screenshot(`lists-journal-${size}-fr`)
  })
})

test('a list grouped and exported reads back as shown; its view survives a record opened; the keyboard opens a row', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 720 })
  await app.core.openDemo()
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  const table = page.getByRole('table', { name: 'Conventions' })
  await page.getByRole('textbox', { name: 'Regrouper par', exact: true }).click()
  await page.getByRole('option', { name: 'Bailleur', exact: true }).click()
  await expect(table.locator('tbody')).toContainText('Sous-total')

  app.host.nextExportPath = join(app.folder, 'conventions.xlsx')
  await page.getByRole('button', { name: 'Exporter (Excel)' }).click()
  await expect(page.getByText(`Liste enregistrée : ${app.host.nextExportPath}`)).toBeVisible()
  const sheet = (await readWorkbook(app.host.nextExportPath)).worksheets[0]
  if (!sheet) throw new Error('no sheet')
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim())
  let headerRow = 0
  sheet.eachRow((row, index) => {
    if (!headerRow && row.getCell(1).text === headers[0]) headerRow = index
  })
  expect(headerRow).toBeGreaterThan(0)
  expect(headers.map((_, i) => sheet.getRow(headerRow).getCell(i + 1).text)).toEqual(headers)
  const kinds = await table
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-kind')))
  // The lines drawn on screen from the top (the list scrolls virtually), then the totals at
  // the bottom of the sheet.
  const drawn = table.locator('tbody tr:not([aria-hidden])')
  const totalsRows = table.locator('tfoot tr')
  const lastRow = sheet.rowCount
  const count = await drawn.count()
  const footer = await totalsRows.count()
  expect(count).toBeGreaterThan(5)
  const compare = async (line: Locator, row: ExcelJS.Row) => {
    const cells = await line.locator('th, td').allInnerTexts()
    if (cells.length === 1) {
      expect(row.getCell(1).text).toBe(cells[0]?.trim())
      return
    }
    cells.forEach((text, c) => {
      const cell = row.getCell(c + 1)
      if (kinds[c] === 'money') {
        const shown = cents(text)
        if (shown === null) expect(cell.value).toBeNull()
        else expect(Math.round(numberIn(cell) * 100)).toBe(shown)
      } else if (kinds[c] === 'text' && c > 0) {
        expect(cell.text).toBe(text.trim())
      }
    })
  }
  for (let i = 0; i < count; i += 1) await compare(drawn.nth(i), sheet.getRow(headerRow + 1 + i))
  for (let i = 0; i < footer; i += 1)
    await compare(totalsRows.nth(i), sheet.getRow(lastRow - footer + 1 + i))

  // The search and grouping stay in the address: a record opened and closed finds them.
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('UE')
  const shown = await page.getByText(/\d+ ligne\(s\)/).innerText()
  await table.locator('tbody tr[tabindex="0"]').focus()
  // Grouped: the first line is its group's heading, the next its first agreement.
  await page.keyboard.press('ArrowDown')
  const reference = await page.locator('tbody tr:focus').locator('td, th').first().innerText()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference.trim())
  expect(page.url()).toContain('agreements.q=UE')
  await page
    .getByRole('button', { name: /Retour/ })
    .first()
    .click()
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('UE')
  await expect(page.getByText(/\d+ ligne\(s\)/)).toHaveText(shown)
  await expect(table.locator('tbody')).toContainText('Sous-total')
  // Typing on a row searches.
  await table.locator('tbody tr[tabindex="0"]').focus()
  await page.keyboard.type('x')
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toHaveValue('UEx')
})

test('the lists in English, at both sizes', async ({ app, page }) => {
  test.setTimeout(120_000)
  await app.core.openDemo()
  await app.core.setLanguage('en')
  for (const viewport of LIST_SIZES) {
    await page.setViewportSize(viewport)
    await app.open()
    for (const [nav, name, shot] of [
      ['Agreements', 'Agreements', 'agreements'],
      ['Projects', 'Projects', 'projects'],
      ['Budget', 'Expenses of the year', 'expenses'],
    ] as const) {
      await page.getByRole('button', { name: nav, exact: true }).click()
      if (nav === 'Budget') await page.getByRole('tab', { name }).click()
      const table = page.getByRole('table', { name })
      await expect(table.locator('tfoot')).toContainText('Total')
      await expectMoneyInView(page, table)
      await app.screenshot(`lists-${shot}-${viewport.width}-en`)
    }
    await app.expectAccessible()
  }
})
