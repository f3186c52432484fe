import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { sharingWorld, type SharingWorld } from '../budget/cost-sharing-setup'
import type { TestApp } from '../support/core'
import { missionLaptop, syncBothWays } from './both-ways'

const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

/** An office and its mission laptop, both synced, sharing a folder. */
async function twoCopies(): Promise<{ world: SharingWorld; office: TestApp; mission: TestApp }> {
  const world = await sharingWorld()
  apps.push(world.app)
  const { mission } = await missionLaptop(world.app, apps)
  await mission.ok('sync.now', {})
  return { world, office: world.app, mission }
}

const SHARED = (euId: string) => ({
  mode: 'percent' as const,
  rows: [
    { agreementId: euId, headingCode: '2', percent: '70' },
    { agreementId: null, percent: '30' },
  ],
})

/** April's rent on one copy, shared 70/30 or paid by one fund; its id. */
async function rent(app: TestApp, world: SharingWorld, shared: boolean): Promise<string> {
  await app.ok('budget.addExpense', {
    confirmed: true,
    lineKey: world.lineKey,
    spentOn: '2026-04-30',
    description: 'Loyer d’avril',
    amount: '1500',
    currency: 'EUR',
    ...(shared
      ? { agreementId: null, shares: SHARED(world.euId) }
      : { agreementId: world.euId, headingCode: '2' }),
  })
  const found = (await app.ok('budget.expenses', { year: 2026 })).find(
    (e) => e.description === 'Loyer d’avril',
  )
  return found?.id ?? ''
}

/** The spending of one fund (null: the untied fund) in the ledger of a copy. */
async function spent(app: TestApp, agreementId: string | null): Promise<number> {
  const db = app.core.requireSession().file.db
  const found = await sql<{ net: number | null }>`
    SELECT SUM(amount_minor) AS net FROM ledger_entries
    WHERE deleted_at IS NULL AND kind = 'expense' AND agreement_id IS ${agreementId}`.execute(db)
  return Number(found.rows[0]?.net ?? 0)
}

describe('a change of who pays an expense, merged on the other copy (issue 27)', () => {
  for (const [from, to] of [
    ['office', 'mission'],
    ['mission', 'office'],
  ] as const) {
    it(`a shared expense moved to the untied fund alone on the ${from} merges on the ${to}`, async () => {
      const copies = await twoCopies()
      const { world } = copies
      const id = await rent(copies[from], world, true)
      await merged(copies.office, copies.mission)
      const untiedBefore = await spent(copies[from], null)
      await copies[from].ok('budget.changeExpenseFunds', {
        id,
        agreementId: null,
        reason: 'Pris en charge sur fonds propres',
        confirmed: true,
      })
      await merged(copies.office, copies.mission)
      for (const app of [copies.office, copies.mission]) {
        expect(await spent(app, world.euId)).toBe(0)
        expect(await spent(app, null)).toBe(untiedBefore + 105_000)
      }
    }, 240_000)
  }

  for (const back of ['office', 'mission'] as const) {
    it(`a shared expense moved to one agreement on the office, then back to shares on the ${back}, merges on both`, async () => {
      const copies = await twoCopies()
      const { world, office, mission } = copies
      const id = await rent(office, world, true)
      await merged(office, mission)
      const untiedBefore = await spent(office, null)
      await office.ok('budget.changeExpenseFunds', {
        id,
        agreementId: world.euId,
        headingCode: '2',
        reason: 'Tout sur l’action UE',
        confirmed: true,
      })
      await merged(office, mission)
      for (const app of [office, mission]) {
        expect(await spent(app, world.euId)).toBe(150_000)
        expect(await spent(app, null)).toBe(untiedBefore - 45_000)
      }
      // Back on either copy: the mission had merged the office's move before changing it back,
      // which is a sequential edit, not a conflict (seen.ts), though it sent nothing since.
      await copies[back].ok('budget.changeExpenseFunds', {
        id,
        agreementId: null,
        shares: SHARED(world.euId),
        reason: 'Partage rétabli',
        confirmed: true,
      })
      await merged(office, mission)
      for (const app of [office, mission]) {
        expect(await spent(app, world.euId)).toBe(105_000)
        expect(await spent(app, null)).toBe(untiedBefore)
      }
    }, 240_000)
  }

  it('an expense of one agreement shared on the mission merges on the office', async () => {
    const { world, office, mission } = await twoCopies()
    const id = await rent(mission, world, false)
    await merged(office, mission)
    await mission.ok('budget.changeExpenseFunds', {
      id,
      agreementId: null,
      shares: SHARED(world.euId),
      reason: 'Partage avec les fonds propres',
      confirmed: true,
    })
    await merged(office, mission)
    for (const app of [office, mission]) expect(await spent(app, world.euId)).toBe(105_000)
  }, 240_000)
})

/**
 * Synced both ways: nothing set aside (a refused file is listed for review) nor listed, the
 * same books on both copies, `aimf check` passing on each.
 */
async function merged(office: TestApp, mission: TestApp): Promise<void> {
  await syncBothWays(office, mission)
  for (const app of [office, mission]) expect(await app.ok('sync.conflicts', {})).toEqual([])
}
