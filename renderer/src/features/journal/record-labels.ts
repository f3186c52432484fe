import type { TFunction } from 'i18next'
import { HISTORY_TABLES } from '@shared/history/schema'

type RecordTable = (typeof HISTORY_TABLES)[number] | 'ledger_entries'

function isRecordTable(table: string): table is RecordTable {
  return table === 'ledger_entries' || (HISTORY_TABLES as readonly string[]).includes(table)
}

/** What a register's records are called ("Bailleur"); an unknown table by its own name. */
export function tableLabel(t: TFunction, table: string): string {
  return isRecordTable(table) ? t(`records.${table}`) : table
}

/** A field's name as the history says it (« Montant »), the same as the core's describer. */
export function columnLabel(t: TFunction, column: string): string {
  return t(`history.column.${column}`, { defaultValue: column })
}
