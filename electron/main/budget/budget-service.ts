import type { Selectable, Transaction } from 'kysely'
import type { z } from 'zod'
import { v7 as uuidv7 } from 'uuid'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import type { BudgetItemsTable, BudgetVersionsTable, Database } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import { readAmount } from '../funds/money-input'
import type { BudgetItem, BudgetVersion, BudgetView, budgetItemInput } from '@shared/budget/schema'
import { money } from '@shared/money/money'
import { addFigures, budgetActuals, lacksSource, lineFigures, totalsOf } from './budget-actuals'
import {
  assertCodeFree,
  assertLatest,
  assertYearFree,
  isWithin,
  latestNumber,
  nextPosition,
  requireAgreement,
  requireItem,
  requireVersion,
} from './budget-checks'

type ItemFields = z.output<typeof budgetItemInput>
type VersionRow = Selectable<BudgetVersionsTable>
type ItemRow = Selectable<BudgetItemsTable>

/**
 * The secretariat's yearly budget: versions (the initial budget, then revisions, one marked
 * current), each a tree of chapters and lines with their planned sources. Only a year's latest
 * version is edited: revising copies it, so what was adopted stays as it was.
 */
export class BudgetService {
  constructor(private readonly file: DataFile) {}

  async versions(year?: number): Promise<BudgetVersion[]> {
    let query = this.file.db
      .selectFrom('budget_versions')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('year', 'desc')
      .orderBy('number', 'desc')
    if (year !== undefined) query = query.where('year', '=', year)
    const rows = await query.execute()
    const planned = await this.file.db
      .selectFrom('budget_items')
      .select(['version_id', 'direction'])
      .select((eb) => eb.fn.sum<number>('planned_minor').as('planned'))
      .where('deleted_at', 'is', null)
      .where('item_kind', '=', 'line')
      .groupBy(['version_id', 'direction'])
      .execute()
    const latest = new Map<number, number>()
    for (const row of rows) latest.set(row.year, Math.max(latest.get(row.year) ?? -1, row.number))
    return rows.map((row) => {
      const sum = (direction: 'income' | 'expense') =>
        Number(
          planned.find((p) => p.version_id === row.id && p.direction === direction)?.planned ?? 0,
        )
      return toVersion(row, latest.get(row.year) === row.number, sum('income'), sum('expense'))
    })
  }

