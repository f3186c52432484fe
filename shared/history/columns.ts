/**
 * What each stored column holds, so that a history, the journal and its export can show it as
 * the forms do: an amount with its currency, a date, a status in words, a name for an id.
 * Classified by the columns' naming rules (`_minor`, `_on`, `_id`, `_bp`…) and a few lists, so
 * that a new column of a known shape reads right without being listed here.
 */

/** Columns that hold machine data an auditor cannot read (fingerprints, frozen figures, ids). */
const HIDDEN = new Set([
  'digest',
  'row_digests',
  'figures',
  'request',
  'ledger_ids',
  'late_ids',
  'frozen',
  'journals',
  'stored_name',
  'logo',
  'sha256',
  'line_key',
  'created_at',
  'updated_at',
])

const DAYS = new Set([
  'on_date',
  'rate_date',
  'entry_date',
  'period_end',
  'period_from',
  'period_to',
  'valid_from',
  'closes_through',
  'previous_through',
])

const COUNTS = new Set([
  'population',
  'population_from',
  'population_to',
  'entry_count',
  'payment_days',
])

/** The register an id column points into, when its name does not say it by itself. */
const REFERENCES: Record<string, string> = {
  funder_id: 'funders',
  agreement_id: 'agreements',
  project_id: 'projects',
  member_id: 'members',
  call_id: 'dues_calls',
  payment_id: 'dues_payments',
  indicator_id: 'indicators',
  item_id: 'budget_items',
  parent_id: 'budget_items',
  version_id: 'budget_versions',
  bank_account_id: 'bank_accounts',
  reverses_id: 'ledger_entries',
}

/**
 * Catalogue paths of the words for a coded value, by `table.column` or by column alone. Paths
 * are arrays because some codes hold dots themselves (« subsidy.income »).
 */
const WORDS: Record<string, (value: string) => string[]> = {
  'funders.kind': (v) => ['funders', 'kind', v],
  'members.kind': (v) => ['members', 'kind', v],
  'dues_bands.member_kind': (v) => ['members', 'kind', v],
  'members.status': (v) => ['members', 'status', v],
  'projects.status': (v) => ['projects', 'status', v],
  'project_transitions.from_status': (v) => ['projects', 'status', v],
  'project_transitions.to_status': (v) => ['projects', 'status', v],
  'tranches.status': (v) => ['projects', 'tranches', `status_${v}`],
  'agreement_reports.kind': (v) => ['reports', 'kinds', v],
  'agreement_reports.status': (v) => ['reports', 'statuses', v],
  'agreement_headings.role': (v) => ['headings', 'roles', v],
  'dues_payments.kind': (v) => ['dues', 'payments', `kind_${v}`],
  'dues_payments.method': (v) => ['dues', 'payments', `method_${v}`],
  'member_roles.body': (v) => ['dues', 'roles', `body_${v}`],
  'ledger_entries.kind': (v) => ['accounting', 'kind', v],
  'letter_templates.kind': (v) => ['history', 'value', v],
  'financing_lines.source': (v) => ['projects', 'plan', `source_${v}`],
  'indicators.level': (v) => ['projects', 'indicators', `level_${v}`],
  'indicators.measure': (v) => ['projects', 'indicators', `measure_${v}`],
  'budget_items.item_kind': (v) => ['history', 'value', v],
  'budget_items.direction': (v) => ['budget', 'direction', v],
  'budget_items.tracks': (v) => ['budget', 'tracks', v],
  'accounting_rules.role': (v) => ['accounting', 'role', v],
  'accounting_rules.funder_kind': (v) => ['funders', 'kind', v],
  'exchange_rates.series': (v) => ['rates', 'seriesNames', v],
  'agreements.conversion_rule': (v) => ['conversion', 'rule', v],
  earmarking: (v) => ['agreements', 'earmarking', v],
  nature: (v) => ['agreements', 'nature', v],
  fund_class: (v) => ['agreements', 'fundClass', v],
  language: (v) => ['language', v],
  region: (v) => ['regions', v],
  use_table: (v) => ['records', v],
  source_table: (v) => ['records', v],
}

export type ColumnKind =
  | { kind: 'hidden' }
  | { kind: 'money' }
  | { kind: 'eur' }
  | { kind: 'basisPoints' }
  | { kind: 'rate' }
  | { kind: 'day' }
  | { kind: 'moment' }
  | { kind: 'yesNo' }
  | { kind: 'count' }
  | { kind: 'year' }
  | { kind: 'size' }
  | { kind: 'reference' }
  | { kind: 'words'; path: (value: string) => string[] }
  | { kind: 'country' }
  | { kind: 'sector' }
  | { kind: 'programme' }
  | { kind: 'currency' }
  | { kind: 'text' }

/** How a column's values are shown. */
export function columnKind(table: string, column: string): ColumnKind {
  if (HIDDEN.has(column)) return { kind: 'hidden' }
  const words = WORDS[`${table}.${column}`] ?? WORDS[column]
  if (words) return { kind: 'words', path: words }
  if (column === 'eur_minor' || column.endsWith('_eur_minor')) return { kind: 'eur' }
  if (column.endsWith('_minor')) return { kind: 'money' }
  if (column.endsWith('_bp')) return { kind: 'basisPoints' }
  if (column === 'rate') return { kind: 'rate' }
  if (column.endsWith('_on') || DAYS.has(column)) return { kind: 'day' }
  if (column.endsWith('_at')) return { kind: 'moment' }
  if (column.startsWith('is_')) return { kind: 'yesNo' }
  if (COUNTS.has(column)) return { kind: 'count' }
  // A year is written as a year (2026), never grouped as a count (2 026).
  if (column === 'year' || column.endsWith('_year')) return { kind: 'year' }
  if (column === 'size') return { kind: 'size' }
  if (column.endsWith('_id')) return { kind: 'reference' }
  if (column === 'country') return { kind: 'country' }
  if (column === 'sector_code') return { kind: 'sector' }
  if (column === 'programme_code' || `${table}.${column}` === 'projects.programme')
    return { kind: 'programme' }
  if (column === 'currency' || column === 'default_currency') return { kind: 'currency' }
  return { kind: 'text' }
}

/**
 * The register an id column of a record points into: fixed for most, and for the ledger's use
 * and source, the register the record names beside the id.
 */
export function referencedTable(
  column: string,
  record: Readonly<Record<string, unknown>>,
): string | null {
  if (column === 'use_id') return typeof record.use_table === 'string' ? record.use_table : null
  if (column === 'source_id')
    return typeof record.source_table === 'string' ? record.source_table : null
  return REFERENCES[column] ?? null
}

/**
 * The register whose currency an amount of a record without a currency of its own is in (an
 * instalment is in its agreement's, a tranche in its project's), by the column holding the id.
 */
export function currencyHolder(table: string, column: string): string | null {
  if (table === 'dues_settlements')
    return column === 'call_amount_minor'
      ? 'call_id'
      : column === 'payment_amount_minor'
        ? 'payment_id'
        : null
  if (table.startsWith('agreement_')) return 'agreement_id'
  if (table === 'tranches' || table === 'financing_lines') return 'project_id'
  return null
}
