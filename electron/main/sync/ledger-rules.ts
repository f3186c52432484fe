import type { Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Database, LedgerKind } from '../db/schema'
import type { Incoming } from './change-rules'
import { Action } from './ledger-action'
import type { Entry } from './ledger-entry'
import { LedgerView } from './ledger-view'
import { correctsPayment, dropsShares } from './payment-corrections'
import { reversalId } from '../funds/reversal-id'
import { checkMoneyRecords } from './money-records'
import type { RecordState, Row } from './record-states'
import { refused } from './set-aside'
import { groupBy } from './group-by'

/** The records each kind of entry comes from (funds/ledger.ts and the services that post). */
const KIND_SOURCES: Readonly<Record<LedgerKind, readonly string[]>> = {
  commitment: ['agreements', 'agreement_amendments'],
  receipt: ['receipts'],
  allocation: ['financing_lines', 'project_transitions'],
  disbursement: ['tranches'],
  // Overhead recovered: an expense of the agreement and income of the untied fund, one record.
  expense: ['budget_expenses', 'overhead_recoveries'],
  due_payment: ['dues_payments'],
  other_income: ['other_income', 'overhead_recoveries'],
}

/**
 * The ledger and the records it comes from, received from another copy, as the core writes
 * them: every money event is posted in the same transaction as the record it comes from, with
 * that record's amounts, currency, date and fund; a correction reverses an entry whole. A file
 * holding an entry that does not match its record — a receipt entry of 100 M€ with no receipt,
 * an entry of another record's transaction, a reversal of another amount — or a money record
 * changed without its entries (money-records.ts) is set aside: the ledger of this copy is only
 * ever written by the core's own rules.
 */
export async function checkLedger(
  trx: Transaction<Database>,
  records: ReadonlyMap<string, RecordState>,
  fresh: readonly Incoming[],
): Promise<void> {
  const view = await LedgerView.load(trx, records, fresh)
  for (const changes of groupBy(fresh, (c) => c.tx_id).values()) {
    const entries = changes
      .filter((c) => c.table_name === 'ledger_entries' && c.column_name === INSERTED_RECORD)
      .map((c) => view.entry(c.row_id))
      .filter((e): e is Entry => e !== null)
    const action = new Action(changes, entries)
    for (const entry of entries) checkEntry(view, action, entry)
    checkSums(view, action)
    checkMoneyRecords(view, action)
  }
}

/** One entry: of a kind its record posts, with that record's agreement, fund and currency. */
function checkEntry(view: LedgerView, tx: Action, entry: Entry): void {
  const where = { row: entry.id, kind: entry.kind, source: entry.source_table }
  if (!KIND_SOURCES[entry.kind].includes(entry.source_table)) {
    throw refused('sync.refused.ledgerSource', where)
  }
  // A change of an expense's split may leave the expense itself unchanged: its entries go with
  // the shares the action archives or creates.
  // The correction of an expense paid on two copies may not change it either.
  const withShare = entry.use_table === 'expense_shares' && entry.use_id !== null
  const correction =
    entry.reverses_id !== null &&
    entry.source_table === 'budget_expenses' &&
    correctsPayment(view, tx, entry.source_id)
  // Nor the move of a shared expense to the untied fund alone: its shares archived go with it.
  const sharesDropped =
    entry.source_table === 'budget_expenses' &&
    entry.use_table === null &&
    dropsShares(tx, entry.source_id, view)
  if (
    tx.changesOf(entry.source_table, entry.source_id).length === 0 &&
    !(withShare && tx.changesOf('expense_shares', entry.use_id ?? '').length > 0) &&
    !correction &&
    !sharesDropped
  ) {
    throw refused('sync.refused.ledgerAlone', where)
  }
  const agreement = entry.agreement_id ? view.row('agreements', entry.agreement_id) : null
  const fundClass = agreement ? classOf(agreement) : 'untied'
  if (entry.fund_class !== fundClass) throw refused('sync.refused.ledgerFund', where)
  if (agreement && entry.currency !== agreement.currency) {
    throw refused('sync.refused.ledgerCurrency', where)
  }
  if (entry.reverses_id) {
    checkReversal(view, entry, where)
    return
  }
  const source = view.asOf(entry.source_table, entry.source_id, tx)
  if (!source) throw refused('sync.refused.ledgerAlone', where)
  const expected = expectedOf(view, entry, source, tx)
  for (const [column, value] of Object.entries(expected)) {
    if (entry[column as keyof Entry] !== value) {
      throw refused('sync.refused.ledgerMismatch', {
        ...where,
        column,
        value: String(entry[column as keyof Entry]),
      })
    }
  }
}

