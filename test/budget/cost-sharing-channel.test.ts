import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { checkFile } from '../../electron/main/check/file-check'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { randomFrom, type Random } from '../workbook/mutants'
import { type SharingWorld, sharingWorld } from './cost-sharing-setup'

/** Inputs drawn for the channel. */
const CASES = 240

let world: SharingWorld
let path: string

beforeAll(async () => {
  world = await sharingWorld({ lifetime: 'file' })
  path = found(world.app.core.fileInfo()?.path, 'path')
}, 120_000)
afterAll(async () => world?.app.core.dispose())

/** A share's row: mostly one a person could type, now and then something hostile. */
function drawRow(random: Random, funds: unknown[], mode: string): Record<string, unknown> {
  const headings: unknown[] = ['1', '2', '8', '9', null, '', ' 1 ', 'x'.repeat(40), 5]
  const percents: unknown[] = ['0', '-10', '100.01', 'abc', '1e2', '50,5', '33.333', null, 7, '']
  const amounts: unknown[] = ['0', '-1', '0.001', '1e3', 'abc', null, 12.5, '99999999999999999']
  const row: Record<string, unknown> = { agreementId: random.pick(funds) }
  if (random.below(2) === 0) row.headingCode = random.pick(headings)
  if (mode === 'percent' || random.below(6) === 0)
    row.percent = random.below(4) === 0 ? random.pick(percents) : String(1 + random.below(99))
  if (mode === 'amount' || random.below(6) === 0)
    row.amount =
      random.below(4) === 0 ? random.pick(amounts) : `${random.below(800)}.${random.below(100)}`
  if (random.below(25) === 0) row.extra = 'x'
  return row
}

/** Rows that add up: percentages to 100, or amounts to the expense, over the funds that pay. */
function balancedRows(random: Random, total: number, mode: 'percent' | 'amount', ids: string[]) {
  const count = 2 + random.below(2)
  const eu = ids[0] ?? ''
  const funds = [
    { agreementId: eu, headingCode: random.pick(['1', '2']) },
    { agreementId: null },
    { agreementId: ids[1] ?? '' },
  ].slice(0, count)
  let left = mode === 'percent' ? 10_000 : total
  return funds.map((fund, index) => {
    const part = index === count - 1 ? left : 1 + random.below(Math.max(1, left - (count - index)))
    left -= part
    const text = (part / 100).toFixed(2)
    return mode === 'percent' ? { ...fund, percent: text } : { ...fund, amount: text }
  })
}

