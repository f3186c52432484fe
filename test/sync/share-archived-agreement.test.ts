import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { sharingWorld } from '../budget/cost-sharing-setup'
import type { TestApp } from '../support/core'
import { missionLaptop, syncBothWays } from './both-ways'

const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

describe('a share on an agreement archived on another copy after it was made (issue 27)', () => {
  it('merges both ways: the share and the archive stand, the same books, `aimf check` passes on both; the share can still be moved off and cancelled', async () => {
    const world = await sharingWorld()
    const office = world.app
    apps.push(office)
    const { mission } = await missionLaptop(office, apps)
    await mission.ok('sync.now', {})
    // The mission shares April's rent 70/30 between the EU action's heading 2 and the untied
    // fund; then the office, not having seen it, archives the EU action.
    await mission.ok('budget.addExpense', {
      confirmed: true,
      lineKey: world.lineKey,
      spentOn: '2026-04-30',
      agreementId: null,
      description: 'Loyer d’avril',
      amount: '1500',
      currency: 'EUR',
      shares: {
        mode: 'percent',
        rows: [
          { agreementId: world.euId, headingCode: '2', percent: '70' },
          { agreementId: null, percent: '30' },
        ],
      },
    })
    await office.ok('agreements.archive', { id: world.euId })
    await syncBothWays(office, mission)
    // Both copies: the share stands on the archived action (it was made before the archive,
    // as an expense paid by an agreement archived later), nothing set aside or listed.
    for (const app of [office, mission]) {
      expect(await books(app, world.euId)).toMatchObject({
        archived: true,
        shares: [
          { agreement_id: world.euId, heading_code: '2', amount_minor: 105_000, deleted: 0 },
          { agreement_id: null, heading_code: null, amount_minor: 45_000, deleted: 0 },
        ],
        spentOnAction: 105_000,
      })
      expect(await app.ok('sync.conflicts', {})).toEqual([])
    }
    // The office moves the rent off the archived action onto France's untied grant (its shares
    // reversed), then cancels it: both travel.
    const rent = (await office.ok('budget.expenses', { year: 2026 })).find(
      (e) => e.description === 'Loyer d’avril',
    )
    await office.ok('budget.changeExpenseFunds', {
      id: rent?.id ?? '',
      agreementId: world.untiedId,
      reason: 'Convention archivée',
      confirmed: true,
    })
    expect((await books(office, world.euId)).spentOnAction).toBe(0)
    await office.ok('budget.cancelExpense', { id: rent?.id ?? '', reason: 'Saisie en double' })
    await syncBothWays(office, mission)
    for (const app of [office, mission]) {
      expect(await books(app, world.euId)).toMatchObject({ archived: true, spentOnAction: 0 })
    }
  }, 240_000)
})

/** The shares on one copy, whether the action is archived, and its net spending. */
async function books(app: TestApp, actionId: string) {
  const db = app.core.requireSession().file.db
  const shares = await sql<Record<string, unknown>>`
    SELECT agreement_id, heading_code, amount_minor, deleted_at IS NOT NULL AS deleted
    FROM expense_shares ORDER BY created_at, position`.execute(db)
  const action = await sql<{ deleted_at: string | null }>`
    SELECT deleted_at FROM agreements WHERE id = ${actionId}`.execute(db)
  const spent = await sql<{ net: number | null }>`
    SELECT SUM(amount_minor) AS net FROM ledger_entries
    WHERE deleted_at IS NULL AND kind = 'expense' AND agreement_id = ${actionId}`.execute(db)
  return {
    shares: shares.rows,
    archived: action.rows[0]?.deleted_at != null,
    spentOnAction: Number(spent.rows[0]?.net ?? 0),
  }
}
