import type { NativeDatabase } from '../db/sqlite-native'
import { allRows } from '../db/sqlite-native'

/**
 * What a copy must share with its source to be trusted: the number of rows of every table and
 * the ledger's totals per currency. (SQLite's integrity check says the copy is sound; this says
 * it is complete.)
 */
export async function fingerprint(db: NativeDatabase): Promise<string> {
  const tables = await allRows<{ name: string }>(
    db,
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await allRows<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`,
    )
    counts[name] = row?.n ?? 0
  }
  const ledger = tables.some((t) => t.name === 'ledger_entries')
    ? await allRows<{ currency: string; amount: number; eur: number }>(
        db,
        'SELECT currency, SUM(amount_minor) AS amount, SUM(eur_minor) AS eur FROM ledger_entries GROUP BY currency ORDER BY currency',
      )
    : []
  return JSON.stringify({ counts, ledger })
}
