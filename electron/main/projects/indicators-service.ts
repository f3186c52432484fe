import { type Selectable, sql } from 'kysely'
import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import {
  type IndicatorMeasure,
  type indicatorInput,
  type indicatorValueInput,
  readIndicatorValue,
} from '@shared/projects/schema'
import type { IndicatorsTable } from '../db/schema'
import { assertOpenProject, requireOpenProject, requireProject } from './project-records'

/** A value as its row holds it. */
interface IndicatorValueRow {
  id: string
  indicator_id: string
  period_end: string
  value: string
  comment: string | null
}

/**
 * Results indicators (output, outcome, impact) with a baseline, a target and values measured
 * over time; every value is checked against the indicator's measure, so a percentage target
 * of 150 or a number target of "beaucoup" is refused on its field.
 */
export class IndicatorsService {
  constructor(private readonly file: DataFile) {}

  async add(fields: z.output<typeof indicatorInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const project = await requireOpenProject(writer.trx, fields.projectId)
      const columns = indicatorColumns(fields)
      const last = await writer.trx
        .selectFrom('indicators')
        .select((eb) => eb.fn.max<number>('position').as('position'))
        .where('project_id', '=', project.id)
        .executeTakeFirst()
      await writer.insert('indicators', {
        project_id: project.id,
        position: Number(last?.position ?? 0) + 1,
        ...columns,
      })
      return project.id
    })
  }

  /**
   * Adds many indicators at once (an import's sheet), with {@link add}'s rules: their projects
   * read in one statement (each must be open), each project's last position once, the
   * indicators written a thousand a statement. All or none; `at` is told the indicator being
   * checked, so that a refusal names it. Returns the records written, in order.
   */
  async addMany(
    all: readonly z.output<typeof indicatorInput>[],
    author: string,
    at: (index: number) => void,
  ): Promise<Selectable<IndicatorsTable>[]> {
    return this.file.write(author, async (writer) => {
      const ids = JSON.stringify([...new Set(all.map((fields) => fields.projectId))])
      const projects = new Map(
        (
          await sql<{ id: string; code: string; status: string; deleted_at: string | null }>`
            SELECT id, code, status, deleted_at FROM projects
            WHERE id IN (SELECT value FROM json_each(${ids}))`.execute(writer.trx)
        ).rows.map((project) => [project.id, project]),
      )
      // As `add` reads it: the highest position of the project's indicators, archived or not.
      const last = new Map(
        (
          await sql<{ project_id: string; position: number }>`
            SELECT project_id, MAX(position) AS position FROM indicators
            WHERE project_id IN (SELECT value FROM json_each(${ids})) GROUP BY project_id`.execute(
            writer.trx,
          )
        ).rows.map((row) => [row.project_id, Number(row.position ?? 0)]),
      )
      const rows = all.map((fields, index) => {
        at(index)
        const project = assertOpenProject(projects.get(fields.projectId))
        const columns = indicatorColumns(fields)
        const position = (last.get(project.id) ?? 0) + 1
        last.set(project.id, position)
        return { project_id: project.id, position, ...columns }
      })
      const written = JSON.stringify(await writer.insertMany('indicators', rows))
      return writer.trx
        .selectFrom('indicators')
        .selectAll()
        .where(sql<boolean>`id IN (SELECT value FROM json_each(${written}))`)
        .orderBy('project_id')
        .orderBy('position')
        .execute()
    })
  }

  /**
   * Changes what an indicator measures or aims at (a target revised with the funder); its
   * values stay and must still fit its measure.
   */
  async update(
    id: string,
    fields: z.output<typeof indicatorInput>,
    author: string,
  ): Promise<string> {
    return this.file.write(author, async (writer) => {
      const indicator = await requireIndicator(writer.trx, id)
      if (indicator.project_id !== fields.projectId) {
        throw fieldFailure('CONFLICT', 'projectId', 'errors.indicatorOtherProject')
      }
      await requireOpenProject(writer.trx, indicator.project_id)
      const columns = indicatorColumns(fields)
      if (columns.measure !== indicator.measure) {
        const values = await writer.trx
          .selectFrom('indicator_values')
          .select('value')
          .where('indicator_id', '=', id)
          .where('deleted_at', 'is', null)
          .execute()
        for (const { value } of values) readValue(columns.measure, value, 'measure')
      }
      await writer.update('indicators', id, columns)
      return indicator.project_id
    })
  }

  async remove(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const indicator = await requireIndicator(writer.trx, id)
      await requireOpenProject(writer.trx, indicator.project_id)
      await writer.archive('indicators', id)
      return indicator.project_id
    })
  }

  /** Records a value measured at the end of a period (also after the project is completed). */
  async addValue(fields: z.output<typeof indicatorValueInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const indicator = await requireIndicator(writer.trx, fields.indicatorId)
      const project = await requireProject(writer.trx, indicator.project_id)
      if (project.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
      await writer.insert('indicator_values', {
        indicator_id: indicator.id,
        period_end: fields.periodEnd,
        value: readValue(indicator.measure as IndicatorMeasure, fields.value, 'value'),
        comment: fields.comment,
      })
      return project.id
    })
  }

  /**
   * Records many values at once (an import's sheet), with {@link addValue}'s rules: their
   * indicators and projects read in one statement each, the values written a thousand a
   * statement. All or none; `at` is told the value being checked, so that a refusal names it.
   * Returns the rows written, in order.
   */
  async addValues(
    all: readonly z.output<typeof indicatorValueInput>[],
    author: string,
    at: (index: number) => void,
  ): Promise<IndicatorValueRow[]> {
    return this.file.write(author, async (writer) => {
      const ids = JSON.stringify([...new Set(all.map((v) => v.indicatorId))])
      const indicators = new Map(
        (
          await sql<{ id: string; measure: string; project_id: string; archived: number }>`
            SELECT i.id, i.measure, i.project_id, p.deleted_at IS NOT NULL AS archived
            FROM indicators AS i JOIN projects AS p ON p.id = i.project_id
            WHERE i.deleted_at IS NULL AND i.id IN (SELECT value FROM json_each(${ids}))`.execute(
            writer.trx,
          )
        ).rows.map((i) => [i.id, i]),
      )
      const rows = all.map((fields, index): Omit<IndicatorValueRow, 'id'> => {
        at(index)
        const indicator = indicators.get(fields.indicatorId)
        if (!indicator) throw new AppFailure('NOT_FOUND')
        if (indicator.archived) throw new AppFailure('CONFLICT', 'errors.projectArchived')
        return {
          indicator_id: indicator.id,
          period_end: fields.periodEnd,
          value: readValue(indicator.measure as IndicatorMeasure, fields.value, 'value'),
          comment: fields.comment,
        }
      })
      const written = await writer.insertMany('indicator_values', rows)
      return rows.map((row, index) => ({ ...row, id: written[index] ?? '' }))
    })
  }

  async removeValue(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const value = await writer.trx
        .selectFrom('indicator_values')
        .select(['indicator_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!value || value.deleted_at) throw new AppFailure('NOT_FOUND')
      const indicator = await requireIndicator(writer.trx, value.indicator_id)
      await writer.archive('indicator_values', id)
      return indicator.project_id
    })
  }
}

/** An indicator's columns, its target and baseline read as its measure says. */
function indicatorColumns(fields: z.output<typeof indicatorInput>) {
  if (fields.measure === 'percentage' && fields.unit && fields.unit !== '%') {
    throw fieldFailure('VALIDATION', 'unit', 'validation.percentUnit')
  }
  return {
    name: fields.name,
    level: fields.level,
    measure: fields.measure,
    unit: fields.measure === 'percentage' ? '%' : fields.unit,
    baseline_value:
      fields.baselineValue === null
        ? null
        : readValue(fields.measure, fields.baselineValue, 'baselineValue'),
    baseline_on: fields.baselineOn,
    target_value: readValue(fields.measure, fields.targetValue, 'targetValue'),
    target_on: fields.targetOn,
  }
}

function readValue(measure: IndicatorMeasure, text: string, field: string): string {
  const read = readIndicatorValue(measure, text)
  if (!read.ok) throw fieldFailure('VALIDATION', field, read.key)
  return read.value
}

async function requireIndicator(db: DataFile['db'], id: string) {
  const row = await db.selectFrom('indicators').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
  return row
}
