import { CompiledQuery, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import type { SchemaRules } from './column-rules'
import type { RecordState } from './record-states'
import { waiting } from './set-aside'

interface Needed {
  table: string
  column: string
  row: string
  id: string
}

/**
 * Every reference a merged record holds (a foreign key it sets or changes) names a record this
 * copy has or the file creates — checked before writing, so that the write never meets SQLite's
 * FOREIGN KEY refusal. A reference to a record not here yet waits for it: the file is set aside
 * and tried again at the next sync.
 */
export async function checkReferences(
  trx: Transaction<Database>,
  rules: SchemaRules,
  records: ReadonlyMap<string, RecordState>,
): Promise<void> {
  const byParent = new Map<string, Needed[]>()
  for (const record of records.values()) {
    const settled = record.settled
    if (!settled || (!record.created && !record.changed)) continue
    for (const rule of record.table.columns.values()) {
      const id = settled[rule.name]
      if (!rule.references || id === null || id === undefined) continue
      if (record.row && record.row[rule.name] === id) continue
      const parent = records.get(`${rule.references}|${String(id)}`)
      if (parent?.settled) continue
      const needed = byParent.get(rule.references) ?? []
      needed.push({ table: record.table.name, column: rule.name, row: record.id, id: String(id) })
      byParent.set(rule.references, needed)
    }
  }
  for (const [parent, needed] of byParent) {
    if (!rules.tables.has(parent)) continue
    const ids = [...new Set(needed.map((n) => n.id))]
    const found = await trx.executeQuery<{ id: string }>(
      CompiledQuery.raw(
        `SELECT p.id FROM json_each(?) AS j CROSS JOIN "${parent}" AS p ON p.id = j.value`,
        [JSON.stringify(ids)],
      ),
    )
    const present = new Set(found.rows.map((r) => r.id))
    const missing = needed.find((n) => !present.has(n.id))
    if (missing) {
      throw waiting(`${parent}|${missing.id}`, 'sync.refused.missingReference', {
        ...missing,
        parent,
      })
    }
  }
}
