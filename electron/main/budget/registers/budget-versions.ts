import { z } from 'zod'
import type { Session } from '../../app/session'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { optionalIsoDate } from '@shared/validation/dates'
import { type Memo, type Register, known } from '../../workbook/register'

export const year = z.number({ error: 'validation.required' }).int().min(2000).max(2100)
export const versionNumber = z.number({ error: 'validation.required' }).int().min(0).max(99)
const YES_NO = ['yes', 'no'] as const

const versionRowInput = z.strictObject({
  year,
  number: versionNumber,
  adoptedOn: optionalIsoDate,
  reference: z.enum(YES_NO, { error: 'validation.choice' }),
})
type VersionRow = z.output<typeof versionRowInput>

interface VersionAsFound {
  id: string
  year: number
  number: number
  adopted_on: string | null
  is_current: number
}

/** The budget versions of the file, by year and number, kept current as the import writes. */
const versionsOf = (session: Session, memo: Memo) =>
  known<VersionAsFound>(
    memo,
    'budgetVersions',
    () =>
      session.file.db
        .selectFrom('budget_versions')
        .select(['id', 'year', 'number', 'adopted_on', 'is_current'])
        .where('deleted_at', 'is', null)
        .execute(),
    (v) => `${v.year}|${v.number}`,
  )

/** The versions the workbook lists, read by the items and expenses of their year. */
const versionRowsOf = (memo: Memo) => {
  let rows = memo.get('workbook:budgetVersions') as Map<string, VersionRow> | undefined
  if (!rows) {
    rows = new Map()
    memo.set('workbook:budgetVersions', rows)
  }
  return rows
}

/**
 * Finds a year's version, making it as the window does when the file does not have it: the
 * initial budget, or a revision of the one before — which is adopted first when the workbook
 * says so, since only a year's latest version changes.
 */
export async function versionFor(
  session: Session,
  memo: Memo,
  year: number,
  number: number,
  author: string,
): Promise<VersionAsFound> {
  const versions = await versionsOf(session, memo)
  const found = versions.get(`${year}|${number}`)
  if (found) return found
  let id: string
  if (number === 0) id = await session.budget.create(year, author)
  else {
    const before = await versionFor(session, memo, year, number - 1, author)
    await adoptAsListed(session, memo, before, author)
    id = await session.budget.revise(before.id, author)
    // The revision holds copies of the items before it: read again when next needed.
    memo.delete('budgetItems')
  }
  const made: VersionAsFound = {
    id,
    year,
    number,
    adopted_on: null,
    is_current: number === 0 ? 1 : 0,
  }
  versions.set(`${year}|${number}`, made)
  return made
}

/** Records a version's adoption as the workbook lists it, while it is its year's latest. */
async function adoptAsListed(
  session: Session,
  memo: Memo,
  version: VersionAsFound,
  author: string,
): Promise<boolean> {
  const row = versionRowsOf(memo).get(`${version.year}|${version.number}`)
  if (!row?.adoptedOn || row.adoptedOn === version.adopted_on) return false
  await session.budget.adopt(version.id, row.adoptedOn, author)
  version.adopted_on = row.adoptedOn
  return true
}

/**
 * The budget's versions: each year's initial budget (0) and its revisions, when each was
 * adopted, and which is the year's reference. The lines of a version are on the next sheet.
 */
export const budgetVersions: Register<VersionRow> = {
  key: 'budgetVersions',
  sheet: 'workbook.sheet.budgetVersions',
  columns: [
    { field: 'year', heading: 'budget.year', kind: 'integer', required: true },
    { field: 'number', heading: 'workbook.column.versionNumber', kind: 'integer', required: true },
    { field: 'adoptedOn', heading: 'budget.form.adoptedOn', kind: 'date' },
    {
      field: 'reference',
      heading: 'budget.current',
      kind: 'choice',
      required: true,
      choices: { codes: YES_NO, label: (code) => `common.${code}` as MessageKey },
    },
  ],
  schema: versionRowInput,
  order: (a, b) => Number(a.year) - Number(b.year) || Number(a.number) - Number(b.number),
  identity: (row) => `${String(row.year ?? '')}|${String(row.number ?? '')}`,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('budget_versions')
        .select(['year', 'number', 'adopted_on', 'is_current'])
        .where('deleted_at', 'is', null)
        .orderBy('year')
        .orderBy('number')
        .execute()
    ).map((v) => ({
      year: v.year,
      number: v.number,
      adoptedOn: v.adopted_on,
      reference: v.is_current ? 'yes' : 'no',
    })),
  // Kept for the lines and the end of the import: a version is made with its lines, in order.
  apply: async (session, row, _author, memo) => {
    versionRowsOf(memo).set(`${row.year}|${row.number}`, row)
    return (await versionsOf(session, memo)).has(`${row.year}|${row.number}`)
      ? 'unchanged'
      : 'created'
  },
  finish: async (session, row, author, memo) => {
    const version = await versionFor(session, memo, row.year, row.number, author)
    const versions = await versionsOf(session, memo)
    const latest = !versions.has(`${row.year}|${row.number + 1}`)
    let changed = latest && (await adoptAsListed(session, memo, version, author))
    if (row.reference === 'yes' && !version.is_current) {
      await session.budget.setCurrent(version.id, author)
      for (const other of versions.values()) if (other.year === row.year) other.is_current = 0
      version.is_current = 1
      changed = true
    }
    return changed
  },
}