/** What an entry (not a reversal) must say of the record it comes from. */
function expectedOf(
  view: LedgerView,
  entry: Entry,
  source: Row,
  tx: Action,
): Partial<Record<keyof Entry, unknown>> {
  switch (entry.source_table) {
    case 'receipts':
      return {
        agreement_id: source.agreement_id,
        currency: source.currency,
        entry_date: source.received_on,
        rate: source.rate,
      }
    case 'other_income':
    case 'dues_payments':
      return {
        agreement_id: null,
        currency: source.currency,
        entry_date: source.received_on,
        rate: source.rate,
      }
    case 'budget_expenses':
      if (entry.use_table !== null) return shareOf(view, entry, source, tx)
      return {
        agreement_id: source.agreement_id,
        currency: source.agreement_id
          ? view.row('agreements', String(source.agreement_id))?.currency
          : 'EUR',
        entry_date: source.spent_on,
        use_table: null,
      }
    case 'overhead_recoveries':
      return entry.kind === 'expense'
        ? {
            agreement_id: source.agreement_id,
            currency: source.currency,
            amount_minor: source.amount_minor,
            eur_minor: source.eur_minor,
            entry_date: source.posted_on,
          }
        : {
            agreement_id: null,
            currency: 'EUR',
            amount_minor: source.eur_minor,
            eur_minor: source.eur_minor,
            entry_date: source.posted_on,
          }
    case 'agreements':
      return { agreement_id: source.id }
    case 'agreement_amendments':
      return { agreement_id: source.agreement_id }
    case 'financing_lines':
      return {
        agreement_id: source.agreement_id,
        currency: source.currency,
        amount_minor: source.amount_minor,
        eur_minor: source.eur_minor,
        entry_date: source.committed_on,
        use_table: 'financing_lines',
        use_id: source.id,
      }
    case 'project_transitions':
    case 'tranches':
      return lineOfProject(view, entry, source, tx)
    default:
      return {}
  }
}

/**
 * A shared expense's entry is one of its shares: the share's fund, its euros, in its fund's
 * currency, on the expense's day (migration 18).
 */
function shareOf(
  view: LedgerView,
  entry: Entry,
  source: Row,
  tx: Action,
): Partial<Record<keyof Entry, unknown>> {
  const share = entry.use_id ? view.asOf('expense_shares', entry.use_id, tx) : null
  if (entry.use_table !== 'expense_shares' || !share || share.expense_id !== source.id) {
    throw refused('sync.refused.ledgerShare', {
      row: entry.id,
      kind: entry.kind,
      source: entry.source_table,
    })
  }
  const agreementId = share.agreement_id === null ? null : String(share.agreement_id)
  return {
    agreement_id: agreementId,
    currency: agreementId ? view.row('agreements', agreementId)?.currency : 'EUR',
    entry_date: source.spent_on,
    eur_minor: share.eur_minor,
  }
}

/** A disbursement or a release uses a line of the tranche's (or transition's) project. */
function lineOfProject(
  view: LedgerView,
  entry: Entry,
  source: Row,
  tx: Action,
): Partial<Record<keyof Entry, unknown>> {
  const line = entry.use_id ? view.asOf('financing_lines', entry.use_id, tx) : null
  const where = { row: entry.id, kind: entry.kind, source: entry.source_table }
  if (entry.use_table !== 'financing_lines' || !line || line.project_id !== source.project_id) {
    throw refused('sync.refused.ledgerUse', where)
  }
  if (entry.source_table === 'project_transitions') {
    // A release returns to its fund what an ending project left unpaid of a line: never more
    // than the line, never a positive amount.
    const releases = ['closed', 'abandoned'].includes(String(source.to_status))
    if (!releases || entry.amount_minor >= 0 || -entry.amount_minor > Number(line.amount_minor)) {
      throw refused('sync.refused.ledgerMismatch', {
        ...where,
        column: 'amount_minor',
        value: entry.amount_minor,
      })
    }
    return { agreement_id: line.agreement_id, currency: line.currency }
  }
  return {
    agreement_id: line.agreement_id,
    currency: line.currency,
    entry_date: source.paid_on,
  }
}

