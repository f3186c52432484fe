import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { HybridLogicalClock, parseHlc } from '../../electron/main/changelog/hlc'
import { DataFile } from '../../electron/main/db/data-file'
import { HistoryService } from '../../electron/main/history/history-service'
import { tempFolder } from '../support/temp'

describe('hybrid logical clock', () => {
  it('stamps are unique and sorted even when the wall clock stalls or goes back', () => {
    let now = 1_700_000_000_000
    const clock = new HybridLogicalClock('0123456789abcdef', undefined, () => now)
    const stamps = [clock.tick(), clock.tick()]
    now -= 60_000
    stamps.push(clock.tick())
    now += 120_000
    stamps.push(clock.tick())
    expect(new Set(stamps).size).toBe(4)
    expect([...stamps].sort()).toEqual(stamps)
    expect(parseHlc(stamps[1] ?? '')).toMatchObject({ counter: 1, replicaId: '0123456789abcdef' })
  })

  it('moves past a stamp received from another machine', () => {
    const now = 1_700_000_000_000
    const laptop = new HybridLogicalClock('aaaaaaaaaaaaaaaa', undefined, () => now + 5_000)
    const office = new HybridLogicalClock('bbbbbbbbbbbbbbbb', undefined, () => now)
    const remote = laptop.tick()
    office.receive(remote)
    expect(office.tick() > remote).toBe(true)
  })
})

describe('change log', () => {
  it('is written in the same transaction as the change, and rolled back with it', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'log.sqlite'))
    const count = async () =>
      Number(
        (
          await file.db
            .selectFrom('change_log')
            .select(file.db.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const id = await file.write('Awa', (w) =>
      w.insert('funders', { name: 'GIZ', kind: 'agency', default_currency: 'EUR' }),
    )
    const afterInsert = await count()
    expect(afterInsert).toBeGreaterThan(0)

    await expect(
      file.write('Awa', async (w) => {
        await w.update('funders', id, { name: 'GIZ GmbH' })
        throw new Error('abandon')
      }),
    ).rejects.toThrow('abandon')
    expect(await count()).toBe(afterInsert)
    expect(
      (await file.db.selectFrom('funders').select('name').executeTakeFirstOrThrow()).name,
    ).toBe('GIZ')

    const changed = await file.write('Awa', (w) =>
      w.update('funders', id, { name: 'GIZ', notes: 'Bonn' }),
    )
    expect(changed).toEqual(['notes'])
    const last = await file.db
      .selectFrom('change_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last).toMatchObject({
      table_name: 'funders',
      row_id: id,
      column_name: 'notes',
      old_value: 'null',
      new_value: '"Bonn"',
      author: 'Awa',
      op: 'update',
    })
    await file.close()
  })

  it('cannot be edited or deleted', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'log.sqlite'))
    await file.write('Awa', (w) =>
      w.insert('funders', { name: 'GIZ', kind: 'agency', default_currency: 'EUR' }),
    )
    await expect(sql`UPDATE change_log SET author = 'X'`.execute(file.db)).rejects.toThrow(
      /append-only/,
    )
    await expect(sql`DELETE FROM change_log`.execute(file.db)).rejects.toThrow(/append-only/)
    await file.close()
  })

  it('logs an insert as one row holding the record, which the history reads as its fields', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'log.sqlite'))
    const rowsOf = (id: string) =>
      file.db.selectFrom('change_log').selectAll().where('row_id', '=', id).execute()
    const id = await file.write('Awa', (w) =>
      w.insert('funders', { name: 'GIZ', kind: 'agency', default_currency: 'EUR', notes: null }),
    )
    const rows = await rowsOf(id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ op: 'insert', column_name: '*', author: 'Awa' })
    expect(JSON.parse(rows[0]?.new_value ?? '')).toEqual({
      name: 'GIZ',
      kind: 'agency',
      default_currency: 'EUR',
    })
    await file.write('Awa', (w) => w.update('funders', id, { notes: 'Bonn' }))
    const history = await new HistoryService(file).forRecord('funders', id, 'fr')
    expect(history.map((entry) => entry.changes)).toEqual([
      [
        {
          column: 'notes',
          oldValue: null,
          newValue: 'Bonn',
          label: 'Notes',
          before: '—',
          after: 'Bonn',
        },
      ],
      [
        {
          column: 'name',
          oldValue: null,
          newValue: 'GIZ',
          label: 'Nom',
          before: '—',
          after: 'GIZ',
        },
        {
          column: 'kind',
          oldValue: null,
          newValue: 'agency',
          label: 'Type',
          before: '—',
          after: 'Agence',
        },
        {
          column: 'default_currency',
          oldValue: null,
          newValue: 'EUR',
          label: 'Devise par défaut',
          before: '—',
          after: 'EUR — euro',
        },
      ],
    ])
    await file.close()
  })

  it('keeps the clock monotonic across a reopen', async () => {
    const path = join(await tempFolder(), 'log.sqlite')
    let file = await DataFile.create(path)
    await file.write('Awa', (w) =>
      w.insert('funders', { name: 'A', kind: 'other', default_currency: 'EUR' }),
    )
    const first = await file.db
      .selectFrom('change_log')
      .select('hlc')
      .orderBy('hlc', 'desc')
      .executeTakeFirstOrThrow()
    await file.close()
    file = await DataFile.open(path)
    await file.write('Awa', (w) =>
      w.insert('funders', { name: 'B', kind: 'other', default_currency: 'EUR' }),
    )
    const stamps = await file.db
      .selectFrom('change_log')
      .select(['hlc', 'seq'])
      .orderBy('seq')
      .execute()
    expect(stamps.map((s) => s.hlc)).toEqual([...stamps.map((s) => s.hlc)].sort())
    expect((stamps.at(-1)?.hlc ?? '') > first.hlc).toBe(true)
    await file.close()
  })
})
