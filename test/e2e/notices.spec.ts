import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { channels, euPeaceAgreement } from './harness/channels'
import { test, expect, E2E_TODAY } from './harness/fixtures'

/** Cancels the first receipt still listed on the agreement's page, with a reason. */
async function reverseFirstReceipt(page: Page, reason: string) {
  await page.getByRole('button', { name: 'Annuler ce versement' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Annuler ce versement' })
  await dialog.getByLabel('Raison de l’annulation').fill(reason)
  await dialog.getByRole('button', { name: 'Annuler ce versement' }).click()
  await expect(dialog).toBeHidden()
  // The pointer away from the corner where the notices are: hovering one holds it.
  await page.mouse.move(300, 300)
}

test('a notice of what was done fades after its delay, is held while hovered, and goes with the screen', async ({
  app,
  page,
}) => {
  await app.core.createFile(join(app.folder, 'avis.sqlite'))
  const call = channels(app.core)
  const { agreement } = await euPeaceAgreement(call, 2026)
  for (const month of ['02', '03', '04', '05', '06', '07'])
    await call('receipts.add', {
      confirmed: true,
      agreementId: agreement.id,
      receivedOn: `2026-${month}-16`,
      amount: '10000',
    })
  // The page's timers under the test's hand, from the harness day.
  await page.clock.install({ time: new Date(`${E2E_TODAY}T10:00:00`) })
  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UE-2026-PAIX' }).click()
  await page.getByRole('tab', { name: 'Encaissements', exact: true }).click()
  const notice = page.getByTestId('notice')

  // Said, then gone by itself after a few seconds.
  await reverseFirstReceipt(page, 'Saisi deux fois')
  await expect(notice).toContainText('annulé. Raison : Saisi deux fois')
  await page.clock.fastForward(4_000)
  await expect(notice).toBeVisible()
  await page.clock.fastForward(3_000)
  await expect(notice).toHaveCount(0)

  // Held while the pointer is on it; its time starts over once the pointer has left.
  await reverseFirstReceipt(page, 'Virement rejeté')
  await expect(notice).toContainText('Raison : Virement rejeté')
  await notice.hover()
  await page.clock.fastForward(20_000)
  await expect(notice).toBeVisible()
  await page.mouse.move(300, 300)
  await page.clock.fastForward(7_000)
  await expect(notice).toHaveCount(0)

  // Several in a row: a few at most, the newest last and « the notice ».
  for (const reason of ['Erreur 1', 'Erreur 2', 'Erreur 3', 'Erreur 4'])
    await reverseFirstReceipt(page, reason)
  await expect(notice).toContainText('Raison : Erreur 4')
  expect(await page.locator('[data-testid^="notice"][role="alert"]').count()).toBeLessThanOrEqual(3)
  await app.screenshot('notices-stacked')

  // Gone when the user moves to another screen: nothing left over the budget's figures.
  await page.getByRole('button', { name: 'Budget', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('[data-testid^="notice"][role="alert"]')).toHaveCount(0)
  await app.screenshot('notices-budget')
})

test('a refusal no screen showed stays until closed, once however often it is said, and hides nothing', async ({
  app,
  page,
}) => {
  await app.core.openDemo()
  await page.clock.install({ time: new Date(`${E2E_TODAY}T10:00:00`) })
  await app.open()
  await page.getByRole('button', { name: 'Budget', exact: true }).click()
  await expect(page.getByRole('table').first()).toBeVisible()

  // Ctrl+Z with no edit of a field to undo: refused; said three times, shown once.
  await page.getByRole('heading', { level: 1 }).first().click()
  await page.keyboard.press('Control+z')
  const refusal = page.locator('[data-testid^="notice"][data-tone="error"]')
  await expect(refusal).toHaveCount(1)
  const said = await refusal.textContent()
  await page.keyboard.press('Control+z')
  await page.keyboard.press('Control+z')
  await expect(refusal).toHaveCount(1)
  await expect(refusal).toHaveText(said ?? '')

  // It stays, whatever the time and the screen.
  await page.clock.fastForward(60_000)
  await expect(refusal).toBeVisible()
  await page.getByRole('button', { name: 'Rapports' }).click()
  await expect(refusal).toBeVisible()
  await page.getByRole('button', { name: 'Budget', exact: true }).click()
  await expect(page.getByRole('table').first()).toBeVisible()

  // The page ends with room for it: scrolled to the end, no figure is left under it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  const tables = page.getByRole('table')
  const lastTable = tables.nth((await tables.count()) - 1)
  const tableBox = await lastTable.boundingBox()
  const noticeBox = await refusal.boundingBox()
  if (!tableBox || !noticeBox) throw new Error('no table or no notice on screen')
  expect(tableBox.y + tableBox.height).toBeLessThanOrEqual(noticeBox.y)
  await app.screenshot('notices-refusal')

  await refusal.getByRole('button', { name: 'Fermer' }).click()
  await expect(refusal).toHaveCount(0)
})