  /** Starts a year with an empty initial budget. */
  async create(year: number, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      await assertYearFree(writer.trx, year)
      return writer.insert('budget_versions', {
        year,
        number: 0,
        adopted_on: null,
        is_current: 1,
        note: null,
      })
    })
  }

  /** Starts a year from another year's budget: same chapters, lines, sources and amounts. */
  async copyToYear(fromVersionId: string, year: number, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const from = await requireVersion(writer.trx, fromVersionId)
      await assertYearFree(writer.trx, year)
      const id = await writer.insert('budget_versions', {
        year,
        number: 0,
        adopted_on: null,
        is_current: 1,
        note: null,
      })
      await copyItems(writer, from.id, id, 'new keys')
      return id
    })
  }

  /** A revision of the year's latest version, which stays as it was adopted. */
  async revise(versionId: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const from = await requireVersion(writer.trx, versionId)
      await assertLatest(writer.trx, from)
      const id = await writer.insert('budget_versions', {
        year: from.year,
        number: from.number + 1,
        adopted_on: null,
        is_current: 0,
        note: null,
      })
      await copyItems(writer, from.id, id, 'same keys')
      return id
    })
  }

  async adopt(versionId: string, adoptedOn: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const version = await requireVersion(writer.trx, versionId)
      await assertLatest(writer.trx, version)
      await writer.update('budget_versions', version.id, { adopted_on: adoptedOn })
      return version.id
    })
  }

  /** Marks the version its year's budget of reference; the year's other versions lose the mark. */
  async setCurrent(versionId: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const version = await requireVersion(writer.trx, versionId)
      const others = await writer.trx
        .selectFrom('budget_versions')
        .select('id')
        .where('year', '=', version.year)
        .where('deleted_at', 'is', null)
        .where('is_current', '=', 1)
        .execute()
      for (const other of others)
        await writer.update('budget_versions', other.id, { is_current: 0 })
      await writer.update('budget_versions', version.id, { is_current: 1 })
      return version.id
    })
  }

  /** The version with every item's planned amount against the ledger's actuals at a day. */
  async view(versionId: string, asOf: string | null): Promise<BudgetView> {
    const db = this.file.db
    const row = await requireVersion(db, versionId)
    const latest = await latestNumber(db, row.year)
    const items = await itemsOf(db, row.id)
    const sources = await sourcesOf(db, row.id)
    const day = asOf ?? `${row.year}-12-31`
    const actuals = await budgetActuals(db, row.year, day)
    const built = buildTree(items, sources, (item, itemSources) =>
      lineFigures(item, itemSources, actuals),
    )
    const totals = totalsOf(built, actuals)
    return {
      version: toVersion(row, latest === row.number, totals.income.planned, totals.expense.planned),
      asOf: day,
      items: built,
      totals,
    }
  }

  async saveItem(fields: ItemFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const version = await requireVersion(writer.trx, fields.versionId)
      await assertLatest(writer.trx, version)
      if (fields.parentId) {
        const parent = await requireItem(writer.trx, fields.parentId)
        if (parent.version_id !== version.id || parent.item_kind !== 'chapter') {
          throw fieldFailure('VALIDATION', 'parentId', 'errors.budgetParentNotChapter')
        }
        if (fields.id && (await isWithin(writer.trx, fields.parentId, fields.id))) {
          throw fieldFailure('VALIDATION', 'parentId', 'errors.budgetParentLoop')
        }
      }
      const planned =
        fields.kind === 'line' ? readAmount(fields.planned, 'EUR', 'planned', 'any').minor : 0
      const sources = fields.kind === 'line' ? fields.sources : []
      let sourcesTotal = 0
      for (const [index, source] of sources.entries()) {
        sourcesTotal += readAmount(source.amount, 'EUR', `sources.${index}.amount`).minor
        if (source.agreementId) await requireAgreement(writer.trx, source.agreementId, index)
      }
      if (sourcesTotal > planned) {
        throw fieldFailure('VALIDATION', 'sources', 'errors.budgetSourcesAbovePlanned', {
          sources: money(sourcesTotal, 'EUR'),
          planned: money(planned, 'EUR'),
        })
      }
      await assertCodeFree(writer.trx, version.id, fields.code, fields.id)
      const values = {
        parent_id: fields.parentId,
        item_kind: fields.kind,
        code: fields.code,
        label: fields.label,
        direction: fields.direction,
        nature: fields.nature,
        planned_minor: planned,
        tracks:
          fields.kind === 'line' ? (fields.tracks ?? defaultTracking(fields.direction)) : null,
        note: fields.note,
      }
      let id = fields.id
      if (id) {
        const item = await requireItem(writer.trx, id)
        if (item.version_id !== version.id) throw new AppFailure('NOT_FOUND')
        if (item.item_kind !== fields.kind) {
          throw fieldFailure('VALIDATION', 'kind', 'errors.budgetKindChange')
        }
        await writer.update('budget_items', id, values)
        const old = await writer.trx
          .selectFrom('budget_line_sources')
          .select('id')
          .where('item_id', '=', id)
          .where('deleted_at', 'is', null)
          .execute()
        for (const source of old) await writer.archive('budget_line_sources', source.id)
      } else {
        const position = await nextPosition(writer.trx, version.id)
        id = await writer.insert('budget_items', {
          ...values,
          version_id: version.id,
          line_key: uuidv7(),
          position,
        })
      }
      for (const source of sources) {
        await writer.insert('budget_line_sources', {
          item_id: id,
          agreement_id: source.agreementId,
          amount_minor: readAmount(source.amount, 'EUR', 'sources').minor,
        })
      }
      return id
    })
  }

  /** Removes an item of the latest version: an empty chapter, or a line without expenses. */
  async removeItem(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const item = await requireItem(writer.trx, id)
      const version = await requireVersion(writer.trx, item.version_id)
      await assertLatest(writer.trx, version)
      const child = await writer.trx
        .selectFrom('budget_items')
        .select('id')
        .where('parent_id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      const named = { code: item.code, label: item.label }
      if (child) throw new AppFailure('CONFLICT', 'errors.budgetChapterNotEmpty', named)
      const expense = await writer.trx
        .selectFrom('budget_expenses')
        .select('id')
        .where('line_key', '=', item.line_key)
        .where('deleted_at', 'is', null)
        .where('cancel_reason', 'is', null)
        .executeTakeFirst()
      if (expense) throw new AppFailure('CONFLICT', 'errors.budgetLineHasExpenses', named)
      await writer.archive('budget_items', id)
      return version.id
    })
  }
}

function defaultTracking(direction: 'income' | 'expense') {
  return direction === 'expense' ? 'expenses' : 'receipts'
}

