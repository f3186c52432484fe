import { z } from 'zod'
import type { Session } from '../../app/session'
import { fieldFailure } from '../../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import {
  BUDGET_DIRECTIONS,
  BUDGET_NATURES,
  BUDGET_TRACKING,
  budgetItemInput,
} from '@shared/budget/schema'
import { decimalAmount } from '@shared/validation/amounts'
import { optionalText, requiredText } from '@shared/validation/fields'
import {
  type Memo,
  type Register,
  keyedAmounts,
  keyedAmountsText,
  known,
  normalAmount,
  amountText,
  minorOf,
} from '../../workbook/register'
import { agreementsByReference } from '../../workbook/references'
import { versionFor, versionNumber, year } from './budget-versions'

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
  // Its version, by year and number; its sources, by agreement.
  references: ['budgetVersions', 'agreements'],
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
