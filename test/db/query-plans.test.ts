import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createSession } from '../../electron/main/app/app-core'
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

const FULL_SCAN = new RegExp(
  `^SCAN (${LARGE_TABLES.join('|')})(?: AS \\w+)?$|^SCAN (${LARGE_TABLES.join('|')})(?: AS \\w+)? (?!USING)`,
)

/**
 * The screens a user opens most, on a file of twenty years, must find their rows through an
 * index: each statement they run is traced as SQLite runs it, then its plan is read with
 * EXPLAIN QUERY PLAN. A full scan of a large table fails the test and names the statement.
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
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN ${sql.raw(statement)}`.execute(
        file.db,
      )
      for (const { detail } of plan.rows) {
        if (FULL_SCAN.test(detail))
          scans.push(`${detail} in: ${statement.replace(/\s+/g, ' ').slice(0, 400)}`)
      }
    }
    expect(scans).toEqual([])
    await file.close()
  })
})
