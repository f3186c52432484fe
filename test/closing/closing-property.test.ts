import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import { startTestApp, type TestApp } from '../support/core'
import { found } from '../support/found'
import { randomFrom } from '../workbook/mutants'
import { closingSetUp } from './closing-setup'

/** Agreements drawn, each with its own mix of events before its closing. */
const AGREEMENTS = 16

let app: TestApp
let path = ''
beforeAll(async () => {
  app = await startTestApp({ lifetime: 'file' })
  path = found(app.core.fileInfo()?.path, 'path')
}, 60_000)
afterAll(async () => app?.core.dispose())

/** Cents as the form types them. */
const typed = (cents: number) => (cents / 100).toFixed(2)
const day = (month: number, date: number) =>
  `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`

describe('closing over realistic mixes', () => {
  it(`${AGREEMENTS} agreements: receipts, spending, cancellations and co-financing, then closed: refund = received − final amount due, and the file checks`, async () => {
    const random = randomFrom(2727)
    const { agreement } = await closingSetUp(app)
    for (let n = 0; n < AGREEMENTS; n += 1) {
      const ceiling = 1_000_000 + random.below(20_000_000)
      const cofinancing = random.pick([null, 1000, 2000, 2455, 2500])
      const action = await agreement(
        typed(ceiling),
        cofinancing === null ? null : String(cofinancing / 100),
      )
      let received = 0
      let spent = 0
      let cash = 0
      for (let event = 0; event < 3 + random.below(8); event += 1) {
        const what = random.below(10)
        const cents = 1 + random.below(Math.floor(ceiling / 3))
        if (what < 3) {
          const result = await action.receipt(
            day(1 + random.below(9), 1 + random.below(28)),
            typed(cents),
          )
          if (result.ok) received += cents
        } else if (what < 7) {
          // Spending within what the agreement can still spend (the ledger refuses beyond).
          if (spent + cents > ceiling) continue
          const result = await action.expense(
            day(1 + random.below(9), 1 + random.below(28)),
            typed(cents),
          )
          if (result.ok) spent += cents
        } else if (what < 8) {
          const receipts = (await app.ok('agreements.get', { id: action.id })).receipts
          if (receipts.length === 0) continue
          const receipt = random.pick(receipts)
          await app.ok('receipts.cancel', { id: receipt.id, reason: 'Versement saisi deux fois' })
          received -= receipt.amount
        } else {
          const kind = random.pick(['cash', 'in_kind'] as const)
          await app.ok('closing.addContribution', {
            agreementId: action.id,
            kind,
            contributedOn: day(3, 15),
            contributor: 'Ville partenaire',
            description: 'Cofinancement',
            amount: typed(cents),
          })
          if (kind === 'cash') cash += cents
        }
      }
      // The oracle, computed apart: the share rounded half-up on the total.
      const total = spent + cash
      const share =
        cofinancing === null ? total : Math.floor((total * (10_000 - cofinancing) + 5_000) / 10_000)
      const finalDue = Math.min(ceiling, spent, share)
      const closed = await app.ok('closing.close', {
        agreementId: action.id,
        closedOn: day(10, 31),
        confirmed: true,
      })
      const name = `${action.reference}: ${JSON.stringify({ ceiling, cofinancing, received, spent, cash })}`
      expect(closed.received, name).toBe(received)
      expect(closed.finalDue, name).toBe(finalDue)
      expect(closed.refund - closed.stillToReceive, name).toBe(received - finalDue)
      expect(Math.min(closed.refund, closed.stillToReceive), name).toBe(0)
      const detail = await app.ok('agreements.get', { id: action.id })
      expect(detail.figures.received, name).toBe(received - closed.refund)
      // Now and then reopened (the refund reversed) and closed again.
      if (random.below(3) === 0) {
        await app.ok('closing.reopen', { id: found(closed.closing, 'closing').id, reason: 'Revu' })
        expect((await app.ok('agreements.get', { id: action.id })).figures.received).toBe(received)
        await app.ok('closing.close', {
          agreementId: action.id,
          closedOn: day(11, 30),
          confirmed: true,
        })
      }
    }
    await app.core.closeFile()
    expect(await checkFile(path)).toEqual([])
    await app.core.openFile(path)
  }, 600_000)
})
