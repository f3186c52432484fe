import type { Selectable } from 'kysely'
import type { Session } from '../app/session'
import type { ProjectsTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { CurrencyCode } from '@shared/money/currencies'
import type { ImportOutcome } from '../workbook/register'

/**
 * What the set-based imports of the projects' sheets (projects, plan lines, tranches) share:
 * their one way of falling back to the row path, their reads by id, and the rates they value
 * amounts at.
 */

/**
 * A sheet of new records written as a set: `plan` checks every row as the row path would,
 * against what is read once, and writes nothing (null: the sheet is not new, e.g. it names
 * records the file holds); `write` then writes the plan in a few statements. A refusal of either
 * sends the sheet row by row, so that the refusal is the row path's own, at its row and column.
 */
export async function writeAsSet<Plan>(
  rowCount: number,
  plan: () => Promise<Plan | null>,
  write: (plan: Plan) => Promise<void>,
  rowByRow: () => Promise<ImportOutcome[]>,
): Promise<ImportOutcome[]> {
  try {
    const planned = await plan()
    if (planned === null) return rowByRow()
    await write(planned)
  } catch (error) {
    if (error instanceof AppFailure && error.code !== 'CANCELLED') return rowByRow()
    throw error
  }
  return Array.from({ length: rowCount }, () => 'created')
}

/** Ids bound in one statement: well under SQLite's limit of bound values. */
export const IDS_PER_STATEMENT = 500

/** Ids a statement at a time (`where id in (…)`). */
export function* idChunks<T>(all: readonly T[]): Iterable<T[]> {
  for (let start = 0; start < all.length; start += IDS_PER_STATEMENT)
    yield all.slice(start, start + IDS_PER_STATEMENT)
}

/** The projects of these ids, read a statement at a time. */
export async function projectsById(
  session: Session,
  ids: readonly string[],
): Promise<Map<string, Selectable<ProjectsTable>>> {
  const projects = new Map<string, Selectable<ProjectsTable>>()
  for (const some of idChunks(ids)) {
    for (const project of await session.file.db
      .selectFrom('projects')
      .selectAll()
      .where('id', 'in', some)
      .execute())
      projects.set(project.id, project)
  }
  return projects
}

/**
 * A currency's rate on a day, as `euroValueOn` and the payment's shares find it, each read once;
 * a missing one refused on `field` as they refuse it.
 */
export function ratesOf(session: Session) {
  const read = new Map<string, Promise<string | null>>()
  return async (currency: CurrencyCode, day: string, field: string): Promise<string> => {
    const key = `${currency}|${day}`
    let rate = read.get(key)
    if (!rate) {
      rate = session.rates.rateOn(currency, day).then((applied) => applied?.rate ?? null)
      read.set(key, rate)
    }
    const found = await rate
    if (found === null) {
      throw fieldFailure('VALIDATION', field, 'errors.noRate', { currency, date: { day } })
    }
    return found
  }
}
