import { afterEach, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { found } from '../support/found'
import { randomFrom } from '../workbook/mutants'
import { type OverheadWorld, agreementWith, overheadWorld } from './overhead-setup'

let world: OverheadWorld
afterEach(async () => world?.app.core.dispose())

/** Realistic mixes drawn: each a file with its own agreements and history. */
const MIXES = 8
const STEPS = 24

describe('overhead recovery over drawn mixes of spending, cancellations and postings', () => {
  it(`${MIXES} mixes of ${STEPS} steps: the cap holds, the ledger balances, the file checks`, async () => {
    const met = { posted: 0, cancelled: 0, reduced: 0 }
    for (let mix = 0; mix < MIXES; mix += 1) {
      const random = randomFrom(9_270 + mix)
      world = await overheadWorld()
      const agreements = [
        await agreementWith(world, `UE-${mix}-A`, { rate: '7' }),
        await agreementWith(world, `UE-${mix}-B`, { amount: '20000', rate: '12.5' }),
        await agreementWith(world, `US-${mix}-C`, { currency: 'USD', amount: '80000', rate: '5' }),
      ]
      const expenses: string[] = []
      let month = 1
      for (let step = 0; step < STEPS; step += 1) {
        const agreementId = found(agreements[random.below(agreements.length)], 'agreement')
        const day = `2026-${String(Math.min(12, month)).padStart(2, '0')}-15`
        const roll = random.below(10)
        if (roll < 5) {
          const amount = `${50 + random.below(4000)}.${String(random.below(100)).padStart(2, '0')}`
          const result = await world.app.call('budget.addExpense', {
            confirmed: true,
            lineKey: world.lineKey,
            spentOn: day,
            agreementId,
            description: `Dépense ${step}`,
            amount,
            currency: 'EUR',
          })
          // Beyond what the agreement has free it is refused: part of a realistic mix.
          if (result.ok)
            expenses.push(
              found(
                result.value.find((x) => x.description === `Dépense ${step}`),
                'new',
              ).id,
            )
        } else if (roll < 7 && expenses.length > 0) {
          const [id] = expenses.splice(random.below(expenses.length), 1)
          met.cancelled += 1
          await world.app.ok('budget.cancelExpense', {
            id: found(id, 'id'),
            reason: 'Erreur de saisie',
          })
        } else {
          const result = await world.app.call('agreements.postOverhead', {
            agreementId,
            postedOn: day,
          })
          if (!result.ok) expect(result.error.fields?.[0]?.path).toBe('agreementId')
          else met.posted += 1
          if (result.ok && result.value.postings.some((p) => p.cancelReason !== null))
            met.reduced += 1
          month += random.below(2)
        }
        for (const id of agreements) {
          const position = await world.app.ok('agreements.overhead', { id })
          const live = position.postings.filter((p) => p.cancelReason === null)
          expect(position.posted).toBe(live.reduce((sum, p) => sum + p.amount, 0))
          expect(position.available).toBeGreaterThanOrEqual(0)
        }
      }
      // Post once more everywhere: every cap then holds, by the page and by the ledger.
      for (const agreementId of agreements) {
        await world.app.call('agreements.postOverhead', { agreementId, postedOn: '2026-12-31' })
        const position = await world.app.ok('agreements.overhead', { id: agreementId })
        expect(position.posted).toBeLessThanOrEqual(position.allowed)
        expect(position.toPost).toBe(0)
      }
      const db = world.app.core.requireSession().file.db
      const sums = await db
        .selectFrom('ledger_entries')
        .select(['kind'])
        .select((eb) => [eb.fn.sum<number>('eur_minor').as('eur')])
        .where('source_table', '=', 'overhead_recoveries')
        .groupBy('kind')
        .execute()
      const byKind = Object.fromEntries(sums.map((s) => [s.kind, Number(s.eur)]))
      // One money event: what left the agreements is what the untied fund received.
      expect(byKind.expense ?? 0).toBe(byKind.other_income ?? 0)
      const live = await db
        .selectFrom('overhead_recoveries')
        .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      expect(byKind.other_income ?? 0).toBe(Number(live?.eur ?? 0))
      const path = found(world.app.core.fileInfo()?.path, 'path')
      await world.app.core.closeFile()
      expect(await checkFile(path)).toEqual([])
      await world.app.core.dispose()
    }
    // Each kind of step was met, a lowered cap among them.
    expect(met.posted).toBeGreaterThan(10)
    expect(met.cancelled).toBeGreaterThan(10)
    expect(met.reduced).toBeGreaterThan(0)
  }, 900_000)
})