/** An id the core gives a record it writes (record-writer.ts): a UUID v7. */
const CORE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A reversal: the whole of an entry of the same record, once from each copy. */
function checkReversal(view: LedgerView, entry: Entry, where: Record<string, string>): void {
  const reversedId = entry.reverses_id ?? ''
  // Under the id derived from the entry reversed (funds/reversal-id.ts), or a core's own id
  // (UUID v7) from before reversals' ids were derived.
  if (entry.id !== reversalId(reversedId) && !CORE_ID.test(entry.id)) {
    throw refused('sync.refused.ledgerReversalId', { ...where, reversed: reversedId })
  }
  const reversed = view.entry(reversedId)
  // A reversal of an entry this copy does not have waits for it (references.ts says so).
  if (!reversed) return
  const same: (keyof Entry)[] = [
    'kind',
    'source_table',
    'source_id',
    'agreement_id',
    'fund_class',
    'currency',
    'entry_date',
    'use_table',
    'use_id',
  ]
  if (
    reversed.reverses_id !== null ||
    same.some((column) => reversed[column] !== entry[column]) ||
    entry.amount_minor !== -reversed.amount_minor ||
    entry.eur_minor !== -reversed.eur_minor
  ) {
    throw refused('sync.refused.ledgerReversal', where)
  }
  // Two copies reversing one entry write one record, under the id derived from it: a reversal
  // under another id beside it gives the money back twice.
  if (
    view.reversalsOf(reversed.id, entry.replica).length > 1 ||
    view
      .entriesOf(reversed.source_table, reversed.source_id)
      .some((e) => e.reverses_id === reversed.id && e.id !== entry.id)
  ) {
    throw refused('sync.refused.ledgerReversedTwice', where)
  }
}

/**
 * What a transaction posts for each record, added up: the record's whole amount (a receipt, a
 * payment, an expense in euros, a tranche's payment in euros, an agreement's or an amendment's
 * commitment). A transaction that creates a money record posts it in full, once.
 */
function checkSums(view: LedgerView, tx: Action): void {
  const sums = new Map<string, { amount: number; eur: number; entry: Entry }>()
  for (const entry of tx.entries) {
    if (entry.reverses_id) continue
    const key = `${entry.source_table}|${entry.source_id}`
    const sum = sums.get(key) ?? { amount: 0, eur: 0, entry }
    sum.amount += entry.amount_minor
    sum.eur += entry.eur_minor
    sums.set(key, sum)
  }
  for (const { amount, eur, entry } of sums.values()) {
    const source = view.asOf(entry.source_table, entry.source_id, tx)
    if (!source) continue
    const expected = expectedSums(entry.source_table, source)
    const where = { row: entry.id, kind: entry.kind, source: entry.source_table }
    if (
      (expected.amount !== undefined && expected.amount !== amount) ||
      (expected.eur !== undefined && expected.eur !== eur)
    ) {
      throw refused('sync.refused.ledgerSum', { ...where, amount, eur })
    }
  }
}

function expectedSums(table: string, source: Row): { amount?: unknown; eur?: unknown } {
  switch (table) {
    case 'receipts':
    case 'other_income':
    case 'dues_payments':
      return { amount: source.amount_minor, eur: source.eur_minor }
    case 'budget_expenses':
      return { eur: source.eur_minor }
    case 'tranches':
      return { eur: source.paid_eur_minor }
    case 'agreements':
      return { amount: source.amount_minor }
    case 'agreement_amendments':
      return { amount: source.amount_change_minor }
    default:
      return {}
  }
}

export function classOf(agreement: Row): 'tied' | 'untied' {
  return agreement.earmarking === 'untied' ? 'untied' : 'tied'
}
