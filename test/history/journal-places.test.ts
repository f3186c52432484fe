import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JournalEntry } from '@shared/history/schema'
import { startDemoApp, startTestApp, type TestApp } from '../support/core'
import { sharingWorld } from '../budget/cost-sharing-setup'

let app: TestApp
let journal: JournalEntry[]
beforeAll(async () => {
  app = await startDemoApp()
  journal = await app.core.requireSession().history.journal({}, 'fr', Number.MAX_SAFE_INTEGER)
}, 120_000)
afterAll(async () => app?.core.dispose())

/** One stored row, read straight from the file (not through the code under test). */
async function row(table: string, id: string): Promise<Record<string, unknown>> {
  const found = await sql<Record<string, unknown>>`
    SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(app.core.requireSession().file.db)
  const first = found.rows[0]
  if (!first) throw new Error(`${table} ${id} not in the file`)
  return first
}

function linesOf(table: string): JournalEntry[] {
  const lines = journal.filter((entry) => entry.table === table)
  expect(lines.length, table).toBeGreaterThan(0)
  return lines
}

describe('where the journal’s « Voir » leads', () => {
  it('a record with a page of its own: itself', () => {
    for (const table of ['agreements', 'projects', 'members', 'funders'])
      for (const entry of linesOf(table))
        expect(entry.place).toEqual({ table, rowId: entry.rowId, parentId: entry.rowId })
  })

  it('a receipt, an instalment, a tranche, a plan line, a dues payment: its row on its parent’s page', async () => {
    const parents = {
      receipts: 'agreement_id',
      agreement_instalments: 'agreement_id',
      agreement_reports: 'agreement_id',
      tranches: 'project_id',
      financing_lines: 'project_id',
      project_expenses: 'project_id',
      dues_payments: 'member_id',
      dues_calls: 'member_id',
    }
    for (const [table, column] of Object.entries(parents))
      for (const entry of linesOf(table)) {
        const stored = await row(table, entry.rowId)
        expect(entry.place, `${table} ${entry.rowId}`).toEqual({
          table,
          rowId: entry.rowId,
          parentId: stored[column],
        })
      }
  })

  it('a settlement: the payment it belongs to, on the member’s page', async () => {
    for (const entry of linesOf('dues_settlements')) {
      const settlement = await row('dues_settlements', entry.rowId)
      const payment = await row('dues_payments', String(settlement.payment_id))
      expect(entry.place).toEqual({
        table: 'dues_payments',
        rowId: payment.id,
        parentId: payment.member_id,
      })
    }
  })

  it('an indicator’s value: its own row, on the indicator’s project', async () => {
    for (const entry of linesOf('indicator_values')) {
      const value = await row('indicator_values', entry.rowId)
      const indicator = await row('indicators', String(value.indicator_id))
      expect(entry.place).toEqual({
        table: 'indicator_values',
        rowId: entry.rowId,
        parentId: indicator.project_id,
      })
    }
  })

  it('a ledger entry: the money record that made it', async () => {
    const lines = linesOf('ledger_entries')
    for (const entry of lines) {
      const ledger = await row('ledger_entries', entry.rowId)
      expect(entry.place, `${String(ledger.source_table)}`).not.toBeNull()
      if (ledger.source_table === 'receipts')
        expect(entry.place).toMatchObject({ table: 'receipts', rowId: ledger.source_id })
    }
    expect(lines.some((entry) => entry.place?.table === 'receipts')).toBe(true)
  })

  it('every line of the demo’s journal has a place', () => {
    const without = journal.filter((entry) => entry.place === null)
    expect(without.map((entry) => `${entry.table} ${entry.rowId}`).slice(0, 10)).toEqual([])
  })
})

describe('a shared expense in the journal', () => {
  it('leads each share to its expense’s row, in the budget', async () => {
    const world = await sharingWorld()
    try {
      const [expense] = await world.app.ok('budget.addExpense', {
        confirmed: true,
        lineKey: world.lineKey,
        spentOn: '2026-04-10',
        agreementId: null,
        description: 'Loyer',
        amount: '1000',
        currency: 'EUR',
        shares: {
          mode: 'percent',
          rows: [
            { agreementId: world.usdId, headingCode: null, percent: '60.00' },
            { agreementId: world.untiedId, headingCode: null, percent: '40.00' },
          ],
        },
      })
      const shares = await world.app.ok('history.journal', { table: 'expense_shares' })
      expect(shares.length).toBe(2)
      for (const share of shares)
        expect(share.place).toEqual({
          table: 'budget_expenses',
          rowId: expense?.id,
          parentId: null,
        })
    } finally {
      await world.app.core.dispose()
    }
  })
})

describe('an account of the chart in the journal', () => {
  it('leads to its row by its number, as the chart lists its accounts (defaults have no id)', async () => {
    const other = await startTestApp()
    try {
      await other.ok('accounting.saveAccount', { number: '471900', label: 'Compte d’attente' })
      const [line] = await other.ok('history.journal', { table: 'accounting_accounts' })
      expect(line?.place).toEqual({
        table: 'accounting_accounts',
        rowId: '471900',
        parentId: null,
      })
    } finally {
      await other.core.dispose()
    }
  })
})
