import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { startTestApp, type TestApp } from '../support/core'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { randomFrom } from '../workbook/mutants'
import { closingSetUp } from './closing-setup'

/** Inputs drawn for the closing's channels. */
const CASES = 220

let app: TestApp
let path = ''
let agreementId = ''
beforeAll(async () => {
  app = await startTestApp({ lifetime: 'file' })
  path = found(app.core.fileInfo()?.path, 'path')
  const { agreement } = await closingSetUp(app)
  const action = await agreement('10000', '20')
  agreementId = action.id
  await action.receipt('2026-02-01', '6000')
  await action.expense('2026-03-31', '4000.01')
}, 60_000)
afterAll(async () => app?.core.dispose())

const HOSTILE: unknown[] = [
  '',
  ' ',
  null,
  undefined,
  42,
  -1,
  true,
  [],
  {},
  'x'.repeat(5000),
  '2026-02-30',
  '26-01-01',
  '1e3',
  '-5',
  '0',
  '12.345',
  'NaN',
  '\u0000',
  '<script>',
  "'; DROP TABLE agreements; --",
  '0190aaaa-0000-7000-8000-000000000000',
]

describe('closing channels attacked', () => {
  it(`${CASES} drawn inputs: refused naming the field with the file byte-identical, or accepted and the file checks`, async () => {
    const random = randomFrom(2727)
    const good = {
      contribution: () => ({
        agreementId,
        kind: random.pick(['cash', 'in_kind']),
        contributedOn: '2026-04-01',
        contributor: 'Ville de Dakar',
        description: 'Salle',
        amount: '100.50',
        note: null,
      }),
      close: () => ({
        agreementId,
        closedOn: '2026-10-31',
        rate: null,
        note: 'Fin',
        confirmed: true,
      }),
    }
    const outcomes = { accepted: 0, refused: 0 }
    for (let index = 0; index < CASES; index += 1) {
      const which = random.pick(['contribution', 'close'] as const)
      const input: Record<string, unknown> = good[which]()
      // One to three fields replaced by hostile values (none a third of the time), one left out.
      const fields = Object.keys(input)
      if (random.below(3) > 0) {
        for (let k = 0; k <= random.below(3); k += 1)
          input[random.pick(fields)] = HOSTILE[random.below(HOSTILE.length)]
      }
      if (random.below(10) === 0) Reflect.deleteProperty(input, random.pick(fields))
      if (random.below(12) === 0) input[random.pick(['extra', 'id'])] = 'x'
      const name = `${which} ${JSON.stringify(input)?.slice(0, 300)}`
      await app.core.closeFile()
      const before = await sha256(path)
      await app.core.openFile(path)
      const channel = which === 'close' ? 'closing.close' : 'closing.addContribution'
      const result = await app.call(channel, input as never)
      await app.core.closeFile()
      if (result.ok) {
        outcomes.accepted += 1
        expect(await checkFile(path), name).toEqual([])
        await app.core.openFile(path)
        if (result.value.closing) {
          await app.ok('closing.reopen', { id: result.value.closing.id, reason: 'Essai' })
        }
      } else {
        outcomes.refused += 1
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'NEEDS_CONFIRMATION'], name).toContain(
          result.error.code,
        )
        expect(result.error.message, name).not.toMatch(/\{\{|undefined|Error:|\bat /)
        // Every field named is one of the input's (an unknown key is refused as a whole).
        for (const field of result.error.fields ?? [])
          expect([...fields, 'extra', 'id', ''], name).toContain(field.path)
        if (result.error.code === 'VALIDATION')
          expect((result.error.fields ?? []).length, name).toBeGreaterThan(0)
        expect(await sha256(path), `${name}: the file changed`).toBe(before)
        await app.core.openFile(path)
      }
    }
    expect(outcomes.accepted).toBeGreaterThan(30)
    expect(outcomes.refused).toBeGreaterThan(100)
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)
  }, 600_000)
})
