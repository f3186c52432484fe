import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { DuesCall } from '@shared/dues/schema'
import { startTestApp, type TestApp } from '../support/core'
import { sha256 } from '../support/files'
import { randomFrom } from '../workbook/mutants'

/** Allocations drawn for the channel. */
const CASES = 200

let app: TestApp
let path: string
let lome: string
let dakar: string
/** Lomé's calls: 2024 cancelled, 2025 and 2026 open (1 320 € each); Dakar's 2026 call. */
let cancelled: DuesCall
let older: DuesCall
let newer: DuesCall
let dakarCall: DuesCall

const pdfText = async (file: string) =>
  (await promisify(execFile)('pdftotext', ['-layout', file, '-'])).stdout

beforeAll(async () => {
  app = await startTestApp({ lifetime: 'file' })
  path = app.core.fileInfo()?.path ?? ''
  const city = (name: string, country: 'TG' | 'SN') =>
    app.ok('members.create', { kind: 'city', name, country, status: 'active' })
  lome = (await city('Commune de Lomé', 'TG')).id
  dakar = (await city('Ville de Dakar', 'SN')).id
  for (const year of [2024, 2025, 2026]) {
    await app.ok('dues.saveScale', {
      year,
      bands: [
        { memberKind: 'city', populationFrom: 0, amount: '1320', currency: 'EUR', label: 'Ville' },
      ],
    })
    await app.ok('dues.generateCalls', { year, calledOn: `${year}-01-15`, dueOn: `${year}-03-31` })
  }
  const ofLome = await app.ok('dues.calls', { memberId: lome })
  ;[cancelled, older, newer] = ofLome.map(found) as [DuesCall, DuesCall, DuesCall]
  await app.ok('dues.cancelCall', { id: cancelled.id, reason: 'Adhésion suspendue' })
  dakarCall = found((await app.ok('dues.calls', { memberId: dakar }))[0])
}, 120_000)
afterAll(async () => app?.core.dispose())

function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing')
  return value
}

const payment = (amount: string, settle?: { callId: string; amount: string }[] | null) => ({
  memberId: lome,
  kind: 'dues' as const,
  receivedOn: '2026-04-10',
  amount,
  currency: 'EUR' as const,
  method: 'transfer' as const,
  confirmed: true,
  ...(settle === undefined ? {} : { settle }),
})

/** Calls the channel on the closed-and-reopened file: its result and whether the file changed. */
async function attempt(input: unknown) {
  await app.core.closeFile()
  const before = await sha256(path)
  await app.core.openFile(path)
  const result = await app.call('dues.addPayment', input as never)
  await app.core.closeFile()
  const changed = (await sha256(path)) !== before
  await app.core.openFile(path)
  return { result, changed }
}

async function refusal(input: unknown) {
  const { result, changed } = await attempt(input)
  expect(changed, 'the file changed').toBe(false)
  if (result.ok) throw new Error('accepted')
  return result.error
}

