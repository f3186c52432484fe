import { CompiledQuery, type Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import { touchesAccounts } from './account-inputs'
import { type ChangeContext, type Incoming, readChange } from './change-rules'
import { type Conflict, conflictsOf } from './conflicts'
import { checkLedger } from './ledger-rules'
import { type Logged, type RecordState, type Row, loadRecords, settle } from './record-states'
import { reversalId } from '../funds/reversal-id'
import { checkReferences } from './references'
import { checkShares } from './share-rules'
import type { Seen } from './seen'
import { writeMerge } from './record-writes'
import { refused, waiting } from './set-aside'
import { DEFAULT_PROGRAMME_CODES, defaultProgrammeId } from '@shared/programmes/schema'

export interface MergeOutcome {
  /** Changes new to this copy, now in its change log and its records. */
  applied: number
  /** Changes this copy already had (the same file synced twice, or from two folders). */
  alreadyHad: number
  /** Conflicts listed for review ("À vérifier"). */
  conflicts: number
  /** The latest stamp of the file, which this copy's clock then moves past. */
  latest: string | null
  /** The records the file created ("table|id"), which files waiting for them may now use. */
  created: string[]
  /** Whether the file changed anything the accounts check reads (account-inputs.ts). */
  touchesAccounts: boolean
}

export interface MergeContext extends ChangeContext {
  /** The latest change this copy had from the sender before this file. */
  heardFrom: string
  /** What the sender had merged of each copy when it made each change (seen.ts). */
  seen: Seen
  /** When the merge runs (ISO), for the conflicts it lists. */
  foundAt: string
}

/** Singletons with a fixed id (the organisation, the dues settings): each copy may create theirs. */
const SINGLETONS = new Set(['organisation', 'dues_settings'])
/**
 * The default programmes live in the code under fixed ids; a copy writes one's row when it renames
 * or archives it, so two copies may each create it (programmes/programmes-service.ts).
 */
const DEFAULT_PROGRAMME_IDS = new Set(DEFAULT_PROGRAMME_CODES.map((_, i) => defaultProgrammeId(i)))

/** Whether a record has a fixed id, which each copy may create on its own. */
function createdOnEachCopy(table: string, id: string): boolean {
  return SINGLETONS.has(table) || (table === 'programmes' && DEFAULT_PROGRAMME_IDS.has(id))
}

/**
 * Merges one change file of another copy into this one, inside the caller's transaction, or
 * refuses it whole (a {@link SetAside} is thrown and the transaction rolled back). Every change
 * is checked first as the core would have written it (change-rules.ts); each enters the change
 * log once (known by its clock stamp), and each record it touches is set to what its whole log
 * says, field by field: the change with the latest stamp wins (last writer wins, as in Actual
 * Budget), so every copy that has the same changes holds the same records whatever order they
 * came in. Before anything is written, every record must exist or be created by the file, every
 * reference must name a record, and the ledger entries must be those the core posts for the
 * records they come from (ledger-rules.ts). When both sides changed one field each before it had
 * merged the other's change, or one archived a record the other edited, the later change is kept
 * and the pair listed for review — never silently.
 */
export async function mergeChanges(
  trx: Transaction<Database>,
  incoming: readonly unknown[],
  context: MergeContext,
): Promise<MergeOutcome> {
  const changes = incoming.map((raw, index) => readChange(raw, index + 1, context))
  // A copy's clock never goes back: its changes come in the order of their stamps. A stamp out of
  // that order would let an earlier change win over a later one of the same field (a tranche
  // paid again after its payment was undone, shown unpaid while its money is out).
  for (let i = 1; i < changes.length; i += 1) {
    const change = changes[i] as Incoming
    if (change.hlc < (changes[i - 1] as Incoming).hlc)
      throw refused('sync.refused.stampOrder', { n: change.index, stamp: change.hlc })
  }
  checkTransactions(changes)
  const unique = new Map<string, Incoming>()
  for (const change of changes) {
    const twin = unique.get(change.hlc)
    if (twin && JSON.stringify({ ...twin, index: 0 }) !== JSON.stringify({ ...change, index: 0 }))
      throw refused('sync.refused.stampTwice', { n: change.index, stamp: change.hlc })
    unique.set(change.hlc, change)
  }
  const had = await knownStamps(trx, [...unique.keys()])
  const fresh = [...unique.values()].filter((c) => !had.has(c.hlc))
  fresh.sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
  const latest = changes.reduce<string | null>((max, c) => (max && max > c.hlc ? max : c.hlc), null)
  if (fresh.length === 0) {
    return {
      applied: 0,
      alreadyHad: changes.length,
      conflicts: 0,
      latest,
      created: [],
      touchesAccounts: false,
    }
  }

  const records = new Map<string, RecordState>()
  for (const change of fresh) {
    const key = `${change.table_name}|${change.row_id}`
    let record = records.get(key)
    if (!record) {
      const table = context.rules.tables.get(change.table_name)
      if (!table) continue
      record = {
        table,
        id: change.row_id,
        known: [],
        fresh: [],
        row: null,
        log: [],
        settled: null,
        created: false,
        changed: false,
      }
      records.set(key, record)
    }
    record.fresh.push(change)
  }
  // The changes of this copy that may bear on the file's: those after its first change, those
  // made since this copy last heard of its sender, and, copy by copy, those the sender had not
  // merged (conflicts.ts).
  const first = fresh[0]?.hlc ?? ''
  const since = first < context.heardFrom ? first : context.heardFrom
  await loadRecords(trx, records, since, context.seen.lowestFrom(first))

  const conflicts: Conflict[] = []
  for (const record of records.values()) {
    checkRecord(record)
    if (record.known.length > 0) {
      for (const change of record.fresh)
        conflicts.push(...conflictsOf(change, record.known, unseenBy(change, context)))
    }
    settle(record)
  }
  await checkReferences(trx, context.rules, records)
  // The shares first: their refusal names what is wrong with the split, not with its entries.
  await checkShares(trx, records, fresh)
  await checkLedger(trx, records, fresh)
  await writeMerge(trx, context.rules, fresh, records.values(), conflicts, context.foundAt)
  return {
    applied: fresh.length,
    alreadyHad: changes.length - fresh.length,
    conflicts: conflicts.length,
    latest,
    created: [...records].filter(([, r]) => r.created).map(([key]) => key),
    touchesAccounts: fresh.some((c) => touchesAccounts(c.table_name, c.column_name)),
  }
}

/**
 * Whether the sender had not merged a change of this copy when it made `change`: what its file
 * says it had of that change's copy, or, for a file of an older copy that does not say, whether
 * the change came after the latest this copy had heard of the sender.
 */
function unseenBy(change: Incoming, context: MergeContext) {
  return (local: Logged) =>
    local.hlc > (context.seen.upTo(local.replica_id, change.hlc) ?? context.heardFrom)
}

/**
 * What the core never writes of a record: a second creation (but the fixed-id singletons each
 * copy may create), changes of a record this copy does not have and the file does not create
 * (they wait until it arrives), a ledger entry changed or archived (a correction reverses it).
 */
function checkRecord(record: RecordState): void {
  const where = { table: record.table.name, row: record.id }
  const inserts = [...record.known, ...record.fresh].filter(
    (c) => c.column_name === INSERTED_RECORD,
  )
  if (
    inserts.length > 1 &&
    !createdOnEachCopy(record.table.name, record.id) &&
    !sameReversal(record, inserts)
  ) {
    throw refused('sync.refused.createdTwice', where)
  }
  if (inserts.length === 0 && !record.row) {
    throw waiting(`${record.table.name}|${record.id}`, 'sync.refused.unknownRecord', where)
  }
  if (record.table.name === 'ledger_entries') {
    const changed = record.fresh.find((c) => c.column_name !== INSERTED_RECORD)
    if (changed) throw refused('sync.refused.ledgerChanged', { ...where, n: changed.index })
  }
}

/**
 * Two copies that cancel or correct the same record offline each reverse its entries, under the
 * id derived from the entry reversed (funds/ledger.ts): both write that one reversal, which is
 * one record here — so the money is given back once. Anything else created twice is refused.
 */
function sameReversal(record: RecordState, inserts: readonly Logged[]): boolean {
  if (record.table.name !== 'ledger_entries') return false
  // Both say the same of money: only the reason (and the dates) may be each copy's.
  const money = (c: Logged) => {
    const { reason: _reason, ...rest } = (c.value ?? {}) as Row
    return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)))
  }
  const first = inserts[0]
  return inserts.every((c) => {
    const reverses = (c.value as Row | null)?.reverses_id
    return (
      typeof reverses === 'string' &&
      reversalId(reverses) === record.id &&
      first !== undefined &&
      money(c) === money(first)
    )
  })
}

/**
 * One action of the core is one transaction, stamped with one author and one moment
 * (record-writer.ts): a change slipped into another's transaction under another name is not.
 */
function checkTransactions(changes: readonly Incoming[]): void {
  const first = new Map<string, Incoming>()
  for (const change of changes) {
    const action = first.get(change.tx_id)
    if (!action) first.set(change.tx_id, change)
    else if (action.author !== change.author || action.recorded_at !== change.recorded_at) {
      throw refused('sync.refused.transaction', { n: change.index, first: action.index })
    }
  }
}

/** The stamps of a file this copy already has in its change log. */
async function knownStamps(trx: Transaction<Database>, stamps: readonly string[]) {
  const had = new Set<string>()
  const found = await trx.executeQuery<{ hlc: string }>(
    CompiledQuery.raw(
      `SELECT c.hlc FROM json_each(?) AS j CROSS JOIN change_log AS c ON c.hlc = j.value`,
      [JSON.stringify(stamps)],
    ),
  )
  for (const row of found.rows) had.add(row.hlc)
  return had
}
