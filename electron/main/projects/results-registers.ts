import type { z } from 'zod'
import type { Session } from '../app/session'
import { AppFailure } from '../failure'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import {
  INDICATOR_LEVELS,
  INDICATOR_MEASURES,
  type IndicatorMeasure,
  indicatorInput,
  indicatorValueInput,
  projectExpenseInput,
  readIndicatorValue,
} from '@shared/projects/schema'
import {
  EXPORT_PAGE,
  bulkWrites,
  oneByOne,
  pagesById,
  type ImportOutcome,
  type Memo,
  type Register,
  type RegisterColumn,
  known,
  normalAmount,
  recordAllOnce,
  amountText,
  keyOf,
} from '../workbook/register'
import {
  AGREEMENT_COLUMN,
  indicatorsByProject,
  PROJECT_COLUMN,
  withProjectId,
} from '../workbook/references'

/** The expenses a city justifies, known by what they say (date, object, amount). */
export const projectExpenses: Register<z.output<typeof projectExpenseInput>> = {
  key: 'projectExpenses',
  sheet: 'workbook.sheet.projectExpenses',
  columns: [
    PROJECT_COLUMN,
    { field: 'spentOn', heading: 'projects.expenses.spentOn', kind: 'date', required: true },
    { field: 'supplier', heading: 'projects.expenses.supplier', kind: 'text' },
    {
      field: 'description',
      heading: 'projects.expenses.description',
      kind: 'text',
      required: true,
    },
    { field: 'currency', heading: 'projects.expenses.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'projects.expenses.amount', kind: 'amount', required: true },
    { ...AGREEMENT_COLUMN, required: false },
    { field: 'headingCode', heading: 'projects.expenses.heading', kind: 'text' },
    { field: 'document', heading: 'projects.expenses.document', kind: 'text' },
  ],
  schema: projectExpenseInput,
  identity: (row) =>
    keyOf(row.project, row.spentOn, row.description, row.amount, row.currency, row.supplier),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...(await withProjectId(row, resolve)),
    agreementId: agreement ? ((await resolve('agreements', String(agreement))) ?? '') : null,
  }),
  rows: async function* (session) {
    yield* pagesById(
      (after) =>
        session.file.db
          .selectFrom('project_expenses as e')
          .innerJoin('projects as p', 'p.id', 'e.project_id')
          .leftJoin('agreements as a', 'a.id', 'e.agreement_id')
          .selectAll('e')
          .select(['p.code as project', 'a.reference as agreement'])
          .where('e.deleted_at', 'is', null)
          .where('e.id', '>', after)
          .orderBy('e.id')
          .limit(EXPORT_PAGE)
          .execute(),
      (e) => ({
        project: e.project,
        spentOn: e.spent_on,
        supplier: e.supplier,
        description: e.description,
        currency: e.currency,
        amount: amountText(e.amount_minor, e.currency),
        agreement: e.agreement,
        headingCode: e.heading_code,
        document: e.document,
      }),
    )
  },
  ...bulkWrites(writeExpenses),
}

/** What finds a justified expense again: its project, day, object, amount and supplier. */
function expenseKey(e: {
  projectId: string
  spentOn: string
  description: string
  amount: string
  currency: string
  supplier: string | null
}): string {
  return [e.projectId, e.spentOn, e.description, e.amount, e.currency, e.supplier ?? '']
    .join('|')
    .toLowerCase()
}

