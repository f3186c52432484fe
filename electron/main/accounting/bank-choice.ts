import type { RecordWriter } from '../changelog/record-writer'
import type { LedgerKind } from '../db/schema'
import { fieldFailure } from '../failure'

/** The kinds of ledger entry that move money through a bank account. */
export const CASH_KINDS: ReadonlySet<LedgerKind> = new Set([
  'receipt',
  'other_income',
  'due_payment',
  'disbursement',
  'expense',
])

interface BankRow {
  id: string
  currency: string
  label: string
  deleted: boolean
}

/** What each write already read of the bank accounts (a write sees none made meanwhile). */
const cache = new WeakMap<
  RecordWriter,
  { byId: Map<string, BankRow | null>; defaults: Map<string, string | null> }
>()

function cacheOf(writer: RecordWriter) {
  let entry = cache.get(writer)
  if (!entry) {
    entry = { byId: new Map(), defaults: new Map() }
    cache.set(writer, entry)
  }
  return entry
}

/**
 * The bank account a cash event goes through: the one named (it must exist, be in use, and hold
 * the event's currency or euros, into which a bank converts), else its currency's default bank
 * account, else none (the chart's default account of the currency).
 */
export async function bankAccountFor(
  writer: RecordWriter,
  entry: { kind: LedgerKind; amount: { currency: string }; bankAccountId?: string | null },
): Promise<string | null> {
  if (!CASH_KINDS.has(entry.kind)) return null
  const own = cacheOf(writer)
  const currency = entry.amount.currency
  if (entry.bankAccountId) {
    let bank = own.byId.get(entry.bankAccountId)
    if (bank === undefined) {
      const row = await writer.trx
        .selectFrom('bank_accounts')
        .select(['id', 'currency', 'label', 'deleted_at'])
        .where('id', '=', entry.bankAccountId)
        .executeTakeFirst()
      bank = row
        ? { id: row.id, currency: row.currency, label: row.label, deleted: row.deleted_at !== null }
        : null
      own.byId.set(entry.bankAccountId, bank)
    }
    if (!bank || bank.deleted) {
      throw fieldFailure('VALIDATION', 'bankAccountId', 'accounting.errors.bankUnknown')
    }
    if (bank.currency !== currency && bank.currency !== 'EUR') {
      throw fieldFailure('VALIDATION', 'bankAccountId', 'accounting.errors.bankCurrency', {
        bank: bank.label,
        bankCurrency: bank.currency,
        currency,
      })
    }
    return bank.id
  }
  if (!own.defaults.has(currency)) {
    const row = await writer.trx
      .selectFrom('bank_accounts')
      .select('id')
      .where('currency', '=', currency)
      .where('is_default', '=', 1)
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .executeTakeFirst()
    own.defaults.set(currency, row?.id ?? null)
  }
  return own.defaults.get(currency) ?? null
}
