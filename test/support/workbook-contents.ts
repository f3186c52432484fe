import { sql } from 'kysely'
import type { TestApp } from './core'

type Session = ReturnType<TestApp['core']['requireSession']>

/**
 * Every record of the registers a workbook carries, table by table, as content only: ids,
 * stamps, authors and links by id differ from one file to another, what the records say must
 * not (archived records count as archived, whatever the day).
 */
export async function contentsOf(session: Session): Promise<Record<string, string[]>> {
  const contents: Record<string, string[]> = {}
  for (const table of COMPARED_TABLES) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(
      session.file.db,
    )
    contents[table] = rows.rows
      // Archived rows are compared where the workbook carries them; elsewhere they are the
      // history of how each file was written (a dues scale is saved whole, band by band).
      .filter((row) => ARCHIVABLE.includes(table) || row.deleted_at === null)
      .map((row) =>
        JSON.stringify(
          Object.entries(row)
            .filter(([column]) => !IGNORED_COLUMNS.test(column))
            .map(([column, value]) => [column, column === 'deleted_at' ? value !== null : value]),
        ),
      )
      .sort()
  }
  return contents
}

/** The registers whose archived records the workbook carries. */
const ARCHIVABLE = ['funders', 'agreements', 'members', 'projects']

/** Columns that differ between two files holding the same records (a line's key is an id). */
const IGNORED_COLUMNS = /^(id|created_at|updated_at|author|.*_id|line_key)$/

const COMPARED_TABLES = [
  'funders',
  'exchange_rates',
  'members',
  'member_contacts',
  'member_roles',
  'agreements',
  'agreement_headings',
  'receipts',
  'agreement_amendments',
  'agreement_instalments',
  'agreement_reports',
  'other_income',
  'dues_bands',
  'dues_overrides',
  'dues_calls',
  'dues_payments',
  'dues_settlements',
  'projects',
  'project_transitions',
  'agreement_projects',
  'financing_lines',
  'tranches',
  'project_expenses',
  'indicators',
  'indicator_values',
  'budget_versions',
  'budget_items',
  'budget_line_sources',
  'budget_expenses',
  'ledger_entries',
]

/** Each agreement's schedule and reporting calendar, as its page shows them. */
export async function termsOf(session: Session) {
  return Promise.all(
    (await session.agreements.list()).map(async (a) => {
      const detail = await session.agreements.get(a.id)
      return [
        a.reference,
        detail.instalments.map((i) => [i.expectedOn, i.amount]),
        detail.reports.map((r) => [r.kind, r.dueOn, r.periodFrom, r.periodTo, r.status, r.sentOn]),
        detail.budget.headings
          .map((h) => [h.code, h.label, h.role, h.amount])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      ]
    }),
  )
}
