import { readFile } from 'node:fs/promises'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS, CHANNEL_NAMES } from '@shared/contract/channels'
import { startTestApp, type TestApp } from '../support/core'
import { contentChecksum } from '../support/files'

const RUNS_PER_CHANNEL = 1000
const HUGE = 'x'.repeat(10 * 1024 * 1024)

/** Values that break schemas: wrong types, NaN, infinities, huge numbers and strings, pollution keys. */
const nasty = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    -0,
    2 ** 53 + 1,
    1e308,
    HUGE,
    '',
    null,
    undefined,
    [],
    {},
  ),
  fc.string({ maxLength: 50 }),
)

/** Payloads shaped like each channel's input, with some of its keys wrong, missing or extra. */
function payloadsFor(channel: (typeof CHANNEL_NAMES)[number]) {
  const schema = CHANNELS[channel].input as unknown as {
    shape?: Record<string, unknown>
    def?: { shape?: Record<string, unknown> }
  }
  const keys = Object.keys(schema.shape ?? schema.def?.shape ?? {})
  const shaped = fc
    .record({
      picked: fc.subarray(keys),
      values: fc.array(nasty, { minLength: keys.length, maxLength: keys.length }),
      extra: fc.dictionary(
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'),
        nasty,
        { maxKeys: 2 },
      ),
    })
    .map(({ picked, values, extra }) => {
      const payload: Record<string, unknown> = {}
      picked.forEach((key, index) => (payload[key] = values[index]))
      for (const [key, value] of Object.entries(extra))
        Object.defineProperty(payload, key, { value, enumerable: true })
      return payload
    })
  return fc.oneof(nasty, shaped)
}

let app: TestApp
let path = ''
const checksum = () => contentChecksum(app.core.requireSession().file)

beforeAll(async () => {
  app = await startTestApp()
  await app.ok('funders.create', { name: 'Ville de Paris', kind: 'city', defaultCurrency: 'EUR' })
  path = app.core.requireSession().file.path
})
afterAll(async () => app.core.dispose())

describe('every channel, fuzzed', () => {
  it(`${RUNS_PER_CHANNEL} bad payloads per channel get typed errors and change nothing`, async () => {
    const before = await checksum()
    for (const channel of CHANNEL_NAMES) {
      const schema = CHANNELS[channel].input
      await fc.assert(
        fc.asyncProperty(payloadsFor(channel), async (payload) => {
          fc.pre(!schema.safeParse(payload).success)
          const result = await app.dispatch(channel, payload)
          expect(result.ok).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('VALIDATION')
            expect(typeof result.error.message).toBe('string')
          }
        }),
        { numRuns: RUNS_PER_CHANNEL, maxSkipsPerRun: 100 },
      )
    }
    expect(await checksum()).toBe(before)
    expect(app.core.fileInfo()?.path).toBe(path)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await readFile(path) // the file is still there and readable
  }, 240_000)
})
