import type { Incoming } from './change-rules'
import { groupBy } from './group-by'
import type { Entry } from './ledger-entry'

/**
 * One transaction of a file — one action of the core on another copy — indexed for the ledger
 * rules: its changes by record, its entries by the record they come from, what it reverses.
 */
export class Action {
  /** Its latest stamp: a record "as of the action" is its log up to here. */
  readonly end: string
  readonly id: string
  readonly replica: string
  private readonly byRecord: Map<string, Incoming[]>
  private readonly bySource: Map<string, Entry[]>
  private readonly reversed: Set<string>

  constructor(
    readonly changes: readonly Incoming[],
    readonly entries: readonly Entry[],
  ) {
    this.end = changes.reduce((max, c) => (c.hlc > max ? c.hlc : max), '')
    this.id = changes[0]?.tx_id ?? ''
    this.replica = changes[0]?.replica_id ?? ''
    this.byRecord = groupBy(changes, (c) => `${c.table_name}|${c.row_id}`)
    this.bySource = groupBy(entries, (e) => `${e.source_table}|${e.source_id}`)
    this.reversed = new Set(entries.map((e) => e.reverses_id).filter((id) => id !== null))
  }

  /** The records the action changes, each with its changes. */
  records(): IterableIterator<Incoming[]> {
    return this.byRecord.values()
  }

  changesOf(table: string, id: string): readonly Incoming[] {
    return this.byRecord.get(`${table}|${id}`) ?? []
  }

  /** The entries it posts for a record (not reversals). */
  posted(table: string, id: string): Entry[] {
    return (this.bySource.get(`${table}|${id}`) ?? []).filter((e) => !e.reverses_id)
  }

  /** The reversals it posts for a record. */
  reversals(table: string, id: string): Entry[] {
    return (this.bySource.get(`${table}|${id}`) ?? []).filter((e) => e.reverses_id)
  }

  reverses(entryId: string): boolean {
    return this.reversed.has(entryId)
  }
}
