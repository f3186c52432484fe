import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { sha256 } from '../support/files'
import { found } from '../support/found'
import { randomFrom } from '../workbook/mutants'
import { type OverheadWorld, agreementWith, overheadWorld, spend } from './overhead-setup'

/** Inputs drawn for the channel. */
const CASES = 220

let world: OverheadWorld
let path: string
let agreementId: string
let archivedId: string

beforeAll(async () => {
  world = await overheadWorld({ lifetime: 'file' })
  path = found(world.app.core.fileInfo()?.path, 'path')
  agreementId = await agreementWith(world, 'UE-FUZZ', { amount: '1000000' })
  archivedId = await agreementWith(world, 'UE-ARCH', {})
  await spend(world, archivedId, '100')
  await world.app.ok('agreements.archive', { id: archivedId })
}, 120_000)
afterAll(async () => world?.app.core.dispose())

describe('agreements.postOverhead attacked', () => {
  it(`${CASES} drawn inputs: refused naming the field with the file byte-identical, or posted and the file checks`, async () => {
    const random = randomFrom(2727)
    const ids: unknown[] = [
      archivedId,
      '0190aaaa-0000-7000-8000-000000000000',
      '',
      'UE-FUZZ',
      42,
      null,
      undefined,
      agreementId.toUpperCase(),
      ` ${agreementId}`,
      [agreementId],
    ]
    const dates: unknown[] = [
      '2026-02-30',
      '2026-13-01',
      '26-06-30',
      '2026-06-30T00:00:00Z',
      '',
      null,
      20260630,
      '2025-12-31',
      '9999-99-99',
      '2026-06-3O',
      { day: '2026-06-30' },
      undefined,
    ]
    const notes: unknown[] = [null, '', 'Frais de structure', 'x'.repeat(501), 7, ['a']]
    const outcomes = { posted: 0, refused: 0 }
    let day = 1
    for (let index = 0; index < CASES; index += 1) {
      // Spending now and then, so that there is overhead to post again.
      if (index % 4 === 0)
        await spend(
          world,
          agreementId,
          `${100 + random.below(5000)}.${random.below(100)}`,
          '2026-01-10',
        )
      const id = random.below(2) === 0 ? agreementId : ids[random.below(ids.length)]
      // Well-formed dates move forward through the year (a posting never precedes the last).
      const postedOn =
        random.below(2) === 0
          ? `2026-${String(1 + Math.min(11, Math.floor(day / 28))).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`
          : dates[random.below(dates.length)]
      day += random.below(3)
      // Now and then a field left out.
      const left = random.below(10) === 0 ? random.pick(['agreementId', 'postedOn']) : null
      const input: Record<string, unknown> = Object.fromEntries(
        Object.entries({ agreementId: id, postedOn }).filter(([key]) => key !== left),
      )
      if (random.below(3) === 0) input.note = notes[random.below(notes.length)]
      if (random.below(8) === 0) input[random.pick(['amount', 'rateBp', 'confirmed'])] = 1
      const name = JSON.stringify(input)
      await world.app.core.closeFile()
      const before = await sha256(path)
      await world.app.core.openFile(path)
      const result = await world.app.call('agreements.postOverhead', input as never)
      await world.app.core.closeFile()
      if (result.ok) {
        outcomes.posted += 1
        expect(result.value.posted, name).toBeLessThanOrEqual(result.value.allowed)
        expect(await checkFile(path), name).toEqual([])
      } else {
        outcomes.refused += 1
        expect(['VALIDATION', 'NOT_FOUND', 'CONFLICT'], name).toContain(result.error.code)
        expect(result.error.message, name).not.toMatch(/\{\{|undefined|Error:|at /)
        const fields = (result.error.fields ?? []).map((f) => f.path).join()
        expect(fields, name).toMatch(/agreementId|postedOn|note|^$/)
        // Each refusal names its field; a key the channel does not know is named in its message.
        const named = (result.error.fields ?? []).map((f) => `${f.path} ${f.message}`).join()
        if (result.error.code !== 'NOT_FOUND')
          expect(named, name).toMatch(/agreementId|postedOn|note|amount|rateBp|confirmed/)
        expect(await sha256(path), `${name}: the file changed`).toBe(before)
      }
      await world.app.core.openFile(path)
    }
    expect(outcomes.posted).toBeGreaterThan(15)
    expect(outcomes.refused).toBeGreaterThan(100)
  }, 900_000)
})
