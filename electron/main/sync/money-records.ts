import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Incoming } from './change-rules'
import type { Action } from './ledger-action'
import type { LedgerView } from './ledger-view'
import { correctsPayment, payerKept } from './payment-corrections'
import { refused } from './set-aside'

/**
 * The columns the core changes on a money record once written (a receipt is cancelled, never
 * edited; a plan line is committed or uncommitted; an expense gets a cancellation reason): any
 * other change of these tables is one the core never writes.
 */
const CHANGEABLE: Readonly<Record<string, ReadonlySet<string>>> = {
  receipts: new Set(['note']),
  other_income: new Set(),
  dues_payments: new Set(['note']),
  dues_settlements: new Set(),
  agreement_amendments: new Set(),
  project_transitions: new Set(),
  // Who pays an expense changes with its entries reversed and posted again (expense-funds-change.ts).
  budget_expenses: new Set(['cancel_reason', 'agreement_id', 'heading_code']),
  expense_shares: new Set(),
  overhead_recoveries: new Set(['cancel_reason']),
  financing_lines: new Set(['committed_on']),
}
/** Records cancelled by archiving them, their entries reversed in the same transaction. */
const CANCELLED_BY_ARCHIVING = new Set([
  'receipts',
  'other_income',
  'dues_payments',
  'overhead_recoveries',
])
/** Money records the core never archives or restores. */
const NEVER_ARCHIVED = new Set([
  'budget_expenses',
  'agreement_amendments',
  'project_transitions',
  'tranches',
])
/** An agreement's columns whose change reverses its commitment and posts it again. */
const COMMITMENT_COLUMNS = new Set([
  'amount_minor',
  'currency',
  'earmarking',
  'nature',
  'operating_share_bp',
  'signed_on',
  'starts_on',
])
const PAYMENT_COLUMNS = new Set(['paid_on', 'paid_amount_minor', 'paid_eur_minor'])

/**
 * Whether the core changes a column only together with its ledger entries (an agreement's
 * amount, a plan line's commitment, a tranche's payment, a cancellation): such a value is never
 * written alone — "take the other value" of a review does not apply to it.
 */
export function isLedgerBound(table: string, column: string): boolean {
  if (table === 'agreements') return COMMITMENT_COLUMNS.has(column)
  if (table === 'tranches') return column === 'status' || PAYMENT_COLUMNS.has(column)
  if (column === 'deleted_at')
    return CANCELLED_BY_ARCHIVING.has(table) || table === 'financing_lines'
  const changeable = CHANGEABLE[table]
  return changeable !== undefined && column !== 'note'
}

/**
 * A money record changed in a transaction carries what the core posts with that change: a
 * receipt, a payment, an expense created with its entry; cancelled with its entries reversed; an
 * agreement's commitment posted again when its amount, currency or fund changes; a plan line
 * committed with its allocation, a tranche paid with its disbursements — and their payment
 * undone by reversing them. Cancelling twice from the same copy, restoring a cancelled receipt,
 * or changing what was paid are refused.
 */
export function checkMoneyRecords(view: LedgerView, action: Action): void {
  for (const changes of action.records()) {
    const first = changes[0]
    if (first) checkRecordChanges(view, action, first.table_name, first.row_id, changes)
  }
  // A new split of an expense the action does not otherwise change replaces what the copy knew.
  for (const entry of action.entries) {
    const expense = entry.source_id
    if (entry.reverses_id || entry.source_table !== 'budget_expenses') continue
    if (action.changesOf('budget_expenses', expense).length === 0)
      mustReverseKnown(view, action, 'budget_expenses', expense)
  }
}

