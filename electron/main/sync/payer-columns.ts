import type { Transaction } from 'kysely'
import { INSERTED_RECORD } from '../changelog/record-writer'
import type { Database } from '../db/schema'
import { readJson } from './record-states'

/** Who pays an expense, on the expense itself (a shared expense has neither). */
export interface Payer {
  agreement_id: string | null
  heading_code: string | null
}

const PAYER_COLUMNS = ['agreement_id', 'heading_code'] as const

/**
 * Who pays an expense as its change log says without some actions — those a later payment
 * overrode: its creation, then each change of its paying fund or heading in stamp order, the
 * overridden ones left out. A change writes only the columns it changes (record-writer.ts), so
 * after a merge the latest value of each column may come from different actions (the heading of
 * the overridden move, the fund of the kept one): replayed without the overridden, both are the
 * kept payment's.
 */
export async function payerAsOf(
  trx: Transaction<Database>,
  expenseId: string,
  overridden: ReadonlySet<string>,
  current: Payer,
): Promise<Payer> {
  const log = await trx
    .selectFrom('change_log')
    .select(['column_name', 'new_value', 'tx_id'])
    .where('table_name', '=', 'budget_expenses')
    .where('row_id', '=', expenseId)
    .where('column_name', 'in', [INSERTED_RECORD, ...PAYER_COLUMNS])
    .orderBy('hlc')
    .execute()
  // A record written before the log was has no creation in it: it starts as it stands.
  const payer: Payer = log.some((c) => c.column_name === INSERTED_RECORD)
    ? { agreement_id: null, heading_code: null }
    : { agreement_id: current.agreement_id, heading_code: current.heading_code }
  for (const change of log) {
    if (overridden.has(change.tx_id)) continue
    const value = readJson(change.new_value)
    if (change.column_name === INSERTED_RECORD) {
      const record = (value ?? {}) as Record<string, unknown>
      for (const column of PAYER_COLUMNS) payer[column] = textOrNull(record[column])
    } else payer[change.column_name as keyof Payer] = textOrNull(value)
  }
  return payer
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}