describe('budget.addExpense with shares attacked', () => {
  it(`${CASES} drawn inputs, with cancellations and plain expenses between: refused naming the field with the file byte-identical, or recorded and the file checks`, async () => {
    const { app, euId, usdId, investmentId, lineKey } = world
    const random = randomFrom(1827)
    const funds: unknown[] = [
      euId,
      usdId,
      investmentId,
      null,
      null,
      '0190aaaa-0000-7000-8000-000000000000',
      '',
      42,
      euId.toUpperCase(),
    ]
    const outcomes = { recorded: 0, refused: 0, cancelled: 0 }
    const recorded: string[] = []
    const known = new Set<string>()
    const learn = (all: readonly { id: string; shares: unknown[] }[]) => {
      for (const expense of all) {
        if (known.has(expense.id)) continue
        known.add(expense.id)
        if (expense.shares.length > 0) recorded.push(expense.id)
      }
    }
    for (let index = 0; index < CASES; index += 1) {
      // Between attacks, what a secretariat does: cancel a shared expense, record a plain one.
      if (index % 9 === 8 && recorded.length > 0) {
        const id = recorded.splice(random.below(recorded.length), 1)[0] ?? ''
        await app.ok('budget.cancelExpense', { id, reason: 'Erreur de répartition' })
        outcomes.cancelled += 1
      }
      if (index % 13 === 0) {
        learn(
          await app.ok('budget.addExpense', {
            confirmed: true,
            lineKey,
            spentOn: '2026-05-02',
            agreementId: euId,
            headingCode: '2',
            description: 'Billet d’avion',
            amount: `${10 + random.below(90)}.50`,
            currency: 'EUR',
          }),
        )
      }
      const currency = random.pick(['EUR', 'EUR', 'USD', 'XOF'])
      const minor = 100 + random.below(300_000)
      const amount =
        random.below(10) === 0
          ? random.pick(['0', '-5', '1e3', '0.001', ''])
          : currency === 'XOF'
            ? String(minor)
            : (minor / 100).toFixed(2)
      const mode = random.pick(['percent', 'amount', 'percent', 'both', null] as const)
      const rows =
        random.below(2) === 0 && (mode === 'percent' || mode === 'amount') && currency !== 'XOF'
          ? balancedRows(random, minor, mode, [euId, usdId])
          : Array.from({ length: random.below(5) }, () => drawRow(random, funds, String(mode)))
      const input: Record<string, unknown> = {
        confirmed: true,
        lineKey,
        spentOn: random.below(12) === 0 ? '2026-08-15' : '2026-03-20',
        agreementId: random.below(15) === 0 ? euId : null,
        description: 'Salaire partagé',
        amount,
        currency,
        shares: random.below(20) === 0 ? random.pick([[], 'x', null]) : { mode, rows },
      }
      const name = JSON.stringify(input)
      await app.core.closeFile()
      const before = await sha256(path)
      await app.core.openFile(path)
      const result = await app.call('budget.addExpense', input as never)
      await app.core.closeFile()
      if (result.ok) {
        outcomes.recorded += 1
        expect(await checkFile(path), name).toEqual([])
      } else {
        outcomes.refused += 1
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], name).toContain(result.error.code)
        expect(result.error.message, name).not.toMatch(/\{\{|undefined|Error:|at /)
        const named = (result.error.fields ?? []).map((f) => `${f.path} ${f.message}`).join()
        expect(named, name).toMatch(/^(shares|amount|agreementId|headingCode|currency|spentOn)/)
        expect(named, name).not.toMatch(/\{\{|undefined/)
        expect(await sha256(path), `${name}: the file changed`).toBe(before)
      }
      await app.core.openFile(path)
      if (result.ok) learn(result.value)
    }
    expect(outcomes.recorded).toBeGreaterThan(30)
    expect(outcomes.refused).toBeGreaterThan(100)
    expect(outcomes.cancelled).toBeGreaterThan(3)

    // The ledger per fund is the live shares plus the live plain expenses, to the cent.
    const db = app.core.requireSession().file.db
    const byFund = await sql<{ fund: string | null; ledger: number; records: number }>`
      SELECT f.fund, (SELECT COALESCE(SUM(e.eur_minor), 0) FROM ledger_entries e
          WHERE e.kind = 'expense' AND e.source_table = 'budget_expenses'
            AND e.agreement_id IS f.fund) AS ledger,
        (SELECT COALESCE(SUM(s.eur_minor), 0) FROM expense_shares s
          JOIN budget_expenses x ON x.id = s.expense_id
          WHERE x.cancel_reason IS NULL AND s.agreement_id IS f.fund)
        + (SELECT COALESCE(SUM(x.eur_minor), 0) FROM budget_expenses x
          WHERE x.cancel_reason IS NULL AND x.agreement_id IS f.fund
            AND NOT EXISTS (SELECT 1 FROM expense_shares s WHERE s.expense_id = x.id)) AS records
      FROM (SELECT ${euId} AS fund UNION SELECT ${usdId} UNION SELECT NULL) f`.execute(db)
    for (const row of byFund.rows) expect(row.ledger, String(row.fund)).toBe(row.records)
    expect(byFund.rows.some((r) => r.ledger > 0)).toBe(true)
  }, 900_000)
})
