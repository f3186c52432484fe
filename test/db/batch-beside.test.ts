import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

/**
 * A batch (an import, its dry run) holds one transaction for a while; the window stays usable.
 * An action made beside it waits for it, then runs in its own transaction: never committed with
 * the batch, undone with a dry run, or told saved and lost.
 */
async function besideABatch(
  run: 'rehearse' | 'batch',
  ending: 'done' | 'refused',
): Promise<{ names: string[]; answeredBeforeTheEnd: boolean }> {
  app = await startTestApp()
  const file = app.core.requireSession().file
  let release = () => {}
  const gate = new Promise<void>((resolve) => (release = resolve))
  let started = () => {}
  const inside = new Promise<void>((resolve) => (started = resolve))
  const work = async () => {
    started()
    // The batch's own action joins it.
    await app.ok('funders.create', {
      name: 'Fonds de l’import',
      kind: 'foundation',
      defaultCurrency: 'EUR',
    })
    await gate
    if (ending === 'refused') throw new Error('refused')
    return 1
  }
  const batch = (run === 'rehearse' ? file.rehearse('Import', work) : file.batch('Import', work))
    .then(() => 'ended')
    .catch(() => 'ended')
  await inside
  let answered = false
  const beside = app
    .ok('funders.create', { name: 'Fondation X', kind: 'foundation', defaultCurrency: 'EUR' })
    .then(() => (answered = true))
  // Long enough for the action beside to be written, had it joined the batch.
  await new Promise((resolve) => setTimeout(resolve, 200))
  const answeredBeforeTheEnd = answered
  release()
  await batch
  await beside
  const rows = await file.db.selectFrom('funders').select('name').orderBy('name').execute()
  return { names: rows.map((row) => row.name), answeredBeforeTheEnd }
}

describe('an action made beside a batch', () => {
  it('waits for a dry run, then is saved, the dry run’s own records undone', async () => {
    const { names, answeredBeforeTheEnd } = await besideABatch('rehearse', 'done')
    expect(answeredBeforeTheEnd).toBe(false)
    expect(names).toEqual(['Fondation X'])
  })

  it('waits for an import, then is saved beside the import’s records', async () => {
    const { names, answeredBeforeTheEnd } = await besideABatch('batch', 'done')
    expect(answeredBeforeTheEnd).toBe(false)
    expect(names).toEqual(['Fondation X', 'Fonds de l’import'])
  })

  it('is saved when the import it waited for is refused and undone', async () => {
    const { names } = await besideABatch('batch', 'refused')
    expect(names).toEqual(['Fondation X'])
  })
})
