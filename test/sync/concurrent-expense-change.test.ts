import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { reversalId } from '../../electron/main/funds/reversal-id'
import { decodeChangeFile, encodeChangeFile } from '../../electron/main/sync/change-file'
import { sharedSalary, type SharingWorld, sharingWorld } from '../budget/cost-sharing-setup'
import type { TestApp } from '../support/core'
import { found } from '../support/found'
import { missionLaptop, syncBothWays } from './both-ways'

const apps: TestApp[] = []
afterEach(async () => {
  for (const app of apps.splice(0)) await app.core.dispose()
})

/** The office with its 60/40 shared salary, and a mission laptop on a copy of its file. */
async function officeAndMissionWithSalary() {
  const world = await sharingWorld()
  const office = world.app
  apps.push(office)
  const salary = found((await sharedSalary(world))[0], 'salary')
  const { mission, share } = await missionLaptop(office, apps)
  return { world, office, mission, salary, share }
}

/** April's 1,500 € rent paid by the USD action alone, entered at the office, on both copies. */
async function rentOnBothCopies(world: SharingWorld, office: TestApp, mission: TestApp) {
  const rent = found(
    (
      await office.ok('budget.addExpense', {
        confirmed: true,
        lineKey: world.lineKey,
        spentOn: '2026-04-30',
        agreementId: world.usdId,
        description: 'Loyer d’avril',
        amount: '1500',
        currency: 'EUR',
      })
    ).find((e) => e.description === 'Loyer d’avril'),
    'rent',
  )
  await syncBothWays(office, mission, 3)
  return rent
}

/** Who pays an expense changed to one fund (and heading), confirmed. */
function moveExpense(
  app: TestApp,
  id: string,
  agreementId: string | null,
  reason: string,
  headingCode?: string,
) {
  return app.ok('budget.changeExpenseFunds', {
    id,
    agreementId,
    ...(headingCode ? { headingCode } : {}),
    reason,
    confirmed: true,
  })
}

/** The live shares of the expense and its net spending by fund, on one copy. */
async function liveSplit(app: TestApp, expenseId: string) {
  const db = app.core.requireSession().file.db
  const shares = await sql<{ percent_bp: number }>`SELECT percent_bp FROM expense_shares
    WHERE expense_id = ${expenseId} AND deleted_at IS NULL ORDER BY position`.execute(db)
  const net = await sql<{ eur: number | null }>`SELECT SUM(eur_minor) AS eur FROM ledger_entries
    WHERE source_table = 'budget_expenses' AND source_id = ${expenseId}`.execute(db)
  return { percents: shares.rows.map((s) => s.percent_bp), eur: Number(net.rows[0]?.eur ?? 0) }
}

