import { CompiledQuery, type Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import type { Incoming } from './change-rules'
import type { Action } from './ledger-action'
import type { Entry } from './ledger-entry'
import type { RecordState, Row } from './record-states'

/** Tables whose records carry ledger entries: each one's entries are read when a file touches it. */
export const MONEY_SOURCES = new Set([
  'agreements',
  'agreement_amendments',
  'receipts',
  'other_income',
  'overhead_recoveries',
  'financing_lines',
  'project_transitions',
  'tranches',
  'budget_expenses',
  'dues_payments',
])

/**
 * What the ledger rules look at, read once per file: the records the file touches (as merged,
 * or as they stood at the end of one of its transactions), the agreements and plan lines its
 * entries name, and every entry of the money records it touches, here and in the file.
 */
export class LedgerView {
  private readonly rows = new Map<string, Row>()
  private readonly entries = new Map<string, Entry>()
  private readonly bySource = new Map<string, Entry[]>()

  private constructor(private readonly records: ReadonlyMap<string, RecordState>) {}

  static async load(
    trx: Transaction<Database>,
    records: ReadonlyMap<string, RecordState>,
    fresh: readonly Incoming[],
  ): Promise<LedgerView> {
    const view = new LedgerView(records)
    const sources = [...records.values()]
      .filter((r) => MONEY_SOURCES.has(r.table.name))
      .map((r) => [r.table.name, r.id])
    // A change of an expense's split touches its shares, not always the expense: its entries too.
    for (const record of records.values()) {
      const expense = record.table.name === 'expense_shares' ? record.settled?.expense_id : null
      if (typeof expense === 'string' && !records.has(`budget_expenses|${expense}`))
        sources.push(['budget_expenses', expense])
    }
    const inserts = new Map(
      fresh
        .filter((c) => c.table_name === 'ledger_entries' && c.column_name === INSERTED_RECORD)
        .map((c) => [c.row_id, c]),
    )
    // The correction of an expense paid on two copies reverses its entries, not always changing it.
    for (const id of inserts.keys()) {
      const entry = records.get(`ledger_entries|${id}`)?.settled
      const expense = entry?.source_table === 'budget_expenses' ? entry.source_id : null
      if (typeof expense === 'string' && !records.has(`budget_expenses|${expense}`))
        sources.push(['budget_expenses', expense])
    }
    if (sources.length === 0 && inserts.size === 0) return view
    type Found = Omit<Entry, 'replica' | 'tx' | 'stamp'> & {
      replica: string | null
      tx: string | null
      stamp: string | null
    }
    const found = await trx.executeQuery<Found>(
      CompiledQuery.raw(
        `SELECT e.id, e.entry_date, e.kind, e.fund_class, e.agreement_id, e.nature, e.amount_minor,
           e.currency, e.eur_minor, e.rate, e.use_table, e.use_id, e.source_table, e.source_id,
           e.reverses_id, c.replica_id AS replica, c.tx_id AS tx, c.hlc AS stamp
         FROM json_each(?) AS j CROSS JOIN ledger_entries AS e
           ON e.source_table = j.value ->> 0 AND e.source_id = j.value ->> 1
         LEFT JOIN change_log AS c
           ON c.table_name = 'ledger_entries' AND c.row_id = e.id AND c.column_name = '*'`,
        [JSON.stringify(sources)],
      ),
    )
    for (const row of found.rows) {
      view.add({ ...row, replica: row.replica ?? '', tx: row.tx ?? '', stamp: row.stamp ?? '' })
    }
    for (const [id, change] of inserts) {
      const settled = records.get(`ledger_entries|${id}`)?.settled
      if (settled) {
        const entry = settled as unknown as Entry
        view.add({ ...entry, replica: change.replica_id, tx: change.tx_id, stamp: change.hlc })
      }
    }
    // The agreements, plan lines and reversed entries the entries name, when the file does not.
    const wanted = new Map<string, Set<string>>()
    const want = (table: string, id: unknown) => {
      if (typeof id !== 'string' || records.has(`${table}|${id}`)) return
      wanted.set(table, (wanted.get(table) ?? new Set()).add(id))
    }
    for (const entry of view.entries.values()) {
      want('agreements', entry.agreement_id)
      want('financing_lines', entry.use_id)
      if (entry.reverses_id && !view.entries.has(entry.reverses_id))
        want('ledger_entries', entry.reverses_id)
      if (entry.source_table === 'budget_expenses') want('budget_expenses', entry.source_id)
    }
    for (const record of records.values()) {
      if (MONEY_SOURCES.has(record.table.name)) want('agreements', record.settled?.agreement_id)
      if (record.table.name === 'expense_shares') {
        want('budget_expenses', record.settled?.expense_id)
        want('agreements', record.settled?.agreement_id)
      }
    }
    for (const [table, ids] of wanted) {
      const rows = await trx.executeQuery<Row>(
        CompiledQuery.raw(
          `SELECT t.* FROM json_each(?) AS j CROSS JOIN "${table}" AS t ON t.id = j.value`,
          [JSON.stringify([...ids])],
        ),
      )
      for (const row of rows.rows) {
        if (table === 'ledger_entries') {
          view.add({ ...(row as unknown as Entry), replica: '', tx: '', stamp: '' })
        } else view.rows.set(`${table}|${String(row.id)}`, row)
      }
    }
    return view
  }

  private add(entry: Entry): void {
    this.entries.set(entry.id, entry)
    const key = `${entry.source_table}|${entry.source_id}`
    const list = this.bySource.get(key) ?? []
    if (!list.some((e) => e.id === entry.id)) list.push(entry)
    this.bySource.set(key, list)
  }

  entry(id: string): Entry | null {
    return this.entries.get(id) ?? null
  }

  /** Every entry of a record, here and in the file. */
  entriesOf(table: string, id: string): readonly Entry[] {
    return this.bySource.get(`${table}|${id}`) ?? []
  }

  /** The reversals of an entry posted by one copy. */
  reversalsOf(entryId: string, replica: string): Entry[] {
    const entry = this.entries.get(entryId)
    if (!entry) return []
    return this.entriesOf(entry.source_table, entry.source_id).filter(
      (e) => e.reverses_id === entryId && e.replica === replica,
    )
  }

  /** The transaction that created a record the file touches. */
  creationTx(table: string, id: string): string | null {
    const record = this.records.get(`${table}|${id}`)
    return record?.log.find((c) => c.column_name === INSERTED_RECORD)?.tx_id ?? null
  }

  /** A record as merged. */
  row(table: string, id: string): Row | null {
    return this.records.get(`${table}|${id}`)?.settled ?? this.rows.get(`${table}|${id}`) ?? null
  }

  /** A record as it stood at the end of an action of the file. */
  asOf(table: string, id: string, action: Action): Row | null {
    const record = this.records.get(`${table}|${id}`)
    if (!record) return this.rows.get(`${table}|${id}`) ?? null
    const end = action.end
    // Fields an insert leaves out (they were empty) are empty, or the column's default.
    const values: Row = {}
    for (const rule of record.table.columns.values()) values[rule.name] = rule.fallback
    let created = false
    for (const change of record.log) {
      if (change.hlc > end) break
      if (change.column_name === INSERTED_RECORD) {
        created = true
        Object.assign(values, change.value)
      } else values[change.column_name] = change.value as Row[string]
    }
    // A record this copy holds without its creation in the log (written before the log was).
    if (!created && record.row) return { ...record.row, ...values, id }
    return created ? { ...values, id } : null
  }
}
