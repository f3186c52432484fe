import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

const funderFields = {
  name: 'Ville de Lomé',
  acronym: null,
  kind: 'city' as const,
  country: 'TG',
  defaultCurrency: 'XOF' as const,
  contactName: 'A. Mensah',
  contactEmail: null,
  contactPhone: null,
  notes: 'Première note',
}

async function logOf(id: string) {
  return app.core
    .requireSession()
    .file.db.selectFrom('change_log')
    .selectAll()
    .where('row_id', '=', id)
    .orderBy('seq')
    .execute()
}

describe('undo of the last edit of a field', () => {
  it('writes a NEW logged change restoring the previous values, history kept, sync-ready', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', funderFields)
    await app.ok('funders.update', {
      id: funder.id,
      ...funderFields,
      notes: 'Note corrigée',
      contactName: 'B. Mensah',
    })
    const before = await logOf(funder.id)

    const undone = await app.ok('history.undoLast', {})
    expect(undone).toMatchObject({ table: 'funders', id: funder.id, name: 'Ville de Lomé' })
    expect([...undone.columns].sort()).toEqual(['contact_name', 'notes'])
    const restored = await app.ok('funders.get', { id: funder.id })
    expect(restored.notes).toBe('Première note')
    expect(restored.contactName).toBe('A. Mensah')

    // Nothing rewritten: the earlier rows stay as they were, new rows follow in one new action.
    const after = await logOf(funder.id)
    expect(after.slice(0, before.length)).toEqual(before)
    const added = after.slice(before.length)
    expect(added.map((r) => r.column_name).sort()).toEqual(['contact_name', 'notes'])
    expect(new Set(added.map((r) => r.tx_id)).size).toBe(1)
    expect(before.map((r) => r.tx_id)).not.toContain(added[0]?.tx_id)
    for (const row of added) {
      expect(row.op).toBe('update')
      expect(row.author).toBe('Testeur')
      // HLC stamps after every earlier one: a peer applying the log replays the undo last.
      expect(row.hlc > (before.at(-1)?.hlc ?? '')).toBe(true)
    }
    expect(added.find((r) => r.column_name === 'notes')).toMatchObject({
      old_value: JSON.stringify('Note corrigée'),
      new_value: JSON.stringify('Première note'),
    })
    // The history shows the undo as the newest action.
    const history = await app.ok('history.forRecord', { table: 'funders', id: funder.id })
    expect(history[0]?.changes.find((c) => c.column === 'notes')).toMatchObject({
      oldValue: 'Note corrigée',
      newValue: 'Première note',
    })

    // Undoing again undoes the undo (the last edit is now the undo): the value comes back.
    await app.ok('history.undoLast', {})
    expect((await app.ok('funders.get', { id: funder.id })).notes).toBe('Note corrigée')
  })

  it('refuses, changing nothing, when the last action is a creation, a money event or nothing', async () => {
    app = await startTestApp()
    const nothing = await app.call('history.undoLast', {})
    expect(nothing).toMatchObject({
      ok: false,
      error: { message: 'Aucune modification à annuler.' },
    })

    const funder = await app.ok('funders.create', funderFields)
    const count = (await logOf(funder.id)).length
    const creation = await app.call('history.undoLast', {})
    expect(creation.ok).toBe(false)
    if (!creation.ok) expect(creation.error.message).toContain('contre-passation')
    expect(await logOf(funder.id)).toHaveLength(count)

    // An agreement's amount moves the ledger: it is not undone by this way.
    const fields = {
      funderId: funder.id,
      reference: 'LOME-2026-01',
      title: 'Assainissement',
      signedOn: '2026-02-15',
      startsOn: '2026-03-01',
      endsOn: '2028-12-31',
      currency: 'EUR' as const,
      amount: '100000',
      earmarking: 'projects' as const,
      nature: 'investment' as const,
    }
    const agreement = await app.ok('agreements.create', fields)
    await app.ok('agreements.update', { id: agreement.id, fields: { ...fields, amount: '120000' } })
    const money = await app.call('history.undoLast', {})
    expect(money.ok).toBe(false)
    expect((await app.ok('agreements.get', { id: agreement.id })).initialAmount).toBe(12_000_000)
  })

  it('refuses when the record changed since the edit (another hand, a sync)', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', funderFields)
    await app.ok('funders.update', { id: funder.id, ...funderFields, notes: 'Deuxième' })
    await app.core
      .requireSession()
      .file.write('Autre poste', (writer) =>
        writer.update('funders', funder.id, { notes: 'Troisième' }),
      )
    const refused = await app.call('history.undoLast', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await app.ok('funders.get', { id: funder.id })).notes).toBe('Troisième')
  })
})
