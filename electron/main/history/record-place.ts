import type { RecordPlace } from '@shared/history/schema'

type Row = Record<string, unknown>

/** The records read for the journal, by register and id (describe-entries' cache). */
export interface RecordLookup {
  want(table: string | null, id: unknown): void
  get(table: string | null, id: unknown): Row | undefined
}

/** The registers whose records have a page of their own. */
const OWN_PAGE = new Set(['agreements', 'projects', 'members', 'funders'])

/** The column naming the record whose page lists a register's records (its tab shows them). */
const PAGE_COLUMN: Partial<Record<string, string>> = {
  agreement_amendments: 'agreement_id',
  receipts: 'agreement_id',
  agreement_reports: 'agreement_id',
  agreement_instalments: 'agreement_id',
  agreement_headings: 'agreement_id',
  agreement_projects: 'agreement_id',
  overhead_recoveries: 'agreement_id',
  agreement_contributions: 'agreement_id',
  agreement_closings: 'agreement_id',
  project_transitions: 'project_id',
  financing_lines: 'project_id',
  tranches: 'project_id',
  project_expenses: 'project_id',
  indicators: 'project_id',
  project_documents: 'project_id',
  member_contacts: 'member_id',
  member_roles: 'member_id',
  dues_calls: 'member_id',
  dues_payments: 'member_id',
}

/**
 * Records not listed on their own but as part of another one's row: a settlement on its
 * payment's, a value on its indicator's, a share on its expense's, a source on its line's.
 */
const SHOWN_WITH: Partial<Record<string, { column: string; table: string }>> = {
  dues_settlements: { column: 'payment_id', table: 'dues_payments' },
  expense_shares: { column: 'expense_id', table: 'budget_expenses' },
  budget_line_sources: { column: 'item_id', table: 'budget_items' },
}

/** Registers listed on a page through another record: an indicator's values, on its project's. */
const PAGE_THROUGH: Partial<Record<string, { column: string; table: string; parent: string }>> = {
  indicator_values: { column: 'indicator_id', table: 'indicators', parent: 'project_id' },
}

/**
 * Registers whose lists name their rows by another column than the id: the chart of accounts
 * lists accounts by number, the chart's own defaults among them (which have no row).
 */
const MARKED_BY: Partial<Record<string, string>> = { accounting_accounts: 'number' }

/** The record a line is about: itself, or — for a ledger entry — the money record that made it. */
function sourceOf(lookup: RecordLookup, table: string, record: Row): { table: string; row?: Row } {
  if (table !== 'ledger_entries') return { table, row: record }
  const source = typeof record.source_table === 'string' ? record.source_table : ''
  return { table: source, row: lookup.get(source, record.source_id) }
}

/**
 * Asks the lookup for the records a line's place is read from: called before each of the
 * lookup's last two reads (a ledger entry's source first, then the row that source is shown in).
 */
export function wantPlace(lookup: RecordLookup, table: string, record: Row): void {
  if (table === 'ledger_entries' && typeof record.source_table === 'string')
    lookup.want(record.source_table, record.source_id)
  const source = sourceOf(lookup, table, record)
  const through = SHOWN_WITH[source.table] ?? PAGE_THROUGH[source.table]
  if (through && source.row) lookup.want(through.table, source.row[through.column])
}

/**
 * Where a record of the journal is shown, for its « Voir »: the register and row to mark, and
 * the record whose page lists it (null for a register listed in an area of its own).
 */
export function placeOf(
  lookup: RecordLookup,
  table: string,
  rowId: string,
  record: Row,
): RecordPlace | null {
  const source = sourceOf(lookup, table, { ...record, id: rowId })
  if (!source.row) return null
  const through = SHOWN_WITH[source.table]
  const shown = through
    ? { table: through.table, row: lookup.get(through.table, source.row[through.column]) }
    : source
  if (!shown.row || typeof shown.row.id !== 'string') return null
  if (OWN_PAGE.has(shown.table))
    return { table: shown.table, rowId: shown.row.id, parentId: shown.row.id }
  const page = PAGE_THROUGH[shown.table]
  if (page) {
    const holder = lookup.get(page.table, shown.row[page.column])
    const parentId = holder?.[page.parent]
    return typeof parentId === 'string'
      ? { table: shown.table, rowId: shown.row.id, parentId }
      : null
  }
  const column = PAGE_COLUMN[shown.table]
  if (!column) {
    const markedBy = MARKED_BY[shown.table]
    const mark = markedBy ? shown.row[markedBy] : shown.row.id
    return typeof mark === 'string' ? { table: shown.table, rowId: mark, parentId: null } : null
  }
  const parentId = shown.row[column]
  return typeof parentId === 'string' ? { table: shown.table, rowId: shown.row.id, parentId } : null
}
