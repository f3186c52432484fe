import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { touchesAccounts } from '../../electron/main/sync/account-inputs'

/** The sources of the accounts check a sync runs after a merge (review.ts's checkAccounts). */
const CHECKS = [
  'electron/main/check/ledger-invariants.ts',
  'electron/main/check/duplicate-invariants.ts',
  'electron/main/sync/duplicates.ts',
  'electron/main/accounting/closures.ts',
]
/** Read by the checks, never written by a change. */
const NOT_RECORDS = new Set(['change_log', 'json_each'])

describe('what the accounts check reads (account-inputs.ts)', () => {
  it('covers every table the checks read: a change to any of them runs the check', () => {
    const tables = new Set<string>()
    for (const path of CHECKS) {
      const text = readFileSync(path, 'utf8')
      for (const [, table = ''] of text.matchAll(/(?:FROM|JOIN) ([a-z_]+)/g)) tables.add(table)
      for (const [, table = ''] of text.matchAll(/selectFrom\('([a-z_]+)'/g)) tables.add(table)
    }
    const records = [...tables].filter((table) => !NOT_RECORDS.has(table))
    expect(records.length).toBeGreaterThan(10)
    for (const table of records) {
      expect(touchesAccounts(table, '*'), `${table} created`).toBe(true)
      expect(touchesAccounts(table, 'deleted_at'), `${table} archived`).toBe(true)
    }
  })

  it('covers each name or code that must be unique, and leaves other fields of those records', () => {
    const text = readFileSync('electron/main/check/duplicate-invariants.ts', 'utf8')
    const unique = [...text.matchAll(/table: '([a-z_]+)', column: '([a-z_]+)'/g)]
    expect(unique.length).toBeGreaterThanOrEqual(5)
    for (const [, table = '', column = ''] of unique) {
      expect(touchesAccounts(table, column), `${table}.${column}`).toBe(true)
    }
    expect(touchesAccounts('funders', 'notes')).toBe(false)
    expect(touchesAccounts('projects', 'description')).toBe(false)
    expect(touchesAccounts('receipts', 'note')).toBe(true)
  })
})
