import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { CONVERSION_RULES } from '@shared/funds/conversion-rule'
import { startTestApp, type TestApp } from '../support/core'
import { sha256 } from '../support/files'
import { randomFrom } from '../workbook/mutants'

/** Inputs drawn for the channel. */
const CASES = 200

let app: TestApp
let path: string
let agreementId: string
let archivedId: string

beforeAll(async () => {
  app = await startTestApp({ lifetime: 'file' })
  path = found(app.core.fileInfo()?.path)
  const funder = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  const create = (reference: string) =>
    app.ok('agreements.create', {
      funderId: funder.id,
      reference,
      title: 'Action',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      currency: 'EUR',
      amount: '1000',
      earmarking: 'untied',
      nature: 'operating',
    })
  agreementId = (await create('UE-1')).id
  archivedId = (await create('UE-2')).id
  await app.ok('agreements.archive', { id: archivedId })
}, 60_000)
afterAll(async () => app?.core.dispose())

function found<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('missing')
  return value
}

describe('agreements.setConversionRule attacked', () => {
  it(`${CASES} drawn inputs: refused naming the field with the file byte-identical, or saved and the file checks`, async () => {
    const random = randomFrom(2715)
    const ids: unknown[] = [
      () => agreementId,
      () => archivedId,
      () => '0190aaaa-0000-7000-8000-000000000000',
      () => '',
      () => 'UE-1',
      () => 42,
      () => null,
      () => undefined,
      () => agreementId.toUpperCase(),
      () => ` ${agreementId}`,
    ]
    const rules: unknown[] = [
      ...CONVERSION_RULES,
      'DAY_RATE',
      'inforeuro',
      '',
      ' day_rate',
      null,
      1,
      ['day_rate'],
      { rule: 'day_rate' },
      'receipts_fifo\u0000',
      undefined,
    ]
    const outcomes = { saved: 0, refused: 0 }
    for (let index = 0; index < CASES; index += 1) {
      // Half the draws well-formed, so that both outcomes are met often.
      const id = random.below(2) === 0 ? agreementId : (random.pick(ids) as () => unknown)()
      const rule =
        random.below(2) === 0 ? random.pick(CONVERSION_RULES) : rules[random.below(rules.length)]
      // Now and then a field left out, or one the channel does not know.
      const left = random.below(10) === 0 ? random.pick(['agreementId', 'rule']) : null
      const input: Record<string, unknown> = Object.fromEntries(
        Object.entries({ agreementId: id, rule }).filter(([key]) => key !== left),
      )
      if (random.below(8) === 0) input[random.pick(['extra', 'confirmed', '__proto__'])] = true
      const name = JSON.stringify(input)
      await app.core.closeFile()
      const before = await sha256(path)
      await app.core.openFile(path)
      const result = await app.call('agreements.setConversionRule', input as never)
      await app.core.closeFile()
      if (result.ok) {
        outcomes.saved += 1
        expect(result.value.conversionRule, name).toBe(rule)
        expect(await checkFile(path), name).toEqual([])
      } else {
        outcomes.refused += 1
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], name).toContain(result.error.code)
        expect(result.error.message, name).not.toMatch(/\{\{|undefined|Error:|at /)
        if (result.error.code === 'VALIDATION')
          expect((result.error.fields ?? []).map((f) => f.path).join(), name).toMatch(
            /agreementId|rule|^$/,
          )
        expect(await sha256(path), `${name}: the file changed`).toBe(before)
      }
      await app.core.openFile(path)
    }
    expect(outcomes.saved).toBeGreaterThan(20)
    expect(outcomes.refused).toBeGreaterThan(100)
    const saved = await app.ok('agreements.get', { id: agreementId })
    expect(CONVERSION_RULES).toContain(saved.conversionRule)
    await app.core.closeFile()
    expect(await checkFile(join(path))).toEqual([])
  }, 600_000)
})