function checkRecordChanges(
  view: LedgerView,
  tx: Action,
  table: string,
  id: string,
  changes: readonly Incoming[],
): void {
  const where = { table, row: id }
  const changeable = CHANGEABLE[table]
  const edit = changes.find(
    (c) => c.op === 'update' && changeable && !changeable.has(c.column_name),
  )
  if (edit) throw refused('sync.refused.frozen', { ...where, column: edit.column_name })
  const archive = changes.find((c) => c.op === 'delete')
  const restore = changes.find((c) => c.op === 'restore')
  if ((archive || restore) && NEVER_ARCHIVED.has(table)) {
    throw refused('sync.refused.archiveMoney', where)
  }
  if (restore && (CANCELLED_BY_ARCHIVING.has(table) || table === 'financing_lines')) {
    throw refused('sync.refused.archiveMoney', where)
  }
  const posted = tx.posted(table, id)
  const inserted = changes.some((c) => c.column_name === INSERTED_RECORD)
  const updated = (column: string) =>
    changes.find((c) => c.op === 'update' && c.column_name === column)
  const missing = () => refused('sync.refused.ledgerMissing', where)
  const state = () => view.asOf(table, id, tx)
  switch (table) {
    case 'receipts':
    case 'other_income':
    case 'dues_payments':
    case 'overhead_recoveries':
    case 'budget_expenses': {
      if (inserted && posted.length === 0) throw missing()
      const cancel = updated('cancel_reason')
      const cancelled = cancel && readOld(cancel) === null && cancel.value !== null
      // An expense's funds changed: its entries reversed and the new payment posted, together.
      const repaid = table === 'budget_expenses' && !inserted && !cancelled && posted.length > 0
      // Or, paid on two copies offline, the overridden payment undone (payment-corrections.ts).
      const corrected = table === 'budget_expenses' && !inserted && correctsPayment(view, tx, id)
      const payer = updated('agreement_id') ?? updated('heading_code')
      if (payer && !repaid && !(corrected && payerKept(view, tx, id)))
        throw refused('sync.refused.frozen', { ...where, column: payer.column_name })
      if (archive || cancelled || repaid) mustReverse(view, tx, table, id)
      // And the other way round: its entries are reversed only by its cancellation.
      else if (tx.reversals(table, id).length > 0 && !corrected)
        throw refused('sync.refused.reversedNotCancelled', where)
      if (cancel && !cancelled)
        throw refused('sync.refused.frozen', { ...where, column: 'cancel_reason' })
      return
    }
    case 'expense_shares': {
      // A share is written with its expense (or a change of its split) and its one entry, in one
      // transaction; archived by a change of the split, its entry reversed in the same one.
      const expenseId = String(state()?.expense_id ?? '')
      const entered = tx.entries.some(
        (e) => e.use_table === 'expense_shares' && e.use_id === id && e.reverses_id === null,
      )
      if (inserted && !entered) throw missing()
      if (archive) mustReverseShare(view, tx, expenseId, id)
      return
    }
    case 'agreements': {
      const reposted = [...changes].some(
        (c) => c.op === 'update' && COMMITMENT_COLUMNS.has(c.column_name),
      )
      if ((inserted || reposted) && state()?.amount_minor !== 0 && posted.length === 0)
        throw missing()
      if (reposted) mustReverseKnown(view, tx, table, id)
      return
    }
    case 'agreement_amendments':
      if (inserted && state()?.amount_change_minor !== 0 && posted.length === 0) throw missing()
      return
    case 'financing_lines': {
      const commit = updated('committed_on')
      if (commit && readOld(commit) === null && commit.value !== null && posted.length === 0)
        throw missing()
      if (commit && readOld(commit) !== null && commit.value === null)
        mustReverse(view, tx, table, id)
      if (archive && state()?.committed_on !== null)
        throw refused('sync.refused.archiveMoney', where)
      return
    }
    case 'tranches': {
      const status = updated('status')
      const before = status ? readOld(status) : null
      const paying = status?.value === 'paid' && before !== 'paid'
      const unpaying = status !== undefined && before === 'paid' && status.value !== 'paid'
      const payment = changes.find((c) => c.op === 'update' && PAYMENT_COLUMNS.has(c.column_name))
      if (payment && !paying && !unpaying)
        throw refused('sync.refused.frozen', { ...where, column: payment.column_name })
      if (paying && posted.length === 0) throw missing()
      if (unpaying) mustReverse(view, tx, table, id)
      return
    }
    case 'dues_settlements': {
      const payment = String(state()?.payment_id ?? '')
      const paymentChanged = (op: Incoming['op']) =>
        tx.changesOf('dues_payments', payment).some((c) => c.op === op)
      if (inserted && !paymentChanged('insert'))
        throw refused('sync.refused.settlementAlone', where)
      if (archive && !paymentChanged('delete')) throw refused('sync.refused.settlementAlone', where)
      return
    }
    default:
      return
  }
}

/**
 * A share archived by a change of its expense's split: its entry reversed, in this action or
 * before it.
 */
function mustReverseShare(view: LedgerView, tx: Action, expenseId: string, shareId: string) {
  const all = view.entriesOf('budget_expenses', expenseId)
  for (const entry of all) {
    if (entry.reverses_id || entry.use_table !== 'expense_shares' || entry.use_id !== shareId)
      continue
    const undone = all.some((e) => e.reverses_id === entry.id) || tx.reverses(entry.id)
    if (!undone)
      throw refused('sync.refused.ledgerNotReversed', { table: 'expense_shares', row: shareId })
  }
}

/** A cancellation reverses, in its own transaction, what the record had posted. */
function mustReverse(view: LedgerView, tx: Action, table: string, id: string): void {
  if (tx.reversals(table, id).length === 0) {
    throw refused('sync.refused.ledgerNotReversed', { table, row: id })
  }
  mustReverseKnown(view, tx, table, id)
}

/**
 * The entries a copy cannot have missed when it cancels or corrects a record — those it posted
 * itself and those posted with the record's creation — are reversed. (An entry another copy
 * posted meanwhile may be unknown to it: the accounts check lists what that leaves.)
 */
function mustReverseKnown(view: LedgerView, tx: Action, table: string, id: string): void {
  const creation = view.creationTx(table, id)
  const all = view.entriesOf(table, id)
  for (const entry of all) {
    if (entry.reverses_id || entry.tx === tx.id || entry.stamp > tx.end) continue
    if (entry.replica !== tx.replica && entry.tx !== creation) continue
    const undone = all.some((e) => e.reverses_id === entry.id) || tx.reverses(entry.id)
    if (!undone) throw refused('sync.refused.ledgerNotReversed', { table, row: id })
  }
}

function readOld(change: Incoming): unknown {
  try {
    return JSON.parse(change.old_value ?? 'null') as unknown
  } catch {
    return null
  }
}