function toVersion(
  row: VersionRow,
  editable: boolean,
  plannedIncome: number,
  plannedExpense: number,
): BudgetVersion {
  return {
    id: row.id,
    year: row.year,
    number: row.number,
    adoptedOn: row.adopted_on,
    isCurrent: row.is_current === 1,
    editable,
    note: row.note,
    plannedIncome,
    plannedExpense,
  }
}

/**
 * Orders the items as a tree (each chapter followed by its children, by position) and gives
 * each line its figures, each chapter the sum of its children's.
 */
function buildTree(
  items: ItemRow[],
  sources: Map<string, BudgetItem['sources']>,
  figuresOf: (item: ItemRow, sources: BudgetItem['sources']) => BudgetItem['figures'],
): BudgetItem[] {
  const children = new Map<string | null, ItemRow[]>()
  for (const item of items) {
    const siblings = children.get(item.parent_id) ?? []
    siblings.push(item)
    children.set(item.parent_id, siblings)
  }
  const result: BudgetItem[] = []
  const visit = (parentId: string | null, depth: number): BudgetItem['figures'][] => {
    const level = (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)
    return level.map((row) => {
      const itemSources = sources.get(row.id) ?? []
      const item: BudgetItem = {
        id: row.id,
        parentId: row.parent_id,
        lineKey: row.line_key,
        kind: row.item_kind,
        code: row.code,
        label: row.label,
        direction: row.direction ?? 'expense',
        nature: row.nature ?? 'operating',
        tracks: row.tracks,
        note: row.note,
        sources: itemSources,
        figures: figuresOf(row, itemSources),
        noSource: lacksSource(row, itemSources),
        depth,
      }
      result.push(item)
      if (row.item_kind === 'chapter') item.figures = addFigures(visit(row.id, depth + 1))
      return item.figures
    })
  }
  visit(null, 0)
  return result
}

async function copyItems(
  writer: RecordWriter,
  fromVersionId: string,
  toVersionId: string,
  keys: 'same keys' | 'new keys',
): Promise<void> {
  const items = await itemsOf(writer.trx, fromVersionId)
  const sources = await writer.trx
    .selectFrom('budget_line_sources as s')
    .innerJoin('budget_items as i', 'i.id', 's.item_id')
    .select(['s.item_id', 's.agreement_id', 's.amount_minor'])
    .where('i.version_id', '=', fromVersionId)
    .where('s.deleted_at', 'is', null)
    .execute()
  const newIds = new Map<string, string>()
  // Parents first: positions order a chapter before what it holds only within a level.
  const pending = [...items]
  while (pending.length > 0) {
    const index = pending.findIndex((item) => !item.parent_id || newIds.has(item.parent_id))
    const [item] = pending.splice(index === -1 ? 0 : index, 1)
    if (!item) break
    const id = await writer.insert('budget_items', {
      version_id: toVersionId,
      parent_id: item.parent_id ? (newIds.get(item.parent_id) ?? null) : null,
      line_key: keys === 'same keys' ? item.line_key : uuidv7(),
      item_kind: item.item_kind,
      position: item.position,
      code: item.code,
      label: item.label,
      direction: item.direction,
      nature: item.nature,
      planned_minor: item.planned_minor,
      tracks: item.tracks,
      note: item.note,
    })
    newIds.set(item.id, id)
  }
  for (const source of sources) {
    const itemId = newIds.get(source.item_id)
    if (!itemId) continue
    await writer.insert('budget_line_sources', {
      item_id: itemId,
      agreement_id: source.agreement_id,
      amount_minor: source.amount_minor,
    })
  }
}

async function itemsOf(db: DataFile['db'] | Transaction<Database>, versionId: string) {
  return db
    .selectFrom('budget_items')
    .selectAll()
    .where('version_id', '=', versionId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute()
}

async function sourcesOf(
  db: DataFile['db'],
  versionId: string,
): Promise<Map<string, BudgetItem['sources']>> {
  const rows = await db
    .selectFrom('budget_line_sources as s')
    .innerJoin('budget_items as i', 'i.id', 's.item_id')
    .leftJoin('agreements as a', 'a.id', 's.agreement_id')
    .select(['s.item_id', 's.agreement_id', 's.amount_minor', 'a.reference'])
    .where('i.version_id', '=', versionId)
    .where('s.deleted_at', 'is', null)
    .orderBy('s.created_at')
    .execute()
  const result = new Map<string, BudgetItem['sources']>()
  for (const row of rows) {
    const list = result.get(row.item_id) ?? []
    list.push({
      agreementId: row.agreement_id,
      agreementReference: row.reference,
      amount: row.amount_minor,
    })
    result.set(row.item_id, list)
  }
  return result
}
