import { randomUUID } from 'node:crypto'
import {
  type HostileCase,
  type Place,
  find,
  inserts,
  mutated,
  newChange,
  setField,
  stampAfter,
  valueOf,
} from './hostile-frame'

const receipt = (at: Place) =>
  find(at, (c, v) => inserts('receipts')(c) && v.amount_minor === 4_000_000)
const entryOf = (at: Place, source: string) =>
  find(at, (c, v) => inserts('ledger_entries')(c) && v.source_id === source)

/**
 * What the core never writes of records and the ledger: a ledger entry changed, archived, alone
 * or not matching its record; a money record without its entries, or its entries reversed
 * without its cancellation; a record this copy never had changed, or one created twice.
 */
export function recordCases(): HostileCase[] {
  return [
    mutated('an update of a ledger entry', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'ledger_entries',
        row_id: entryOf(at, receipt(at).row_id).row_id,
        column_name: 'amount_minor',
        op: 'update',
        new_value: '100000000000',
      }),
    ]),
    mutated('an archive of a ledger entry', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'ledger_entries',
        row_id: entryOf(at, receipt(at).row_id).row_id,
        column_name: 'deleted_at',
        op: 'delete',
        new_value: JSON.stringify(new Date().toISOString()),
      }),
    ]),
    mutated('a receipt entry of 100 M€ with no receipt', (at) => {
      const model = entryOf(at, receipt(at).row_id)
      const entry = { ...valueOf(model), amount_minor: 10_000_000_000, eur_minor: 10_000_000_000 }
      return [
        ...at.changes,
        newChange(at, {
          table_name: 'ledger_entries',
          column_name: '*',
          op: 'insert',
          new_value: JSON.stringify({ ...entry, source_id: randomUUID() }),
        }),
      ]
    }),
    mutated('a receipt entry of 100 M€ for a receipt of 40,000', (at) =>
      setField(entryOf(at, receipt(at).row_id), 'amount_minor', 10_000_000_000),
    ),
    mutated('a receipt entry in another fund', (at) =>
      setField(entryOf(at, receipt(at).row_id), 'fund_class', 'untied'),
    ),
    mutated('a receipt without its entry', (at) =>
      at.changes.filter((c) => c.row_id !== entryOf(at, receipt(at).row_id).row_id),
    ),
    mutated('a receipt cancelled without its reversal', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'receipts' &&
          v.reverses_id !== undefined,
      )
      return at.changes.filter((c) => c.row_id !== reversal.row_id)
    }),
    mutated('a receipt’s entry reversed without cancelling the receipt', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'receipts' &&
          v.reverses_id !== undefined,
      )
      const receiptId = String(valueOf(reversal).source_id)
      // Its note still changed with the reason, its archiving gone: the entries reversed alone.
      return at.changes.filter(
        (c) => !(c.table_name === 'receipts' && c.row_id === receiptId && c.op === 'delete'),
      )
    }),
    mutated('a reversal of another amount', (at) =>
      setField(
        find(at, (c, v) => inserts('ledger_entries')(c) && v.reverses_id !== undefined),
        'amount_minor',
        -1,
      ),
    ),
    mutated('a tranche paid without its disbursement', (at) =>
      at.changes.filter(
        (c) => !(inserts('ledger_entries')(c) && valueOf(c).kind === 'disbursement'),
      ),
    ),
    mutated('an agreement corrected without reversing its commitment', (at) => {
      const reversal = find(
        at,
        (c, v) =>
          inserts('ledger_entries')(c) &&
          v.source_table === 'agreements' &&
          v.reverses_id !== undefined,
      )
      return at.changes.filter((c) => c.row_id !== reversal.row_id)
    }),
    mutated('a payment of dues without its entry', (at) => {
      const payment = find(at, inserts('dues_payments'))
      return at.changes.filter((c) => c.row_id !== entryOf(at, payment.row_id).row_id)
    }),
    mutated('an update of a record this copy never had', (at) => [
      ...at.changes,
      newChange(at, {
        table_name: 'funders',
        column_name: 'notes',
        op: 'update',
        new_value: '"x"',
      }),
    ]),
    mutated('a record created a second time', (at) => {
      const twin = find(at, inserts('members'))
      return [...at.changes, newChange(at, { ...twin, hlc: stampAfter(at), tx_id: randomUUID() })]
    }),
  ]
}
