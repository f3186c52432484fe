import type { TFunction } from 'i18next'
import { HISTORY_TABLES } from '@shared/history/schema'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { AGREEMENT_COLUMN_LABELS } from '../agreements/agreement-columns'
import { FUNDER_COLUMN_LABELS } from '../funders/funder-columns'
import { MEMBER_COLUMN_LABELS } from '../members/member-history-labels'
import { PROJECT_COLUMN_LABELS } from '../projects/project-history-labels'

type RecordTable = (typeof HISTORY_TABLES)[number] | 'ledger_entries'

/** The fields' names as the forms say them, for the registers that have a form of their own. */
const COLUMN_LABELS: Partial<Record<string, Record<string, MessageKey>>> = {
  funders: FUNDER_COLUMN_LABELS,
  agreements: AGREEMENT_COLUMN_LABELS,
  members: MEMBER_COLUMN_LABELS,
  projects: PROJECT_COLUMN_LABELS,
}

function isRecordTable(table: string): table is RecordTable {
  return table === 'ledger_entries' || (HISTORY_TABLES as readonly string[]).includes(table)
}

/** What a register's records are called ("Bailleur"); an unknown table by its own name. */
export function tableLabel(t: TFunction, table: string): string {
  return isRecordTable(table) ? t(`records.${table}`) : table
}

/** A field's name as its form says it ("Notes"); otherwise the column's own name. */
export function columnLabel(t: TFunction, table: string, column: string): string {
  const key = COLUMN_LABELS[table]?.[column] ?? (column === 'deleted_at' ? 'common.archived' : null)
  return key ? t(key) : column
}
