import { join } from 'node:path'
import { channels } from './harness/channels'
import { test, expect } from './harness/fixtures'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
/** A stored column's name (amount_minor, agreement_signed) or code left as stored. */
const COLUMN_NAME = /\b[a-z]+_[a-z_]+\b/
/** An amount in minor units as stored: six digits or more with no group separator. */
const RAW_MINOR = /\d{6,}/

function expectReadable(text: string) {
  expect(text).not.toMatch(UUID)
  expect(text).not.toMatch(COLUMN_NAME)
  expect(text).not.toMatch(RAW_MINOR)
}

test('a record’s history and the journal read as an auditor reads them', async ({ app, page }) => {
  await app.core.createFile(join(app.folder, 'historique.sqlite'))
  const call = channels(app.core)
  const funder = await call('funders.create', {
    name: 'Union économique et monétaire ouest-africaine',
    acronym: 'UEMOA',
    kind: 'multilateral',
    defaultCurrency: 'XOF',
  })
  const fields = {
    funderId: funder.id,
    reference: 'UEMOA-2026-01',
    title: 'Villes durables',
    signedOn: '2026-02-15',
    startsOn: '2026-03-01',
    endsOn: '2028-12-31',
    currency: 'XOF' as const,
    amount: '250000000',
    earmarking: 'programme' as const,
    programmeCode: 'essential_services',
    nature: 'operating' as const,
    cofinancingPercent: '24.5',
  }
  const agreement = await call('agreements.create', fields)
  await call('agreements.update', { id: agreement.id, fields: { ...fields, amount: '300000000' } })

  await app.open()
  await page.getByRole('button', { name: 'Conventions' }).click()
  await page.getByRole('button', { name: 'Ouvrir UEMOA-2026-01' }).click()
  await page.getByRole('tab', { name: 'Historique', exact: true }).click()
  const history = page
    .getByRole('heading', { name: 'Historique des modifications' })
    .locator('xpath=..')
  await expect(history).toContainText(
    'Montant : 250\u202f000\u202f000 F\u00a0CFA (BCEAO) → 300\u202f000\u202f000 F\u00a0CFA (BCEAO)',
  )
  await expect(history).toContainText(
    'Bailleur : — → Union économique et monétaire ouest-africaine (UEMOA)',
  )
  await expect(history).toContainText('Programme AIMF : — → Services essentiels')
  await expect(history).toContainText('Signé le : — → 15/02/2026')
  expectReadable(await history.innerText())
  await app.expectAccessible()

  // The journal shows the same words, with each record's name.
  await page.getByRole('button', { name: 'Paramètres' }).click()
  await page
    .getByRole('navigation', { name: 'Sections des paramètres' })
    .getByRole('button', { name: 'Journal des modifications' })
    .click()
  const journal = page.getByRole('table', { name: 'Journal des modifications' })
  // Paramètres asks the core for its every section at once (backups, sync, rates…): the
  // journal's answer (10 ms in the core) came 14 s later on a machine at load 21.
  await expect(journal).toContainText('UEMOA-2026-01 — Villes durables', { timeout: 60_000 })
  await expect(journal).toContainText('Montant : 250\u202f000\u202f000 F\u00a0CFA (BCEAO) →')
  expectReadable(await journal.innerText())

  // « Voir » on a line opens the record's own page.
  await journal
    .getByRole('button', { name: 'Voir UEMOA-2026-01 — Villes durables' })
    .first()
    .click()
  await expect(page.getByRole('heading', { name: /UEMOA-2026-01/ }).first()).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Historique', exact: true })).toBeVisible()
})