describe('one expense’s payment changed on two copies offline (issue 27)', () => {
  it('the split changed differently on each copy: after syncing both ways, one live split, the same books, and `aimf check` passes on both', async () => {
    const { world, office, mission, salary } = await officeAndMissionWithSalary()
    const change = (app: TestApp, euPercent: string, untiedPercent: string, reason: string) =>
      app.ok('budget.changeExpenseFunds', {
        id: salary.id,
        agreementId: null,
        shares: {
          mode: 'percent',
          rows: [
            { agreementId: world.euId, headingCode: '1', percent: euPercent },
            { agreementId: null, percent: untiedPercent },
          ],
        },
        reason,
        confirmed: true,
      })
    await mission.ok('sync.now', {})
    await change(mission, '50', '50', 'Temps réel de la mission')
    await change(office, '70', '30', 'Clé du bureau')
    await syncBothWays(office, mission, 3)
    // The office's change is the latest: its 70/30 stands on both copies, the expense paid once,
    // and each copy lists that the mission's 50/50 was undone.
    for (const app of [office, mission]) {
      expect(await liveSplit(app, salary.id)).toEqual({ percents: [7000, 3000], eur: 432_107 })
      const listed = (await app.ok('sync.conflicts', {})).map((c) => c.detail)
      expect(listed).toContainEqual(
        expect.stringMatching(/^Répartition de « Salaire de mars .* changée sur deux copies/),
      )
    }
  }, 240_000)

  it('an expense paid by one fund moved to a different fund on each copy: after syncing both ways, paid once by the latest, the same books, and `aimf check` passes on both', async () => {
    const { world, office, mission } = await officeAndMissionWithSalary()
    const rent = await rentOnBothCopies(world, office, mission)
    // The mission moves it from the USD action to the EU action's heading 1; the office, later,
    // to the untied fund — a move that leaves the heading (none) unwritten: the office's move
    // stands on both copies, without the mission's heading.
    await moveExpense(mission, rent.id, world.euId, 'Rubrique de la mission', '1')
    await moveExpense(office, rent.id, null, 'Sur les fonds propres')
    await syncBothWays(office, mission, 3)
    for (const app of [office, mission]) {
      const db = app.core.requireSession().file.db
      const expense = await sql<{ agreement_id: string; heading_code: string | null }>`
        SELECT agreement_id, heading_code FROM budget_expenses WHERE id = ${rent.id}`.execute(db)
      expect(expense.rows).toEqual([{ agreement_id: null, heading_code: null }])
      const net = await sql<{ agreement_id: string | null; eur: number }>`
        SELECT agreement_id, SUM(eur_minor) AS eur FROM ledger_entries
        WHERE source_table = 'budget_expenses' AND source_id = ${rent.id}
        GROUP BY agreement_id HAVING eur != 0`.execute(db)
      expect(net.rows).toEqual([{ agreement_id: null, eur: 150_000 }])
      const listed = (await app.ok('sync.conflicts', {})).map((c) => c.detail)
      expect(listed).toContainEqual(
        expect.stringMatching(/^Fonds payant de « Loyer d’avril » changé sur deux copies/),
      )
    }
  }, 240_000)

  it('the expense cancelled on both copies: one net reversal, the same books, and `aimf check` passes on both', async () => {
    const { office, mission, salary } = await officeAndMissionWithSalary()
    await mission.ok('sync.now', {})
    await mission.ok('budget.cancelExpense', { id: salary.id, reason: 'Saisie en double' })
    await office.ok('budget.cancelExpense', { id: salary.id, reason: 'Erreur de saisie' })
    await syncBothWays(office, mission, 3)
    for (const app of [office, mission]) {
      // Cancelled as on one copy: its split stays as it was when cancelled, each share's entry
      // reversed once; no payment was overridden, so no correction is listed for review (only
      // the two reasons, one kept).
      expect(await liveSplit(app, salary.id)).toEqual({ percents: [6000, 4000], eur: 0 })
      const listed = await app.ok('sync.conflicts', {})
      expect(listed.map((c) => [c.kind, c.column_name])).toEqual([['field', 'cancel_reason']])
      const db = app.core.requireSession().file.db
      const reversals = await sql<{ n: number }>`SELECT count(*) AS n FROM ledger_entries
        WHERE source_id = ${salary.id} AND reverses_id IS NOT NULL`.execute(db)
      expect(Number(reversals.rows[0]?.n)).toBe(2)
    }
  }, 240_000)

  it('the expense cancelled on one copy while the other changed its split: cancelled on both, its new split undone, listed for review', async () => {
    const { world, office, mission, salary } = await officeAndMissionWithSalary()
    await mission.ok('sync.now', {})
    await mission.ok('budget.changeExpenseFunds', {
      id: salary.id,
      agreementId: null,
      shares: {
        mode: 'percent',
        rows: [
          { agreementId: world.euId, headingCode: '1', percent: '50' },
          { agreementId: null, percent: '50' },
        ],
      },
      reason: 'Temps réel de la mission',
      confirmed: true,
    })
    await office.ok('budget.cancelExpense', { id: salary.id, reason: 'Erreur de saisie' })
    await syncBothWays(office, mission, 3)
    for (const app of [office, mission]) {
      expect(await liveSplit(app, salary.id)).toEqual({ percents: [], eur: 0 })
      const listed = (await app.ok('sync.conflicts', {})).map((c) => c.detail)
      expect(listed).toContainEqual(expect.stringMatching(/^Dépense « Salaire de mars .* annulée/))
    }
  }, 240_000)

  it('the salary moved to one fund on the mission while the office changed its split later: the office’s split stands, the move undone, the same books, and `aimf check` passes on both', async () => {
    const { world, office, mission, salary } = await officeAndMissionWithSalary()
    await mission.ok('sync.now', {})
    await moveExpense(mission, salary.id, world.usdId, 'Toute sur l’action USD')
    await office.ok('budget.changeExpenseFunds', {
      id: salary.id,
      agreementId: null,
      shares: {
        mode: 'percent',
        rows: [
          { agreementId: world.euId, headingCode: '1', percent: '70' },
          { agreementId: null, percent: '30' },
        ],
      },
      reason: 'Clé du bureau',
      confirmed: true,
    })
    await syncBothWays(office, mission, 3)
    for (const app of [office, mission]) {
      expect(await liveSplit(app, salary.id)).toEqual({ percents: [7000, 3000], eur: 432_107 })
      const db = app.core.requireSession().file.db
      const expense = await sql<{ agreement_id: string | null }>`
        SELECT agreement_id FROM budget_expenses WHERE id = ${salary.id}`.execute(db)
      expect(expense.rows).toEqual([{ agreement_id: null }])
      const listed = (await app.ok('sync.conflicts', {})).map((c) => c.detail)
      expect(listed).toContainEqual(
        expect.stringMatching(/^Fonds payant de « Salaire de mars .* changé sur deux copies/),
      )
    }
  }, 240_000)

  it('an expense paid by one fund moved on one copy while the other cancelled it: cancelled on both, the move undone, listed for review', async () => {
    const { world, office, mission } = await officeAndMissionWithSalary()
    const rent = await rentOnBothCopies(world, office, mission)
    await moveExpense(mission, rent.id, world.euId, 'Rubrique de la mission', '1')
    await office.ok('budget.cancelExpense', { id: rent.id, reason: 'Erreur de saisie' })
    await syncBothWays(office, mission, 3)
    for (const app of [office, mission]) {
      expect(await liveSplit(app, rent.id)).toEqual({ percents: [], eur: 0 })
      const listed = (await app.ok('sync.conflicts', {})).map((c) => c.detail)
      expect(listed).toContainEqual(
        expect.stringMatching(/^Dépense « Loyer d’avril » annulée .* son fonds payant/),
      )
    }
  }, 240_000)

  it('a correction forged to undo the latest move instead of the older one: set aside naming the file, the latest move standing', async () => {
    const { world, office, mission, share } = await officeAndMissionWithSalary()
    const rent = await rentOnBothCopies(world, office, mission)
    await moveExpense(mission, rent.id, world.euId, 'Déplacée', '1')
    await moveExpense(office, rent.id, null, 'Déplacée')
    await office.ok('sync.now', {})
    // The mission hears of the office's later move and undoes its own; its next file carries
    // that correction, which is forged to undo the office's move instead.
    await mission.ok('sync.now', {})
    await mission.ok('sync.now', {})
    const openEntry = async (app: TestApp, agreementId: string | null) => {
      const db = app.core.requireSession().file.db
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ledger_entries
        WHERE source_id = ${rent.id} AND reverses_id IS NULL AND agreement_id IS ${agreementId}
          AND id NOT IN (SELECT reverses_id FROM ledger_entries WHERE reverses_id IS NOT NULL)
        `.execute(db)
      return rows.rows
    }
    const kept = found((await openEntry(office, null))[0], 'the office’s entry')
    const datasetId = (await office.ok('sync.status', {})).datasetId ?? ''
    const replica = mission.core.requireSession().file.info().replicaId
    const folder = join(share, `AIMF-${datasetId}`, replica)
    const name = found((await readdir(folder)).sort().at(-1), 'the correction’s file')
    const decoded = decodeChangeFile(await readFile(join(folder, name)))
    if (!decoded.ok) throw new Error(decoded.reason)
    let forged = 0
    const changes = decoded.file.changes.map((c) => {
      const value = JSON.parse(c.new_value ?? '{}') as Record<string, unknown>
      if (c.table_name !== 'ledger_entries' || c.column_name !== '*' || !value.reverses_id) return c
      forged += 1
      const id = reversalId(String(kept.id))
      const reversal = {
        ...value,
        reverses_id: kept.id,
        agreement_id: kept.agreement_id,
        fund_class: kept.fund_class,
        currency: kept.currency,
        amount_minor: -Number(kept.amount_minor),
        eur_minor: -Number(kept.eur_minor),
        rate: kept.rate,
      }
      return { ...c, row_id: id, new_value: JSON.stringify(reversal) }
    })
    expect(forged).toBe(1)
    await writeFile(join(folder, name), encodeChangeFile({ ...decoded.file, changes }))
    const report = await office.ok('sync.now', {})
    // Refused as a correction, not as a malformed reversal: the entry it undoes stands latest.
    expect(
      report.skipped.map((s) => [s.name.endsWith(name), s.reason, s.detail?.key, s.detail?.params]),
    ).toEqual([
      [
        true,
        'refused',
        'sync.refused.frozen',
        { table: 'budget_expenses', row: rent.id, column: 'heading_code' },
      ],
    ])
    expect(await openEntry(office, null)).toEqual([kept])
  }, 240_000)
})
