import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { DuplicatePair, DuplicateRecord } from '@shared/sync/schema'
import { groupBy } from './group-by'

type DuplicateTable = DuplicatePair['table']

/** How each kind of money event is known to be the same: whose it is, its day and amount. */
const EVENTS: Readonly<Record<DuplicateTable, { owner: string; day: string; label: string }>> = {
  receipts: {
    owner: 'agreement_id',
    day: 'received_on',
    label: `(SELECT a.reference FROM agreements a WHERE a.id = r.agreement_id)`,
  },
  dues_payments: {
    owner: 'member_id',
    day: 'received_on',
    label: `(SELECT m.code || ' ' || m.name FROM members m WHERE m.id = r.member_id)`,
  },
}

interface Found extends DuplicateRecord {
  owner: string
}

/**
 * Money events entered on two copies: live receipts of one agreement, or live dues payments of
 * one member, on the same day for the same amount and currency, entered on different copies
 * (the same copy entering it twice is that person's own doing, and the forms warn them). Each
 * pair once: the first entered with each of the others.
 */
export async function findDuplicates(db: Kysely<Database>): Promise<DuplicatePair[]> {
  const pairs: DuplicatePair[] = []
  for (const table of Object.keys(EVENTS) as DuplicateTable[]) {
    const groups = groupBy(
      await recordsOf(db, table, 'twice'),
      (r) => `${r.owner}|${r.date}|${r.amountMinor}|${r.currency}`,
    )
    for (const group of groups.values()) {
      const [first, ...others] = group
      if (!first) continue
      for (const other of others) {
        if (other.replicaId !== first.replicaId) {
          pairs.push({ table, records: [plain(first), plain(other)] })
        }
      }
    }
  }
  return pairs
}

/** The two records of a pair as they stand now (one of them may have been cancelled since). */
export async function duplicateRecords(
  db: Kysely<Database>,
  table: DuplicateTable,
  ids: readonly [string, string],
): Promise<[DuplicateRecord, DuplicateRecord] | null> {
  const found = await recordsOf(db, table, ids)
  const first = found.find((r) => r.id === ids[0])
  const second = found.find((r) => r.id === ids[1])
  return first && second ? [plain(first), plain(second)] : null
}

export function isDuplicateTable(table: string | null): table is DuplicateTable {
  return table !== null && Object.hasOwn(EVENTS, table)
}

async function recordsOf(
  db: Kysely<Database>,
  table: DuplicateTable,
  which: 'twice' | readonly string[],
): Promise<Found[]> {
  const { owner, day, label } = EVENTS[table]
  const filter =
    which === 'twice'
      ? sql.raw(`r.deleted_at IS NULL AND (r.${owner}, r.${day}, r.amount_minor, r.currency) IN (
          SELECT ${owner}, ${day}, amount_minor, currency FROM ${table} WHERE deleted_at IS NULL
          GROUP BY 1, 2, 3, 4 HAVING count(*) > 1)`)
      : sql`r.id IN (${sql.join(which)})`
  const rows = await sql<{
    id: string
    owner: string
    label: string | null
    date: string
    amount: number
    currency: string
    deleted_at: string | null
    author: string | null
    entered_at: string | null
    replica: string | null
  }>`
    SELECT r.id, ${sql.raw(`r.${owner}`)} AS owner, ${sql.raw(label)} AS label,
      ${sql.raw(`r.${day}`)} AS date, r.amount_minor AS amount, r.currency, r.deleted_at,
      c.author, c.recorded_at AS entered_at, c.replica_id AS replica
    FROM ${sql.table(table)} r
    LEFT JOIN change_log c ON c.table_name = ${table} AND c.row_id = r.id AND c.column_name = '*'
    WHERE ${filter}
    ORDER BY c.hlc, r.id`.execute(db)
  return rows.rows.map((row) => ({
    id: row.id,
    owner: row.owner,
    label: row.label ?? '',
    date: row.date,
    amountMinor: Number(row.amount),
    currency: row.currency,
    author: row.author ?? '',
    enteredAt: row.entered_at ?? '',
    replicaId: row.replica ?? '',
    cancelled: row.deleted_at !== null,
  }))
}

function plain({ owner: _owner, ...record }: Found): DuplicateRecord {
  return record
}
