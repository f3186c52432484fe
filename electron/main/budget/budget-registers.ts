import { z } from 'zod'
import type { Session } from '../app/session'
import { fieldFailure } from '../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import {
  BUDGET_DIRECTIONS,
  BUDGET_NATURES,
  BUDGET_TRACKING,
  budgetExpenseInput,
  budgetItemInput,
} from '@shared/budget/schema'
import { decimalAmount } from '@shared/validation/amounts'
import { optionalIsoDate } from '@shared/validation/dates'
import { optionalText, requiredText } from '@shared/validation/fields'
import {
  type ImportOutcome,
  type Memo,
  type Register,
  EXPORT_PAGE,
  bulkWrites,
  pagesById,
  keyedAmounts,
  keyedAmountsText,
  known,
  normalAmount,
  amountText,
  keyOf,
  minorOf,
} from '../workbook/register'
import { AGREEMENT_COLUMN, agreementsByReference } from '../workbook/references'

const year = z.number({ error: 'validation.required' }).int().min(2000).max(2100)
const versionNumber = z.number({ error: 'validation.required' }).int().min(0).max(99)
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
async function versionFor(
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

const itemRowInput = z.strictObject({
  year,
  number: versionNumber,
  parentCode: optionalText(20),
  kind: budgetItemInput.shape.kind,
  code: requiredText(20),
  label: requiredText(200),
  direction: budgetItemInput.shape.direction,
  nature: budgetItemInput.shape.nature,
  planned: budgetItemInput.shape.planned,
  tracks: budgetItemInput.shape.tracks,
  untiedSource: decimalAmount.nullish().transform((value) => value ?? null),
  agreementSources: keyedAmounts,
  note: optionalText(2000),
})
type ItemRow = z.output<typeof itemRowInput>

interface ItemAsFound {
  id: string
  version_id: string
  parent_id: string | null
  item_kind: string
  code: string
  label: string
  direction: string | null
  nature: string | null
  planned_minor: number
  tracks: string | null
  note: string | null
  sources: string
}

/** Every item of the file's budgets with its sources, known by its version and code. */
const itemsOf = (session: Session, memo: Memo) =>
  known<ItemAsFound>(
    memo,
    'budgetItems',
    async () =>
      (
        await session.file.db
          .selectFrom('budget_items')
          .selectAll()
          .where('deleted_at', 'is', null)
          .execute()
      ).map((item) => ({ ...item, sources: '' })),
    (i) => `${i.version_id}|${i.code}`,
  )

/** What a line's sources say, the same however they were typed. */
function sourcesText(sources: { agreementId: string | null; amount: string }[]): string {
  return sources
    .map((s) => `${s.agreementId ?? ''}=${normalAmount(s.amount, 'EUR')}`)
    .sort()
    .join(';')
}

const TRACKS = [...BUDGET_TRACKING.expense, ...BUDGET_TRACKING.income]

/** The chapters and lines of each version, in their order, with their planned sources. */
export const budgetItems: Register<ItemRow> = {
  key: 'budgetItems',
  sheet: 'workbook.sheet.budgetItems',
  columns: [
    { field: 'year', heading: 'budget.year', kind: 'integer', required: true },
    { field: 'number', heading: 'workbook.column.versionNumber', kind: 'integer', required: true },
    { field: 'parentCode', heading: 'budget.form.parent', kind: 'text' },
    {
      field: 'kind',
      heading: 'budget.form.kind',
      kind: 'choice',
      required: true,
      choices: { codes: ['chapter', 'line'], label: (code) => `budget.form.${code}` as MessageKey },
    },
    { field: 'code', heading: 'budget.form.code', kind: 'text', required: true },
    { field: 'label', heading: 'budget.form.label', kind: 'text', required: true },
    {
      field: 'direction',
      heading: 'budget.form.direction',
      kind: 'choice',
      required: true,
      choices: {
        codes: BUDGET_DIRECTIONS,
        label: (code) => `budget.direction.${code}` as MessageKey,
      },
    },
    {
      field: 'nature',
      heading: 'budget.form.nature',
      kind: 'choice',
      required: true,
      choices: { codes: BUDGET_NATURES, label: (code) => `budget.nature.${code}` as MessageKey },
    },
    { field: 'planned', heading: 'budget.form.planned', kind: 'amount' },
    {
      field: 'tracks',
      heading: 'budget.form.tracks',
      kind: 'choice',
      choices: { codes: TRACKS, label: (code) => `budget.tracks.${code}` as MessageKey },
    },
    { field: 'untiedSource', heading: 'workbook.column.untiedSource', kind: 'amount' },
    { field: 'agreementSources', heading: 'workbook.column.agreementSources', kind: 'text' },
    { field: 'note', heading: 'budget.form.note', kind: 'text' },
  ],
  schema: itemRowInput,
  identity: (row) =>
    `${String(row.year ?? '')}|${String(row.number ?? '')}|${String(row.code ?? '')}`.toLowerCase(),
  rows: async (session) => {
    const db = session.file.db
    const sources = new Map<string, { reference: string | null; amount: number }[]>()
    for (const source of await db
      .selectFrom('budget_line_sources as s')
      .leftJoin('agreements as a', 'a.id', 's.agreement_id')
      .select(['s.item_id', 'a.reference', 's.amount_minor'])
      .where('s.deleted_at', 'is', null)
      .orderBy('s.created_at')
      .execute()) {
      const ofItem = sources.get(source.item_id) ?? []
      ofItem.push({ reference: source.reference, amount: source.amount_minor })
      sources.set(source.item_id, ofItem)
    }
    return (
      await db
        .selectFrom('budget_items as i')
        .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
        .leftJoin('budget_items as parent', 'parent.id', 'i.parent_id')
        .selectAll('i')
        .select(['v.year', 'v.number', 'parent.code as parent_code'])
        .where('i.deleted_at', 'is', null)
        .where('v.deleted_at', 'is', null)
        .orderBy('v.year')
        .orderBy('v.number')
        .orderBy('i.position')
        .execute()
    ).map((i) => {
      const ofItem = sources.get(i.id) ?? []
      const untied = ofItem.find((s) => s.reference === null)
      return {
        year: i.year,
        number: i.number,
        parentCode: i.parent_code,
        kind: i.item_kind,
        code: i.code,
        label: i.label,
        direction: i.direction,
        nature: i.nature,
        planned: i.item_kind === 'line' ? amountText(i.planned_minor, 'EUR') : null,
        tracks: i.tracks,
        untiedSource: untied ? amountText(untied.amount, 'EUR') : null,
        agreementSources: keyedAmountsText(
          ofItem.flatMap((s) =>
            s.reference === null ? [] : [{ key: s.reference, amount: amountText(s.amount, 'EUR') }],
          ),
        ),
        note: i.note,
      }
    })
  },
  apply: async (session, row, author, memo) => {
    const version = await versionFor(session, memo, row.year, row.number, author)
    const items = await itemsOf(session, memo)
    const parent = row.parentCode
      ? items.get(`${version.id}|${row.parentCode}`.toLowerCase())
      : null
    if (row.parentCode && !parent) {
      throw fieldFailure('VALIDATION', 'parentCode', 'workbook.budgetParentUnknown', {
        code: row.parentCode,
      })
    }
    const agreements = await agreementsByReference(session, memo)
    const sources = [
      ...(row.untiedSource ? [{ agreementId: null, amount: row.untiedSource }] : []),
      ...row.agreementSources.map((source) => {
        const agreement = agreements.get(source.key.toLowerCase())
        if (!agreement) {
          throw fieldFailure('VALIDATION', 'agreementSources', 'workbook.unknownSource', {
            reference: source.key,
          })
        }
        return { agreementId: agreement.id, amount: source.amount }
      }),
    ]
    const key = `${version.id}|${row.code}`.toLowerCase()
    const existing = items.get(key)
    const fields = {
      versionId: version.id,
      id: existing?.id ?? null,
      parentId: parent?.id ?? null,
      kind: row.kind,
      code: row.code,
      label: row.label,
      direction: row.direction,
      nature: row.nature,
      planned: row.kind === 'line' ? row.planned : '0',
      tracks: row.kind === 'line' ? row.tracks : null,
      sources: row.kind === 'line' ? sources : [],
      note: row.note,
    }
    if (existing) {
      const current = await sourcesOf(session, existing)
      const unchanged =
        existing.parent_id === fields.parentId &&
        existing.item_kind === fields.kind &&
        existing.label === fields.label &&
        existing.direction === fields.direction &&
        existing.nature === fields.nature &&
        amountText(existing.planned_minor, 'EUR') === normalAmount(fields.planned, 'EUR') &&
        (fields.tracks === null || existing.tracks === fields.tracks) &&
        existing.note === fields.note &&
        current === sourcesText(fields.sources)
      if (unchanged) return 'unchanged'
    }
    const id = await session.budget.saveItem(budgetItemInput.parse(fields), author)
    items.set(key, {
      id,
      version_id: version.id,
      parent_id: fields.parentId,
      item_kind: fields.kind,
      code: fields.code,
      label: fields.label,
      direction: fields.direction,
      nature: fields.nature,
      planned_minor: minorOf(fields.planned, 'EUR'),
      tracks: fields.tracks,
      note: fields.note,
      sources: sourcesText(fields.sources),
    })
    return existing ? 'updated' : 'created'
  },
}

/** What an item's sources say in the file, read when first compared. */
async function sourcesOf(session: Session, item: ItemAsFound): Promise<string> {
  if (item.sources) return item.sources
  const rows = await session.file.db
    .selectFrom('budget_line_sources')
    .select(['agreement_id', 'amount_minor'])
    .where('item_id', '=', item.id)
    .where('deleted_at', 'is', null)
    .execute()
  item.sources = sourcesText(
    rows.map((s) => ({ agreementId: s.agreement_id, amount: amountText(s.amount_minor, 'EUR') })),
  )
  return item.sources
}

const expenseRowInput = budgetExpenseInput.omit({ lineKey: true }).safeExtend({
  year,
  lineCode: requiredText(20),
  cancelReason: optionalText(500),
})
type ExpenseRow = z.output<typeof expenseRowInput>

/**
 * The secretariat's expenses, each charged to a line of its year (named by its code in the
 * year's latest version) and known by what it says; a cancelled one is recorded, then cancelled.
 */
export const budgetExpenses: Register<ExpenseRow> = {
  key: 'budgetExpenses',
  sheet: 'workbook.sheet.budgetExpenses',
  columns: [
    { field: 'year', heading: 'budget.year', kind: 'integer', required: true },
    { field: 'lineCode', heading: 'workbook.column.budgetLine', kind: 'text', required: true },
    { field: 'spentOn', heading: 'budget.form.spentOn', kind: 'date', required: true },
    { field: 'supplier', heading: 'budget.form.supplier', kind: 'text' },
    { field: 'description', heading: 'budget.form.description', kind: 'text', required: true },
    { field: 'currency', heading: 'budget.form.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'budget.form.amount', kind: 'amount', required: true },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'headingCode', heading: 'budget.form.heading', kind: 'text' },
    { field: 'document', heading: 'projects.expenses.document', kind: 'text' },
    { field: 'cancelReason', heading: 'workbook.column.cancelReason', kind: 'text' },
  ],
  schema: expenseRowInput,
  order: (a, b) => String(a.spentOn).localeCompare(String(b.spentOn)),
  identity: (row) =>
    keyOf(
      row.year,
      row.lineCode,
      row.spentOn,
      row.description,
      row.amount,
      row.currency,
      row.supplier,
    ),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...row,
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async function* (session) {
    // Each line's code in its year's latest version, read once (not once per expense).
    const codes = new Map<string, string>()
    for (const line of await session.file.db
      .selectFrom('budget_items as i')
      .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
      .select(['v.year', 'i.line_key', 'i.code'])
      .where('i.deleted_at', 'is', null)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.number')
      .execute()) {
      codes.set(`${line.year}|${line.line_key}`, line.code)
    }
    yield* pagesById(
      (after) =>
        session.file.db
          .selectFrom('budget_expenses as e')
          .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
          .selectAll('e')
          .select('a.reference as agreement')
          .where('e.deleted_at', 'is', null)
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(EXPORT_PAGE)
          .execute(),
      (e) => ({
        year: e.year,
        lineCode: codes.get(`${e.year}|${e.line_key}`) ?? null,
        spentOn: e.spent_on,
        supplier: e.supplier,
        description: e.description,
        currency: e.currency,
        amount: amountText(e.amount_minor, e.currency),
        agreement: e.agreement,
        headingCode: e.heading_code,
        document: e.document,
        cancelReason: e.cancel_reason,
      }),
    )
  },
  ...bulkWrites(writeExpenses),
}

/**
 * Writes the expenses the file does not hold yet in one go, then cancels those the workbook
 * says were cancelled: a budget's year holds thousands of expenses.
 */
async function writeExpenses(
  session: Session,
  rows: ExpenseRow[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  const lines = await known(
    memo,
    'budgetLineKeys',
    () => latestLines(session),
    (line) => `${line.year}|${line.code}`,
  )
  const identity = (e: {
    line_key: string
    spent_on: string
    description: string
    amount: string
    currency: string
    supplier: string | null
  }) =>
    [e.line_key, e.spent_on, e.description, e.amount, e.currency, e.supplier ?? '']
      .join('|')
      .toLowerCase()
  const recorded = await known(
    memo,
    'budgetExpenses',
    async () =>
      (
        await session.file.db
          .selectFrom('budget_expenses')
          .select(['id', 'line_key', 'spent_on', 'description', 'amount_minor', 'currency'])
          .select(['supplier', 'cancel_reason'])
          .where('deleted_at', 'is', null)
          .execute()
      ).map((e) => ({
        id: e.id,
        cancel_reason: e.cancel_reason,
        key: identity({
          ...e,
          amount: amountText(e.amount_minor, e.currency),
        }),
      })),
    (e) => e.key,
  )
  const outcomes: ImportOutcome[] = []
  const added: { index: number; key: string; fields: z.output<typeof budgetExpenseInput> }[] = []
  const keys: string[] = []
  for (const [index, row] of rows.entries()) {
    at(index)
    const line = lines.get(`${row.year}|${row.lineCode}`.toLowerCase())
    if (!line) {
      throw fieldFailure('VALIDATION', 'lineCode', 'workbook.budgetLineUnknown', {
        code: row.lineCode,
        year: String(row.year),
      })
    }
    const key = identity({
      line_key: line.line_key,
      spent_on: row.spentOn,
      description: row.description,
      amount: normalAmount(row.amount, row.currency),
      currency: row.currency,
      supplier: row.supplier,
    })
    keys.push(key)
    if (recorded.has(key)) outcomes.push('unchanged')
    else {
      const { year: _year, lineCode: _line, cancelReason: _reason, ...expense } = row
      const fields = { ...expense, lineKey: line.line_key }
      added.push({ index, key, fields })
      recorded.set(key, { id: '', cancel_reason: null, key })
      outcomes.push('created')
    }
  }
  const ids = await session.budgetExpenses.addMany(
    added.map((a) => a.fields),
    author,
    (n) => at(added[n]?.index ?? 0),
  )
  added.forEach(({ key }, n) => recorded.set(key, { id: ids[n] ?? '', cancel_reason: null, key }))
  for (const [index, row] of rows.entries()) {
    if (!row.cancelReason) continue
    at(index)
    const key = keys[index] ?? ''
    const expense = recorded.get(key)
    if (!expense || expense.cancel_reason) continue
    await session.budgetExpenses.cancel(expense.id, row.cancelReason, author)
    expense.cancel_reason = row.cancelReason
    if (outcomes[index] === 'unchanged') outcomes[index] = 'updated'
  }
  return outcomes
}

/** Each year's lines in its latest version: the code an expense names, and the line's key. */
async function latestLines(session: Session) {
  const db = session.file.db
  return db
    .selectFrom('budget_items as i')
    .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
    .select(['v.year', 'i.code', 'i.line_key'])
    .where('i.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .where('i.item_kind', '=', 'line')
    .where((eb) =>
      eb(
        'v.number',
        '=',
        eb
          .selectFrom('budget_versions as later')
          .select((later) => later.fn.max<number>('later.number').as('n'))
          .whereRef('later.year', '=', 'v.year')
          .where('later.deleted_at', 'is', null),
      ),
    )
    .execute()
}
