import type { Selectable } from 'kysely'
import type { DataFile } from '../db/data-file'
import type { ProjectsTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { toEuro } from '@shared/money/exchange'
import type { Money } from '@shared/money/money'
import { isOpenStatus, type ProjectStatus } from '@shared/projects/schema'

export async function requireProject(
  db: DataFile['db'],
  id: string,
): Promise<Selectable<ProjectsTable>> {
  const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppFailure('NOT_FOUND')
  return row
}

/** A project that can still be changed: neither archived, closed nor abandoned. */
export async function requireOpenProject(
  db: DataFile['db'],
  id: string,
): Promise<Selectable<ProjectsTable>> {
  return assertOpenProject(await requireProject(db, id))
}

/** {@link requireOpenProject}'s rule on a project already read (many read at once). */
export function assertOpenProject<
  Row extends { code: string; status: string; deleted_at: string | null },
>(row: Row | undefined): Row {
  if (!row) throw new AppFailure('NOT_FOUND')
  if (row.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
  if (!isOpenStatus(row.status as ProjectStatus)) {
    throw new AppFailure('CONFLICT', 'errors.projectEnded', { code: row.code })
  }
  return row
}

/**
 * An amount's euro value at the rate of a day (the rate recorded beside it), or a refusal on
 * `field` naming the missing rate.
 */
export async function euroValueOn(
  rates: ExchangeRatesService,
  db: DataFile['db'],
  amount: Money,
  day: string,
  field: string,
): Promise<{ eur: Money; rate: string }> {
  const applied = await rates.rateOn(amount.currency, day, db)
  if (!applied) {
    throw fieldFailure('VALIDATION', field, 'errors.noRate', {
      currency: amount.currency,
      date: { day },
    })
  }
  return { eur: toEuro(amount, applied.rate), rate: applied.rate }
}
