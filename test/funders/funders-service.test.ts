import { afterEach, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/core'
import type { FunderInput } from '@shared/funders/schema'

const afd: FunderInput = {
  name: 'Agence française de développement',
  acronym: 'AFD',
  kind: 'agency',
  country: 'FR',
  defaultCurrency: 'EUR',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  notes: '',
}

let app: TestApp
afterEach(async () => app?.core.dispose())

describe('funders', () => {
  it('creates, lists, edits, archives and restores a funder, logging every change', async () => {
    app = await startTestApp()
    const created = await app.ok('funders.create', afd)
    expect(created).toMatchObject({
      name: afd.name,
      acronym: 'AFD',
      contactEmail: null,
      archivedAt: null,
    })

    const updated = await app.ok('funders.update', {
      id: created.id,
      ...afd,
      contactEmail: 'a@b.org',
    })
    expect(updated.contactEmail).toBe('a@b.org')

    await app.ok('funders.archive', { id: created.id })
    expect(await app.ok('funders.list', {})).toHaveLength(0)
    expect(await app.ok('funders.list', { includeArchived: true })).toHaveLength(1)
    await app.ok('funders.restore', { id: created.id })

    const history = await app.ok('history.forRecord', { table: 'funders', id: created.id })
    expect(history.map((h) => h.op)).toEqual(['restore', 'delete', 'update', 'insert'])
    expect(history[2]?.changes).toEqual([
      {
        column: 'contact_email',
        oldValue: null,
        newValue: 'a@b.org',
        label: 'Courriel du contact',
        before: '—',
        after: 'a@b.org',
      },
    ])
    expect(history.every((h) => h.author === 'Testeur')).toBe(true)
  })

  it('refuses a duplicate name, ignoring case and accents, and writes nothing', async () => {
    app = await startTestApp()
    await app.ok('funders.create', { ...afd, name: 'Ville de Genève' })
    const db = app.core.requireSession().file.db
    const before = await db
      .selectFrom('change_log')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirst()
    const result = await app.call('funders.create', { ...afd, name: '  ville de geneve ' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('CONFLICT')
    expect(result.error.fields).toEqual([
      { path: 'name', message: 'Un bailleur porte déjà ce nom.' },
    ])
    const after = await db
      .selectFrom('change_log')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirst()
    expect(after).toEqual(before)
  })

  it('names each bad field in the user language', async () => {
    app = await startTestApp()
    await app.core.setLanguage('en')
    const result = await app.call('funders.create', {
      ...afd,
      name: ' ',
      defaultCurrency: 'ZZZ',
      contactEmail: 'not-an-email',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'This field is required.' },
        { path: 'defaultCurrency', message: 'Unknown currency.' },
        { path: 'contactEmail', message: 'Invalid e-mail address.' },
      ]),
    )
    expect(await app.ok('funders.list', { includeArchived: true })).toEqual([])
  })
})
