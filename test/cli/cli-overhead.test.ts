import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { aimf } from '../support/cli'
import { agreementWith, overheadWorld, spend } from '../funds/overhead-setup'
import type { TestApp } from '../support/core'

let app: TestApp | undefined
afterEach(async () => app?.core.dispose())

interface Listed {
  reference: string
  rateBp: number
  directCosts: number
  allowed: number
  posted: number
  toPost: number
  postings: { postedOn: string; amount: number; cancelled: boolean }[]
}

/** `aimf overhead FILE --json`, parsed. */
async function listed(path: string): Promise<Listed[]> {
  const { code, out } = await aimf('overhead', path, '--json')
  expect(code).toBe(0)
  return JSON.parse(out) as Listed[]
}

describe('aimf overhead', () => {
  it('lists and posts an agreement’s overhead with the window’s service, refusing on the option', async () => {
    const world = await overheadWorld()
    app = world.app
    // 7 % of 10,000.00 € of direct costs: 700.00 € allowed; an agreement without a rate is left out.
    const eu = await agreementWith(world, 'UE-7', {})
    await spend(world, eu, '10000')
    await agreementWith(world, 'SANS-TAUX', { rate: null })
    const path = join(world.app.folder, 'data.sqlite')
    await world.app.core.dispose()
    app = undefined

    expect(await listed(path)).toEqual([
      {
        reference: 'UE-7',
        currency: 'EUR',
        rateBp: 700,
        directCosts: 1_000_000,
        allowed: 70_000,
        posted: 0,
        available: 9_000_000,
        toPost: 70_000,
        postings: [],
      },
    ])
    const text = await aimf('overhead', path, '--lang', 'fr')
    expect(text.out).toMatch(/^UE-7 : taux 7\s%.* reste à comptabiliser 700,00\s€$/)

    // Refusals: a located message, exit 2, no stack trace, nothing written.
    for (const [args, message] of [
      [['post'], /^Usage : aimf overhead FICHIER/],
      [['post', '--agreement', 'UE-7'], /^--date: /],
      [['post', '--agreement', 'UE-7', '--date', '31/03/2026'], /^--date: /],
      [['post', '--agreement', 'UE-7', '--date', '2025-06-30'], /^--date: .*01\/01\/2026/],
      [['post', '--agreement', 'NULLE', '--date', '2026-03-31'], /^--agreement: .*NULLE/],
      [['post', '--agreement', 'SANS-TAUX', '--date', '2026-03-31'], /^--agreement: /],
      [['poste', '--agreement', 'UE-7'], /^Usage/],
    ] as const) {
      const refused = await aimf('overhead', path, ...args)
      expect(refused.code, args.join(' ')).toBe(2)
      expect(refused.err, args.join(' ')).toMatch(message)
      expect(refused.err).not.toMatch(/\n\s+at /)
    }
    expect((await listed(path))[0]?.posted).toBe(0)
    const refusedJson = await aimf('overhead', path, 'post', '--agreement', 'UE-7', '--json')
    expect(refusedJson.code).toBe(2)
    expect(JSON.parse(refusedJson.out)).toMatchObject({ error: { code: 'REFUSED' } })

    // Posting moves 700.00 € to the untied fund: its income rises by that much.
    const untiedBefore = JSON.parse((await aimf('summary', path, '--json')).out).untied
    const posted = await aimf(
      'overhead',
      path,
      'post',
      '--agreement',
      'ue-7',
      '--date',
      '2026-03-31',
    )
    expect(posted).toMatchObject({ code: 0, err: '' })
    expect(posted.out).toMatch(/^700,00\s€ de frais indirects de UE-7 comptabilisés le 2026-03-31/)
    const untiedAfter = JSON.parse((await aimf('summary', path, '--json')).out).untied
    expect(untiedAfter.received - untiedBefore.received).toBe(70_000)
    expect(untiedAfter.available - untiedBefore.available).toBe(70_000)
    expect(await listed(path)).toMatchObject([
      { posted: 70_000, toPost: 0, postings: [{ postedOn: '2026-03-31', amount: 70_000 }] },
    ])
    // Nothing more to post: said, and refused.
    const again = await aimf(
      'overhead',
      path,
      'post',
      '--agreement',
      'UE-7',
      '--date',
      '2026-04-30',
    )
    expect(again.code).toBe(2)
    expect(again.err).toMatch(/^--agreement: /)
    expect(await aimf('check', path)).toMatchObject({ code: 0 })
  }, 120_000)
})
