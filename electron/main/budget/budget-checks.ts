import type { Selectable, Transaction } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { BudgetVersionsTable, Database } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'

type VersionRow = Selectable<BudgetVersionsTable>

// What a budget change checks before it writes: the records it names exist, the version is
// the year's latest and not frozen, codes and years are free, a move keeps the tree a tree.

export async function requireVersion(db: DataFile['db'] | Transaction<Database>, id: string) {
  const row = await db
    .selectFrom('budget_versions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppFailure('NOT_FOUND')
  return row
}

export async function requireItem(db: Transaction<Database>, id: string) {
  const row = await db
    .selectFrom('budget_items')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppFailure('NOT_FOUND')
  return row
}

export async function requireAgreement(db: Transaction<Database>, id: string, index: number) {
  const row = await db
    .selectFrom('agreements')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw fieldFailure('VALIDATION', `sources.${index}.agreementId`, 'errors.NOT_FOUND')
}

export async function latestNumber(db: DataFile['db'] | Transaction<Database>, year: number) {
  const row = await db
    .selectFrom('budget_versions')
    .select((eb) => eb.fn.max<number>('number').as('latest'))
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.latest ?? -1)
}

export async function assertLatest(db: Transaction<Database>, version: VersionRow): Promise<void> {
  if ((await latestNumber(db, version.year)) !== version.number) {
    throw new AppFailure('CONFLICT', 'errors.budgetVersionFrozen', {
      year: version.year,
      number: version.number,
    })
  }
}

export async function assertYearFree(db: Transaction<Database>, year: number): Promise<void> {
  if ((await latestNumber(db, year)) >= 0) {
    throw fieldFailure('CONFLICT', 'year', 'errors.budgetYearExists', { year })
  }
}

export async function assertCodeFree(
  db: Transaction<Database>,
  versionId: string,
  code: string,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('budget_items')
    .select('id')
    .where('version_id', '=', versionId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
  if (exceptId) query = query.where('id', '!=', exceptId)
  if (await query.executeTakeFirst()) {
    throw fieldFailure('CONFLICT', 'code', 'errors.budgetCodeTaken', { code })
  }
}

export async function nextPosition(db: Transaction<Database>, versionId: string): Promise<number> {
  const row = await db
    .selectFrom('budget_items')
    .select((eb) => eb.fn.max<number>('position').as('last'))
    .where('version_id', '=', versionId)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

/** Whether `candidate` is `ancestor` or lies beneath it (a chapter may not move into itself). */
export async function isWithin(
  db: Transaction<Database>,
  candidate: string,
  ancestor: string,
): Promise<boolean> {
  let current: string | null = candidate
  while (current) {
    if (current === ancestor) return true
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('budget_items')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst()
    current = row?.parent_id ?? null
  }
  return false
}
