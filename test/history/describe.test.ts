import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { HISTORY_TABLES, type HistoryChange } from '@shared/history/schema'
import { columnLabel, isShownColumn } from '@shared/history/describe'
import { startDemoApp, startTestApp, type TestApp } from '../support/core'

let app: TestApp
afterEach(async () => app?.core.dispose())

/** Intl's no-break spaces as plain spaces, so that a figure can be written in the test. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')
const shown = (changes: HistoryChange[]) =>
  Object.fromEntries(changes.map((c) => [c.label, `${plain(c.before)} → ${plain(c.after)}`]))

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

async function westAfricanAgreement() {
  app = await startTestApp()
  const funder = await app.ok('funders.create', {
    name: 'Union économique et monétaire ouest-africaine',
    acronym: 'UEMOA',
    kind: 'multilateral',
    defaultCurrency: 'XOF',
  })
  const fields = {
    funderId: funder.id,
    reference: 'UEMOA-2026-01',
    title: 'Villes durables',
    signedOn: '2026-02-15',
    startsOn: '2026-03-01',
    endsOn: '2028-12-31',
    currency: 'XOF' as const,
    amount: '250000000',
    earmarking: 'untied' as const,
    nature: 'operating' as const,
    cofinancingPercent: '24.5',
  }
  const agreement = await app.ok('agreements.create', fields)
  return { funder, agreement, fields }
}

describe('the history as an auditor reads it', () => {
  it('shows an amount change with the record’s currency, its dates and rates formatted', async () => {
    const { agreement, fields } = await westAfricanAgreement()
    await app.ok('agreements.update', {
      id: agreement.id,
      fields: { ...fields, amount: '300000000', endsOn: '2029-06-30' },
    })
    const [update, insert] = await app.ok('history.forRecord', {
      table: 'agreements',
      id: agreement.id,
    })
    expect(update?.op).toBe('update')
    expect(shown(update?.changes ?? [])).toEqual({
      Montant: '250 000 000 F CFA (BCEAO) → 300 000 000 F CFA (BCEAO)',
      Fin: '31/12/2028 → 30/06/2029',
    })
    const created = shown(insert?.changes ?? [])
    expect(created).toMatchObject({
      Bailleur: '— → Union économique et monétaire ouest-africaine (UEMOA)',
      Référence: '— → UEMOA-2026-01',
      'Signé le': '— → 15/02/2026',
      Devise: '— → XOF — franc CFA (BCEAO)',
      Montant: '— → 250 000 000 F CFA (BCEAO)',
      Fléchage: '— → Délié',
      Nature: '— → Fonctionnement',
      Cofinancement: '— → 24,5 %',
    })
  })

  it('names the conversion rule chosen for an agreement by its label, never its code', async () => {
    const { agreement } = await westAfricanAgreement()
    await app.ok('agreements.setConversionRule', {
      agreementId: agreement.id,
      rule: 'receipts_fifo',
    })
    const [change] = await app.ok('history.forRecord', { table: 'agreements', id: agreement.id })
    expect(shown(change?.changes ?? [])).toEqual({
      'Règle de conversion':
        'Taux de la banque du jour → Premier entré, premier sorti sur les versements',
    })
    await app.ok('app.setLanguage', { language: 'en' })
    const [english] = await app.ok('history.forRecord', { table: 'agreements', id: agreement.id })
    expect(english?.changes.map((c) => `${c.before} → ${c.after}`)).toEqual([
      'Bank rate of the day → First in, first out over the receipts',
    ])
    const journal = await app.ok('history.journal', {})
    const shownTexts = journal.flatMap((entry) => entry.changes.flatMap((c) => [c.before, c.after]))
    expect(shownTexts).toContain('First in, first out over the receipts')
    expect(shownTexts.join(' ')).not.toMatch(/receipts_fifo|day_rate/)
  })

  it('says a status and a kind in words and names a member instead of its id, in English too', async () => {
    app = await startTestApp()
    const member = await app.ok('members.create', {
      kind: 'city',
      name: 'Ville de Dakar',
      country: 'SN',
      status: 'active',
    })
    const project = await app.ok('projects.create', {
      title: 'Assainissement de la Médina',
      memberId: member.id,
      sectorCode: '14030',
      programme: 'essential_services',
      nature: 'investment',
      currency: 'EUR',
      totalCost: '200000',
    })
    await app.ok('projects.transition', {
      projectId: project.id,
      to: 'approved',
      onDate: '2026-03-10',
      bureauMeeting: 'Bureau de mars 2026',
      // Approved with no plan: the plausibility question (issue 21) is answered, as a user would.
      confirmed: true,
    })
    const history = await app.ok('history.forRecord', { table: 'projects', id: project.id })
    const transition = history.find((entry) => entry.changes.some((c) => c.column === 'status'))
    expect(shown(transition?.changes ?? [])).toMatchObject({
      Statut: 'En instruction → Approuvé',
      'Approuvé le': '— → 10/03/2026',
    })
    const created = shown(history.at(-1)?.changes ?? [])
    expect(created).toMatchObject({
      Membre: '— → M-0001 — Ville de Dakar',
      'Coût total': '— → 200 000,00 €',
      Nature: '— → Investissement',
    })
    expect(created.Secteur).toMatch(/^— → 14030 — /)

    await app.ok('app.setLanguage', { language: 'en' })
    const english = await app.ok('history.forRecord', { table: 'projects', id: project.id })
    expect(shown(english.at(-1)?.changes ?? [])).toMatchObject({
      Member: '— → M-0001 — Ville de Dakar',
      'Total cost': '— → €200,000.00',
    })
    const memberHistory = await app.ok('history.forRecord', { table: 'members', id: member.id })
    expect(shown(memberHistory[0]?.changes ?? [])).toMatchObject({
      Country: '— → Senegal',
      Status: '— → Active',
    })
  })

  it('writes a year as a year, not grouped as a count', async () => {
    app = await startTestApp()
    await app.ok('dues.saveScale', {
      year: 2026,
      bands: [
        {
          memberKind: 'city',
          populationFrom: 1500,
          amount: '1320',
          currency: 'EUR',
          label: 'Ville',
        },
      ],
    })
    const [band] = await app.ok('history.journal', { table: 'dues_bands' })
    expect(shown(band?.changes ?? [])).toMatchObject({
      Année: '— → 2026',
      'Population à partir de': '— → 1 500',
    })
  })

  it('names every column of every register in both languages, or keeps it out of view', async () => {
    app = await startTestApp()
    const db = app.core.requireSession().file.db
    const unnamed: string[] = []
    for (const table of [...HISTORY_TABLES, 'ledger_entries']) {
      const columns = await sql<{ name: string }>`
        SELECT name FROM pragma_table_info(${table})`.execute(db)
      expect(columns.rows.length, table).toBeGreaterThan(0)
      for (const { name } of columns.rows) {
        if (name === 'id' || !isShownColumn(table, name)) continue
        for (const language of ['fr', 'en'] as const)
          if (columnLabel(language, name) === name) unnamed.push(`${table}.${name} (${language})`)
      }
    }
    expect(unnamed).toEqual([])
  })

  it('describes the demo file’s whole journal with no id, no column name and no raw amount', async () => {
    app = await startDemoApp()
    const journal = await app.core
      .requireSession()
      .history.journal({}, 'fr', Number.MAX_SAFE_INTEGER)
    expect(journal.length).toBeGreaterThan(100)
    const tables = new Set(journal.map((entry) => entry.table))
    expect(tables.size).toBeGreaterThan(10)
    const raw: string[] = []
    for (const entry of journal) {
      if (UUID.test(entry.recordName)) raw.push(`${entry.table} name ${entry.recordName}`)
      for (const change of entry.changes) {
        const where = `${entry.table}.${change.column}`
        if (change.label === change.column) raw.push(`${where}: label`)
        for (const value of [change.before, change.after]) {
          if (UUID.test(value)) raw.push(`${where}: ${value}`)
          if (change.column.endsWith('_minor') && /^-?\d+$/.test(value))
            raw.push(`${where}: ${value}`)
          if (/^[a-z]+(_[a-z]+)+$/.test(value)) raw.push(`${where}: ${value}`)
          // A day as stored (« 2026-12-04 ») rather than as the reader writes it.
          if (/^\d{4}-\d{2}-\d{2}/.test(value)) raw.push(`${where}: ${value}`)
        }
      }
    }
    expect(raw.slice(0, 20)).toEqual([])
  })
})
