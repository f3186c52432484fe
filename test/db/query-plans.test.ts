import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/create-session'
import { DataFile } from '../../electron/main/db/data-file'
import { fundsSummary } from '../../electron/main/funds/ledger'
import { tempFolder } from '../support/temp'

/** The tables that grow with the years: never read row by row without an index. */
const LARGE_TABLES = [
  'ledger_entries',
  'budget_expenses',
  'project_expenses',
  'dues_calls',
  'dues_payments',
  'dues_settlements',
  'change_log',
]

/** Columns that split a large table into a few big parts: an index search on them alone reads one part whole. */
const COARSE_COLUMNS = new Set(['use_table', 'source_table', 'kind', 'fund_class', 'status'])

/**
 * Reads of a whole large table that a screen needs as such, each with its reason. Every other
 * statement must use an index.
 */
const WHOLE_READS: { statement: RegExp; reason: string }[] = [
  {
    statement: /FROM dues_payments p\s+WHERE p\.deleted_at IS NULL AND p\.kind = 'dues'/,
    reason:
      'the dues dashboard counts the members up to date, so it needs every member’s credit: what each of its payments left after their settlements (about 7,000 payments in twenty years)',
  },
]

/** The table each name of a statement stands for: itself, or the table it is an alias of. */
function tablesByName(statement: string): Map<string, string> {
  const names = new Map(LARGE_TABLES.map((table) => [table, table]))
  const aliases = new RegExp(`\\b(${LARGE_TABLES.join('|')})\\s+(?:AS\\s+)?(\\w+)`, 'gi')
  for (const [, table, alias] of statement.matchAll(aliases)) {
    if (table && alias) names.set(alias, table)
  }
  return names
}

/** A full scan of a large table: no index at all. */
function fullScan(detail: string, tables: Map<string, string>): boolean {
  const match = /^SCAN (\w+)(?: AS \w+)?( USING .*)?$/.exec(detail)
  return match !== null && tables.has(match[1] ?? '') && match[2] === undefined
}

/** A search of a large table through an index whose only constraints are coarse columns. */
function coarseSearch(detail: string, tables: Map<string, string>): boolean {
  const match = /^SEARCH (\w+)(?: AS \w+)? USING (?:COVERING )?INDEX \w+ \(([^)]*)\)/.exec(detail)
  if (!match || !tables.has(match[1] ?? '')) return false
  const columns = (match[2] ?? '').split(' AND ').map((term) => term.split(/[=<>]/)[0]?.trim())
  return columns.every((column) => column !== undefined && COARSE_COLUMNS.has(column))
}

/**
 * The screens a user opens most, on a file of twenty years, must find their rows through an
 * index: each statement they run is traced as SQLite runs it, then its plan is read with
 * EXPLAIN QUERY PLAN. A full scan of a large table, or a search of one by a coarse column
 * only (all the entries of one kind, say), fails the test and names the statement.
 */
describe('query plans of the hot screens', () => {
  it('read the large tables through indexes only', async () => {
    const file = await DataFile.create(join(await tempFolder(), 'plans.sqlite'))
    const session = createSession(file)
    const funder = await session.funders.create(
      {
        name: 'Union européenne',
        acronym: 'UE',
        kind: 'multilateral',
        country: 'BE',
        defaultCurrency: 'EUR',
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        notes: null,
      },
      'Test',
    )
    const agreement = await session.agreements.create(
      {
        funderId: funder.id,
        reference: 'UE-2025',
        title: 'Action',
        signedOn: '2024-12-15',
        startsOn: '2025-01-01',
        endsOn: '2027-12-31',
        currency: 'EUR',
        amount: '1000000',
        earmarking: 'untied',
        programme: null,
        programmeCode: null,
        nature: 'operating',
        operatingSharePercent: null,
        cofinancingPercent: null,
        indirectCostMaxPercent: null,
        notes: null,
      },
      'Test',
    )
    const statements: string[] = []
    const stop = file.traceStatements((statement) => statements.push(statement))
    await fundsSummary(file.db, 2025, '2025-06-30')
    await session.projects.list({})
    await session.projects.list({ status: 'in_progress', country: 'SN' })
    await session.agreements.get(agreement.id)
    await session.budgetExpenses.list(2025)
    await session.duesCalls.list({ year: 2025 })
    await session.dues.summary(2025)
    // Traces arrive after their statements: wait until no more come.
    let seen = -1
    while (seen !== statements.length) {
      seen = statements.length
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    stop()

    const reads = [...new Set(statements)].filter((s) => /^\s*(SELECT|WITH)\b/i.test(s))
    expect(reads.length).toBeGreaterThan(10)
    const scans: string[] = []
    for (const statement of reads) {
      if (WHOLE_READS.some((allowed) => allowed.statement.test(statement))) continue
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(statement)}`.execute(
        file.db,
      )
      const tables = tablesByName(statement)
      for (const { detail } of plan.rows) {
        if (fullScan(detail, tables) || coarseSearch(detail, tables))
          scans.push(`${detail} in: ${statement.replace(/\s+/g, ' ').slice(0, 400)}`)
      }
    }
    expect(scans).toEqual([])
    await file.close()
  })
})
