import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { RecordTable } from '@shared/records/tables'
import type { RecordValues } from '../changelog/record-writer'
import { AppFailure } from '../failure'
import { recordName } from '@shared/history/record-name'
import type { Language } from '@shared/i18n/locale'
import type { UndoneEdit } from '@shared/history/schema'

/**
 * The fields whose last edit may be undone by writing their previous value back: descriptive
 * fields only. A field that moves money or derives ledger entries (an amount, a currency, a date
 * the ledger dates from, a status) is left to its own flow — a money event is reversed, never
 * rewritten — so that an undo can never leave the ledger out of step with its records.
 */
export const UNDOABLE_FIELDS: Partial<Record<RecordTable, readonly string[]>> = {
  organisation: ['name', 'address', 'email', 'website'],
  funders: [
    'name',
    'acronym',
    'kind',
    'country',
    'contact_name',
    'contact_email',
    'contact_phone',
    'notes',
  ],
  members: ['name', 'leader_name', 'address', 'email', 'phone', 'notes'],
  agreements: ['reference', 'title', 'programme', 'notes'],
  projects: [
    'title',
    'title_en',
    'objectives',
    'description',
    'description_en',
    'contact_name',
    'contact_email',
    'contact_phone',
  ],
}

/**
 * Undoes the author's last edit of a record's fields: a NEW change, logged like any other (its
 * own transaction, HLC stamps, old → new), that writes back the values the edit replaced. The
 * history keeps both the edit and its undoing; nothing is rewritten, so the undo syncs as any
 * edit does. Refused, changing nothing, when the last action was not such an edit (a money event,
 * a creation, an archive), or when the record has changed since (by someone else, or a sync).
 */
export async function undoLastEdit(
  file: DataFile,
  author: string,
  language: Language,
): Promise<UndoneEdit> {
  const last = await file.db
    .selectFrom('change_log')
    .select('tx_id')
    .where('author', '=', author)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!last) throw new AppFailure('CONFLICT', 'undo.nothing')
  const rows = await file.db
    .selectFrom('change_log')
    .selectAll()
    .where('tx_id', '=', last.tx_id)
    .orderBy('seq')
    .execute()
  const first = rows[0]
  const table = first?.table_name as RecordTable | undefined
  const fields = table ? UNDOABLE_FIELDS[table] : undefined
  const editOfOneRecord =
    first !== undefined &&
    fields !== undefined &&
    rows.every(
      (r) =>
        r.op === 'update' &&
        r.table_name === first.table_name &&
        r.row_id === first.row_id &&
        fields.includes(r.column_name),
    )
  if (!first || !table || !editOfOneRecord) throw new AppFailure('CONFLICT', 'undo.notAnEdit')

  const current = (
    await sql<RecordValues>`SELECT * FROM ${sql.table(table)} WHERE id = ${first.row_id}`.execute(
      file.db,
    )
  ).rows[0]
  if (!current || current.deleted_at !== null) throw new AppFailure('CONFLICT', 'undo.archived')
  const patch: RecordValues = {}
  for (const row of rows) {
    // Changed since (by a sync or another hand): writing the old value back would lose that.
    if (JSON.stringify(current[row.column_name] ?? null) !== (row.new_value ?? 'null'))
      throw new AppFailure('CONFLICT', 'undo.changedSince')
    patch[row.column_name] =
      row.old_value === null ? null : (JSON.parse(row.old_value) as string | number | null)
  }
  const columns = await file.write(author, (writer) =>
    writer.update(table, first.row_id, patch, current),
  )
  return {
    table,
    id: first.row_id,
    name: recordName(table, { ...current, ...patch }, language),
    columns,
  }
}
