import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { ChannelInput } from '@shared/contract/channels'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { ledgerSpending, sharedSalary, type SharingWorld, sharingWorld } from './cost-sharing-setup'

let world: SharingWorld
afterEach(async () => world?.app.core.dispose())

type Change = ChannelInput<'budget.changeExpenseFunds'>

/** `aimf check` on the file, closed for it and opened again. */
async function checked({ app }: SharingWorld) {
  const path = found(app.core.fileInfo()?.path, 'path')
  await app.core.closeFile()
  const problems = await checkFile(path)
  await app.core.openFile(path)
  return problems
}

/** Calls the change on the file as it stands, and says whether the file's bytes moved. */
async function refusedUnchanged({ app }: SharingWorld, input: Change) {
  const path = found(app.core.fileInfo()?.path, 'path')
  await app.core.closeFile()
  const before = await sha256(path)
  await app.core.openFile(path)
  const result = await app.call('budget.changeExpenseFunds', input)
  await app.core.closeFile()
  const after = await sha256(path)
  await app.core.openFile(path)
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(input)}`)
  expect(after, 'the file changed').toBe(before)
  return result.error
}

const fiftyFifty = (euId: string) => ({
  mode: 'percent' as const,
  rows: [
    { agreementId: euId, headingCode: '1', percent: '50' },
    { agreementId: null, percent: '50' },
  ],
})

describe('changing who pays an expense', () => {
  it('a 60/40 salary made 50/50: asked first with the split before and after, nothing written; confirmed, the old shares reversed with the reason and the new ones posted (2,160.54 / 2,160.53), the agreement follows, the file checks', async () => {
    world = await sharingWorld()
    const { app, euId } = world
    const [salary] = await sharedSalary(world)
    const id = found(salary, 'salary').id
    const untiedBefore = await ledgerSpending(app, null)
    const input: Change = {
      id,
      agreementId: null,
      shares: fiftyFifty(euId),
      reason: 'Temps réel de mars : moitié sur l’action',
    }
    const asked = await refusedUnchanged(world, input)
    expect(asked.code).toBe('NEEDS_CONFIRMATION')
    // French spacing: narrow and no-break spaces read as plain ones here.
    expect(asked.warnings?.map((f) => f.message.replace(/[\u202f\u00a0]/g, ' '))).toEqual([
      'Avant : UE-GOUV-2026 / 1 — 2 592,64 € (60 %)',
      'Avant : Fonds délié — 1 728,43 € (40 %)',
      'Après : UE-GOUV-2026 / 1 — 2 160,54 € (50 %)',
      'Après : Fonds délié — 2 160,53 € (50 %)',
    ])

    const listed = await app.ok('budget.changeExpenseFunds', { ...input, confirmed: true })
    const changed = found(
      listed.find((e) => e.id === id),
      'changed',
    )
    expect(changed.shares.map((s) => [s.agreementReference, s.percentBp, s.amount])).toEqual([
      ['UE-GOUV-2026', 5000, 216_054],
      [null, 5000, 216_053],
    ])
    expect(await ledgerSpending(app, euId)).toEqual({ native: 216_054, eur: 216_054 })
    const untied = await ledgerSpending(app, null)
    expect(untied.eur - untiedBefore.eur).toBe(216_053 - 172_843)
    const page = await app.ok('agreements.get', { id: euId, asOf: '2026-12-31' })
    expect(page.figures.spent).toBe(216_054)
    // The correction is in the ledger and the change log: the reason on each reversal, the old
    // shares archived, the new ones created in the same action.
    const db = app.core.requireSession().file.db
    const reversals = await sql<{ reason: string; eur: number }>`
      SELECT reason, eur_minor AS eur FROM ledger_entries
      WHERE source_id = ${id} AND reverses_id IS NOT NULL ORDER BY eur_minor`.execute(db)
    expect(reversals.rows).toEqual([
      { reason: input.reason, eur: -259_264 },
      { reason: input.reason, eur: -172_843 },
    ])
    const log = await sql<{ table_name: string; op: string; n: number }>`
      SELECT table_name, op, count(*) AS n FROM change_log
      WHERE tx_id = (SELECT tx_id FROM change_log WHERE table_name = 'ledger_entries'
        AND new_value LIKE ${`%${input.reason}%`} LIMIT 1)
      GROUP BY table_name, op ORDER BY table_name, op`.execute(db)
    expect(log.rows).toEqual([
      { table_name: 'expense_shares', op: 'delete', n: 2 },
      { table_name: 'expense_shares', op: 'insert', n: 2 },
      { table_name: 'ledger_entries', op: 'insert', n: 4 },
    ])
    expect(await checked(world)).toEqual([])
  })

  it('a shared expense paid by one fund and back: the expense names its fund and heading, then none; each step checks', async () => {
    world = await sharingWorld()
    const { app, euId } = world
    const id = found((await sharedSalary(world))[0], 'salary').id
    const single = await app.ok('budget.changeExpenseFunds', {
      id,
      agreementId: euId,
      headingCode: '2',
      reason: 'Toute sur l’action',
      confirmed: true,
    })
    const one = found(
      single.find((e) => e.id === id),
      'single',
    )
    expect([one.agreementReference, one.headingCode, one.shares]).toEqual(['UE-GOUV-2026', '2', []])
    expect(await ledgerSpending(app, euId)).toEqual({ native: 432_107, eur: 432_107 })
    expect(await checked(world)).toEqual([])

    const back = await app.ok('budget.changeExpenseFunds', {
      id,
      agreementId: null,
      shares: {
        mode: 'amount',
        rows: [
          { agreementId: euId, headingCode: '1', amount: '1000.00' },
          { agreementId: null, amount: '3321.07' },
        ],
      },
      reason: 'Répartie à nouveau',
      confirmed: true,
    })
    const shared = found(
      back.find((e) => e.id === id),
      'shared',
    )
    expect([shared.agreementId, shared.headingCode]).toEqual([null, null])
    expect(shared.shares.map((s) => s.amount)).toEqual([100_000, 332_107])
    expect(await ledgerSpending(app, euId)).toEqual({ native: 100_000, eur: 100_000 })
    expect(await checked(world)).toEqual([])
  })

  it('refusals name the share row and change nothing: an agreement of another nature, a heading it does not have, the same split, a cancelled expense', async () => {
    world = await sharingWorld()
    const { app, euId, investmentId } = world
    const id = found((await sharedSalary(world))[0], 'salary').id
    const base = { id, agreementId: null, reason: 'Correction', confirmed: true }
    const rowsWith = (first: Record<string, unknown>) => ({
      mode: 'percent' as const,
      rows: [first, { agreementId: null, percent: '50' }],
    })
    const cases: [Change, string, RegExp][] = [
      [
        { ...base, shares: rowsWith({ agreementId: investmentId, percent: '50' }) },
        'shares.rows.0.agreementId',
        /UE-INV-2026/,
      ],
      [
        { ...base, shares: rowsWith({ agreementId: euId, headingCode: '9', percent: '50' }) },
        'shares.rows.0.headingCode',
        /./,
      ],
      [
        {
          ...base,
          shares: {
            mode: 'percent',
            rows: [
              { agreementId: euId, headingCode: '1', percent: '60' },
              { agreementId: null, percent: '40' },
            ],
          },
        },
        '',
        /rien à changer/,
      ],
    ]
    for (const [input, field, message] of cases) {
      const error = await refusedUnchanged(world, input)
      const text = [error.message, ...(error.fields ?? []).map((f) => f.message)].join(' ')
      expect(text, JSON.stringify(input)).toMatch(message)
      if (field) expect(error.fields?.map((f) => f.path)).toContain(field)
      expect(text).not.toMatch(/\{\{|undefined|Error:/)
    }
    await app.ok('budget.cancelExpense', { id, reason: 'Saisie en double' })
    const cancelled = await refusedUnchanged(world, { ...base, shares: fiftyFifty(euId) })
    expect(cancelled.message).toMatch(/annulée/)
    expect(await checked(world)).toEqual([])
  })
})
