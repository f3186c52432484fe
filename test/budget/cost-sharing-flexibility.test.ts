import { afterEach, describe, expect, it } from 'vitest'
import { today } from '@shared/validation/dates'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { franceAndEu } from '../support/funding'

let app: TestApp
afterEach(async () => app?.core.dispose())

const thisYear = Number(today().slice(0, 4))
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

/**
 * An EU-flagged action (100,000 € received, heading 1 « Ressources humaines » of 10,000 €: at
 * most 12,500 € without an amendment), France's untied grant (200,000 € received) and a line.
 */
async function flaggedWorld() {
  app = await startTestApp()
  const { france, eu } = await franceAndEu(app)
  const span = { startsOn: `${thisYear - 1}-01-01`, endsOn: `${thisYear + 1}-12-31` }
  const untied = await app.ok('agreements.create', {
    funderId: france.id,
    reference: 'SUBV-FR',
    title: 'Subvention de fonctionnement',
    ...span,
    currency: 'EUR',
    amount: '200000',
    earmarking: 'untied',
    nature: 'operating',
  })
  const action = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-FLEX',
    title: 'Action de gouvernance locale',
    ...span,
    currency: 'EUR',
    amount: '100000',
    earmarking: 'programme',
    programmeCode: 'local_governance',
    nature: 'operating',
    euRules: true,
  })
  await app.ok('agreements.saveHeadings', {
    agreementId: action.id,
    headings: [
      { code: '1', label: 'Ressources humaines', role: 'direct', amount: '10000' },
      { code: '2', label: 'Voyages', role: 'direct', amount: '83000' },
      { code: '8', label: 'Coûts indirects', role: 'indirect', amount: '6510' },
    ],
  })
  for (const [agreementId, amount] of [
    [untied.id, '200000'],
    [action.id, '100000'],
  ] as const)
    await app.ok('receipts.add', { confirmed: true, agreementId, receivedOn: today(), amount })
  const created = await app.ok('budget.create', { year: thisYear })
  const view = await app.ok('budget.saveItem', {
    versionId: created.version.id,
    kind: 'line',
    code: '1.1',
    label: 'Salaires',
    direction: 'expense',
    nature: 'operating',
    planned: '100000',
  })
  const lineKey = found(view.items[0], 'line').lineKey
  const base = { lineKey, spentOn: today(), currency: 'EUR' }
  /** An expense shared `percent` % on heading 1 of the action, the rest on the untied fund. */
  const shared = (description: string, amount: string, percent: number, confirmed?: boolean) =>
    app.call('budget.addExpense', {
      ...base,
      agreementId: null,
      description,
      amount,
      shares: split(percent),
      ...(confirmed ? { confirmed } : {}),
    })
  const split = (percent: number) => ({
    mode: 'percent' as const,
    rows: [
      { agreementId: action.id, headingCode: '1', percent: String(percent) },
      { agreementId: null, percent: String(100 - percent) },
    ],
  })
  const single = (amount: string) =>
    app.ok('budget.addExpense', {
      ...base,
      agreementId: action.id,
      headingCode: '1',
      description: 'Salaires du trimestre',
      amount,
    })
  return { action, shared, split, single }
}

/** The heading warnings of a refusal: path and message, with plain spaces. */
function headingWarnings(result: { ok: boolean; error?: unknown }) {
  if (result.ok) return []
  const error = result.error as { code: string; warnings?: { path: string; message: string }[] }
  expect(error.code).toBe('NEEDS_CONFIRMATION')
  return (error.warnings ?? [])
    .filter((w) => w.path.endsWith('headingCode'))
    .map((w) => ({ path: w.path, message: plain(w.message) }))
}

async function headingSpent(agreementId: string): Promise<number> {
  const db = app.core.requireSession().file.db
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'expense')
    .where('agreement_id', '=', agreementId)
    .where('heading_code', '=', '1')
    .executeTakeFirstOrThrow()
  return Number(row.total ?? 0)
}

const message = (total: string, excess: string) =>
  `La rubrique 1 « Ressources humaines » atteindrait ${total} pour un budget de 10 000,00 € : plus de 25 % au-delà (au plus 12 500,00 € sans avenant), soit ${excess} de trop.`

describe('shares weighed by the +25 % heading rule', () => {
  it('a share taking its heading beyond +25 % asks with the figures, at entry and when the split changes', async () => {
    const { action, shared, split, single } = await flaggedWorld()
    // 12,000 € on the 10,000 € heading (+20 %).
    await single('12000')
    // 1,000 € shared 50/50: 500 € on the heading, 12,500 € exactly (+25 %): no question.
    expect((await shared('Salaire partagé', '1000', 50)).ok).toBe(true)
    expect(await headingSpent(action.id)).toBe(1_250_000)

    // 2,500 € shared 60/40: 1,500 € on the heading, 14,000 €: 1,500 € beyond 12,500 €.
    const asked = await shared('Salaire de la coordinatrice', '2500', 60)
    expect(headingWarnings(asked)).toEqual([
      { path: 'shares.rows.0.headingCode', message: message('14 000,00 €', '1 500,00 €') },
    ])
    expect(await headingSpent(action.id)).toBe(1_250_000)

    // The 1,000 € expense's split changed to 80/20: its 500 € given back first, then 800 €:
    // 12,000 + 800 = 12,800 €, 300 € too much — listed with the split before and after.
    const list = await app.ok('budget.expenses', { year: thisYear })
    const id = found(
      list.find((e) => e.description === 'Salaire partagé'),
      'shared expense',
    ).id
    const change = { id, agreementId: null, reason: 'Temps réel de mars', shares: split(80) }
    const changing = await app.call('budget.changeExpenseFunds', change)
    expect(headingWarnings(changing)).toEqual([
      { path: 'shares.rows.0.headingCode', message: message('12 800,00 €', '300,00 €') },
    ])
    expect(await headingSpent(action.id)).toBe(1_250_000)
    // To 40/60: 400 € for the 500 € given back, 12,400 €: only the split before and after.
    const within = await app.call('budget.changeExpenseFunds', { ...change, shares: split(40) })
    expect(within.ok).toBe(false)
    expect(headingWarnings(within)).toEqual([])
    // Confirmed: recorded (a warning, not a refusal).
    expect((await app.call('budget.changeExpenseFunds', { ...change, confirmed: true })).ok).toBe(
      true,
    )
    expect(await headingSpent(action.id)).toBe(1_280_000)
    // From the split to the heading alone: 1,000 € for the 800 € given back, 13,000 €, 500 €.
    const whole = await app.call('budget.changeExpenseFunds', {
      id,
      agreementId: action.id,
      headingCode: '1',
      reason: 'Entièrement sur l’action',
    })
    expect(headingWarnings(whole)).toEqual([
      { path: 'headingCode', message: message('13 000,00 €', '500,00 €') },
    ])
    // The 2,500 € expense confirmed: 12,800 + 1,500 = 14,300 €.
    expect((await shared('Salaire de la coordinatrice', '2500', 60, true)).ok).toBe(true)
    expect(await headingSpent(action.id)).toBe(1_430_000)
  })
})