describe('a dues payment settles the calls chosen', () => {
  it('hostile allocations are refused on the field they name, the file byte-identical', async () => {
    const otherMember = await refusal(payment('500', [{ callId: dakarCall.id, amount: '500' }]))
    expect(otherMember.fields).toEqual([
      { path: 'settle.0.callId', message: 'Cet appel n’est pas un appel ouvert de ce membre.' },
    ])
    const overCall = await refusal(
      payment('5000', [
        { callId: newer.id, amount: '100' },
        { callId: older.id, amount: '1320.01' },
      ]),
    )
    expect(overCall.fields).toEqual([
      {
        path: 'settle.1.amount',
        message: 'C’est plus que le reste dû sur cet appel (1\u202f320,00\u00a0€).',
      },
    ])
    const cancelledCall = await refusal(payment('500', [{ callId: cancelled.id, amount: '500' }]))
    expect(cancelledCall.fields?.map((f) => f.path)).toEqual(['settle.0.callId'])
    const overPayment = await refusal(
      payment('1000', [
        { callId: newer.id, amount: '800' },
        { callId: older.id, amount: '300' },
      ]),
    )
    expect(overPayment.fields).toEqual([
      {
        path: 'settle.1.amount',
        message:
          'Le versement ne couvre pas ce montant : il en reste 200,00\u00a0€ après les appels précédents.',
      },
    ])
    const voluntary = await refusal({
      ...payment('100', [{ callId: newer.id, amount: '100' }]),
      kind: 'voluntary',
    })
    expect(voluntary.fields?.map((f) => f.path)).toEqual(['settle'])
    const tooPrecise = await refusal(payment('500', [{ callId: newer.id, amount: '10.001' }]))
    expect(tooPrecise.fields?.map((f) => f.path)).toEqual(['settle.0.amount'])
  })

  it('part of the newest call settled as chosen, the next payment oldest first; the member page and the letters show it', async () => {
    const chosen = await app.ok(
      'dues.addPayment',
      payment('500', [{ callId: newer.id, amount: '500' }]),
    )
    expect(chosen.settlements.map((s) => [s.callNumber, s.amount])).toEqual([
      [newer.number, 50_000],
    ])
    expect(chosen).toMatchObject({ settled: 50_000, credit: 0 })
    const rest = await app.ok('dues.addPayment', payment('200'))
    expect(rest.settlements.map((s) => [s.callNumber, s.amount])).toEqual([[older.number, 20_000]])

    const account = await app.ok('members.account', { id: lome })
    const owed = Object.fromEntries(account.calls.map((c) => [c.number, [c.paid, c.outstanding]]))
    expect(owed[newer.number]).toEqual([50_000, 82_000])
    expect(owed[older.number]).toEqual([20_000, 112_000])

    // The reminder lists what each payment settled of the calls still owed.
    app.host.nextExportPath = join(app.folder, 'relance.pdf')
    const job = await app.ok('letters.begin', { kind: 'reminder', ids: [lome], into: 'pdf' })
    let step = await app.ok('letters.step', { jobId: job.jobId })
    while (!step.result) step = await app.ok('letters.step', { jobId: job.jobId })
    const text = await pdfText(step.result.path)
    expect(text).toMatch(new RegExp(`10/04/2026\\s+${newer.number}\\s+500,00 €`))
    expect(text).toMatch(new RegExp(`10/04/2026\\s+${older.number}\\s+200,00 €`))
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)
  })

  it(`${CASES} drawn allocations: recorded as chosen and the file checks, or refused naming the field with the file byte-identical`, async () => {
    const random = randomFrom(2121)
    const ids = [
      () => older.id,
      () => newer.id,
      () => cancelled.id,
      () => dakarCall.id,
      () => '0190aaaa-0000-7000-8000-000000000000',
      () => '',
      () => older.number,
      () => 7 as unknown as string,
    ]
    const amounts = [
      '1',
      '0.5',
      '10',
      '100',
      '820',
      '1120',
      '2000',
      '0',
      '-5',
      '1e3',
      '',
      ' 12 ',
      'abc',
    ]
    const outcomes = { recorded: 0, refused: 0 }
    for (let index = 0; index < CASES; index += 1) {
      const lines = random.below(4)
      const settle = Array.from({ length: lines }, () => ({
        callId: random.pick(ids)(),
        amount: random.pick(amounts),
      }))
      const input = payment(random.pick(['5', '50', '300', '1500', '3000']), settle)
      const name = JSON.stringify(input.settle)
      const owedBefore = Object.fromEntries(
        (await app.ok('dues.calls', { memberId: lome })).map((c) => [c.id, c.outstanding]),
      )
      const { result, changed } = await attempt(input)
      if (result.ok) {
        outcomes.recorded += 1
        // What was chosen is what was settled, in the order given (or the oldest first).
        if (settle.length > 0) {
          expect(
            result.value.settlements.map((s) => s.callId),
            name,
          ).toEqual(settle.map((s) => s.callId))
          for (const [i, s] of result.value.settlements.entries())
            expect(s.amount, name).toBe(Math.round(Number(settle[i]?.amount) * 100))
        }
        for (const s of result.value.settlements)
          expect(s.amount, name).toBeLessThanOrEqual(owedBefore[s.callId] ?? 0)
      } else {
        outcomes.refused += 1
        expect(changed, `${name}: the file changed`).toBe(false)
        expect(['VALIDATION', 'CONFLICT'], name).toContain(result.error.code)
        expect(result.error.message, name).not.toMatch(/\{\{|undefined|Error:|at /)
        expect(result.error.fields?.length, name).toBeGreaterThan(0)
        for (const field of result.error.fields ?? [])
          expect(field.path, name).toMatch(/^settle(\.\d+\.(callId|amount))?$/)
      }
    }
    expect(outcomes.recorded).toBeGreaterThan(20)
    expect(outcomes.refused).toBeGreaterThan(50)
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)
  }, 600_000)
})