function writeExpenses(
  session: Session,
  rows: z.output<typeof projectExpenseInput>[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  return recordAllOnce(
    memo,
    'projectExpenses',
    async () =>
      (
        await session.file.db
          .selectFrom('project_expenses')
          .selectAll()
          .where('deleted_at', 'is', null)
          .execute()
      ).map((e) =>
        expenseKey({
          projectId: e.project_id,
          spentOn: e.spent_on,
          description: e.description,
          amount: amountText(e.amount_minor, e.currency),
          currency: e.currency,
          supplier: e.supplier,
        }),
      ),
    rows,
    (row) => expenseKey({ ...row, amount: normalAmount(row.amount, row.currency) }),
    (added, atAdded) => session.projectExpenses.addMany(added, author, atAdded),
    at,
  )
}

/** A project's results indicators, each known by its project and name. */
export const indicators: Register<z.output<typeof indicatorInput>> = {
  key: 'indicators',
  sheet: 'workbook.sheet.indicators',
  columns: [
    PROJECT_COLUMN,
    { field: 'name', heading: 'projects.indicators.name', kind: 'text', required: true },
    {
      field: 'level',
      heading: 'projects.indicators.level',
      kind: 'choice',
      required: true,
      choices: {
        codes: INDICATOR_LEVELS,
        label: (code) => `projects.indicators.level_${code}` as MessageKey,
      },
    },
    {
      field: 'measure',
      heading: 'projects.indicators.measure',
      kind: 'choice',
      required: true,
      choices: {
        codes: INDICATOR_MEASURES,
        label: (code) => `projects.indicators.measure_${code}` as MessageKey,
      },
    },
    { field: 'unit', heading: 'projects.indicators.unit', kind: 'text' },
    { field: 'baselineValue', heading: 'projects.indicators.baseline', kind: 'text' },
    { field: 'baselineOn', heading: 'projects.indicators.baselineOn', kind: 'date' },
    { field: 'targetValue', heading: 'projects.indicators.target', kind: 'text', required: true },
    { field: 'targetOn', heading: 'projects.indicators.targetOn', kind: 'date' },
  ],
  schema: indicatorInput,
  identity: (row) => `${String(row.project ?? '')}|${String(row.name ?? '')}`.toLowerCase(),
  name: (row) => `${String(row.project ?? '')}|${String(row.name ?? '')}`,
  toInput: withProjectId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('indicators as i')
        .innerJoin('projects as p', 'p.id', 'i.project_id')
        .selectAll('i')
        .select('p.code as project')
        .where('i.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('i.position')
        .execute()
    ).map((i) => ({
      project: i.project,
      name: i.name,
      level: i.level,
      measure: i.measure,
      unit: i.unit,
      baselineValue: i.baseline_value,
      baselineOn: i.baseline_on,
      targetValue: i.target_value,
      targetOn: i.target_on,
    })),
  apply: async (session, input, author, memo) => {
    const byName = await indicatorsByProject(session, memo)
    const key = `${input.projectId}|${input.name}`.toLowerCase()
    const existing = byName.get(key)
    const canonical = (text: string | null) => {
      if (text === null) return null
      const read = readIndicatorValue(input.measure, text)
      return read.ok ? read.value : text
    }
    if (existing) {
      const unchanged =
        existing.level === input.level &&
        existing.measure === input.measure &&
        (existing.unit ?? null) === (input.measure === 'percentage' ? '%' : input.unit) &&
        existing.baseline_value === canonical(input.baselineValue) &&
        existing.baseline_on === input.baselineOn &&
        existing.target_value === canonical(input.targetValue) &&
        existing.target_on === input.targetOn
      if (unchanged) return 'unchanged'
      await session.indicators.update(existing.id, input, author)
    } else await session.indicators.add(input, author)
    byName.set(
      key,
      await session.file.db
        .selectFrom('indicators')
        .selectAll()
        .where('project_id', '=', input.projectId)
        .where('name', '=', input.name)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    )
    return existing ? 'updated' : 'created'
  },
  // A sheet's indicators at once when the file holds none of them (an import into a new
  // file); an indicator the file holds is compared and updated, row by row.
  applyAll: async (session, inputs, author, memo, at) => {
    const byName = await indicatorsByProject(session, memo)
    const keys = inputs.map((input) => `${input.projectId}|${input.name}`.toLowerCase())
    if (keys.some((key) => byName.has(key)) || new Set(keys).size < keys.length)
      return oneByOne(indicators.apply, session, inputs, author, memo, at)
    for (const written of await session.indicators.addMany(inputs, author, at))
      byName.set(`${written.project_id}|${written.name}`.toLowerCase(), written)
    return inputs.map(() => 'created')
  },
}

const indicatorValueRowInput = indicatorValueInput
const INDICATOR_COLUMN: RegisterColumn = {
  field: 'indicator',
  heading: 'projects.indicators.name',
  kind: 'reference',
  required: true,
  references: 'indicators',
  referenceKey: (row) => `${String(row.project ?? '')}|${String(row.indicator ?? '')}`,
}

/** The values measured for an indicator, one per period end. */
export const indicatorValues: Register<z.output<typeof indicatorValueRowInput>> = {
  key: 'indicatorValues',
  sheet: 'workbook.sheet.indicatorValues',
  columns: [
    PROJECT_COLUMN,
    INDICATOR_COLUMN,
    { field: 'periodEnd', heading: 'projects.indicators.periodEnd', kind: 'date', required: true },
    { field: 'value', heading: 'projects.indicators.value', kind: 'text', required: true },
    { field: 'comment', heading: 'projects.indicators.comment', kind: 'text' },
  ],
  schema: indicatorValueRowInput,
  identity: (row) => keyOf(row.project, row.indicator, row.periodEnd),
  toInput: async ({ project, indicator, ...row }, resolve) => ({
    ...row,
    indicatorId:
      (await resolve('indicators', `${String(project ?? '')}|${String(indicator ?? '')}`)) ?? '',
  }),
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('indicator_values as v')
        .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
        .innerJoin('projects as p', 'p.id', 'i.project_id')
        .select([
          'p.code as project',
          'i.name as indicator',
          'v.period_end',
          'v.value',
          'v.comment',
        ])
        .where('v.deleted_at', 'is', null)
        .where('i.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('i.position')
        .orderBy('v.period_end')
        .execute()
    ).map((v) => ({
      project: v.project,
      indicator: v.indicator,
      periodEnd: v.period_end,
      value: v.value,
      comment: v.comment,
    })),
  apply: async (session, input, author, memo) => {
    const indicator = [...(await indicatorsByProject(session, memo)).values()].find(
      (i) => i.id === input.indicatorId,
    )
    if (!indicator) throw new AppFailure('NOT_FOUND')
    const values = await valuesHeld(session, memo)
    const key = `${input.indicatorId}|${input.periodEnd}`.toLowerCase()
    const existing = values.get(key)
    const read = readIndicatorValue(indicator.measure as IndicatorMeasure, input.value)
    const value = read.ok ? read.value : input.value
    if (existing && existing.value === value && existing.comment === input.comment)
      return 'unchanged'
    // A value measured again for the same period replaces the one recorded.
    if (existing) await session.indicators.removeValue(existing.id, author)
    await session.indicators.addValue(input, author)
    values.set(
      key,
      await session.file.db
        .selectFrom('indicator_values')
        .select(['id', 'indicator_id', 'period_end', 'value', 'comment'])
        .where('indicator_id', '=', input.indicatorId)
        .where('period_end', '=', input.periodEnd)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow(),
    )
    return existing ? 'updated' : 'created'
  },
  // A sheet's values at once when the file holds none of them (an import into a new file, a
  // new period); a value measured again replaces the one recorded, row by row.
  applyAll: async (session, inputs, author, memo, at) => {
    const values = await valuesHeld(session, memo)
    const keyOfValue = (input: { indicatorId: string; periodEnd: string }) =>
      `${input.indicatorId}|${input.periodEnd}`.toLowerCase()
    if (inputs.some((input) => values.has(keyOfValue(input))))
      return oneByOne(indicatorValues.apply, session, inputs, author, memo, at)
    for (const written of await session.indicators.addValues(inputs, author, at))
      values.set(`${written.indicator_id}|${written.period_end}`.toLowerCase(), written)
    return inputs.map(() => 'created')
  },
}

/** The values the file holds, each by its indicator and period: read once an import. */
function valuesHeld(session: Session, memo: Memo) {
  return known(
    memo,
    'indicatorValues',
    () =>
      session.file.db
        .selectFrom('indicator_values')
        .select(['id', 'indicator_id', 'period_end', 'value', 'comment'])
        .where('deleted_at', 'is', null)
        .execute(),
    (v) => `${v.indicator_id}|${v.period_end}`,
  )
}
