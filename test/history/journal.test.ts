import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { csvField } from '../../electron/main/history/journal-export'
import { startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('the journal', () => {
  it('lists every action of the file, newest first, searchable by author, table and value', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', {
      name: 'Ville de Genève',
      kind: 'city',
      defaultCurrency: 'CHF',
    })
    await app.core.setUserName('Awa Diop')
    await app.ok('funders.update', {
      id: funder.id,
      name: 'Ville de Genève',
      kind: 'city',
      defaultCurrency: 'CHF',
      notes: '=HYPERLINK("http://x")',
    })
    await app.ok('rates.add', {
      currency: 'USD',
      rateDate: '2025-01-01',
      rate: '1.08',
      source: 'BCE',
    })

    const all = await app.ok('history.journal', {})
    expect(all.map((e) => [e.table, e.op, e.author])).toEqual([
      ['exchange_rates', 'insert', 'Awa Diop'],
      ['funders', 'update', 'Awa Diop'],
      ['funders', 'insert', 'Testeur'],
    ])
    expect((await app.ok('history.journal', { search: 'Awa' })).length).toBe(2)
    expect((await app.ok('history.journal', { table: 'funders' })).length).toBe(2)
    expect((await app.ok('history.journal', { search: 'Genève' }))[0]?.table).toBe('funders')
  })

  it('exports as CSV, with what someone typed never run as a formula', async () => {
    app = await startTestApp()
    const funder = await app.ok('funders.create', {
      name: 'Ville de Genève',
      kind: 'city',
      defaultCurrency: 'CHF',
    })
    await app.ok('funders.update', {
      id: funder.id,
      name: 'Ville de Genève',
      kind: 'city',
      defaultCurrency: 'CHF',
      notes: '=HYPERLINK("http://x")',
    })
    app.host.nextExportPath = join(app.folder, 'journal.csv')
    const result = await app.ok('history.exportJournal', {})
    expect(result.path).toBe(join(app.folder, 'journal.csv'))
    const csv = await readFile(result.path, 'utf8')
    expect(
      csv.startsWith(
        '\uFEFFrecorded_at,author,table,record,operation,column,old_value,new_value,Registre,Enregistrement,Champ,Avant,Après',
      ),
    ).toBe(true)
    // Each change also as people read it: the register, the record's name, the field's label.
    expect(csv).toContain(',Bailleur,Ville de Genève,Notes,—,')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(csv).toContain('Ville de Genève')
    expect(result.rows).toBe(csv.trim().split('\r\n').length - 1)
    app.host.nextExportPath = null
    expect((await app.call('history.exportJournal', {})).ok).toBe(false)
    expect(csvField('+33 1 23')).toBe("'+33 1 23")
    expect(csvField('a,b')).toBe('"a,b"')
  })
})
