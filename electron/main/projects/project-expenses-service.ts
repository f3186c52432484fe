import { type Transaction, sql } from 'kysely'
import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { readOnce } from '../db/read-once'
import type { Database } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import { assertHeadingOf } from '../funds/heading-check'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { readAmount } from '../funds/money-input'
import type { projectExpenseInput } from '@shared/projects/schema'
import { euroValueOn, requireProject } from './project-records'

type ExpenseFields = z.output<typeof projectExpenseInput>

/**
 * Expenses the city justifies (dépenses justifiées) against what it was paid. They are reports
 * of how the tranches were used, not AIMF money events: the ledger already holds the payments.
 */
export class ProjectExpensesService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async add(fields: ExpenseFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      await writer.insert('project_expenses', await this.prepare(writer.trx, new Map(), fields))
      return fields.projectId
    })
  }

  /**
   * Records many expenses in one transaction (an import): all or none, the projects and their
   * plans read once, the records written a few hundred per statement. `at` is told which
   * expense is being checked, so that a refusal can name it.
   */
  async addMany(
    all: readonly ExpenseFields[],
    author: string,
    at?: (index: number) => void,
  ): Promise<number> {
    return this.file.write(author, async (writer) => {
      const reads = new Map<string, Promise<unknown>>()
      // Their projects in one statement, as each would be read alone (a missing one is left to
      // be said by its own read).
      const ids = JSON.stringify([...new Set(all.map((fields) => fields.projectId))])
      for (const project of await writer.trx
        .selectFrom('projects')
        .selectAll()
        .where(sql<boolean>`id IN (SELECT value FROM json_each(${ids}))`)
        .execute()) {
        reads.set(`project|${project.id}`, Promise.resolve(project))
      }
      const rows = []
      for (const [index, fields] of all.entries()) {
        at?.(index)
        rows.push(await this.prepare(writer.trx, reads, fields))
      }
      await writer.insertMany('project_expenses', rows)
      return rows.length
    })
  }

  /** Checks an expense against its project and the agreements of its plan. */
  private async prepare(
    db: Transaction<Database>,
    reads: Map<string, Promise<unknown>>,
    fields: ExpenseFields,
  ) {
    const project = (await readOnce(reads, `project|${fields.projectId}`, () =>
      requireProject(db, fields.projectId),
    )) as Awaited<ReturnType<typeof requireProject>>
    if (project.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    const { eur, rate } = await euroValueOn(this.rates, db, amount, fields.spentOn, 'amount')
    if (fields.agreementId) {
      const agreementId = fields.agreementId
      const financing = await readOnce(reads, `plan|${project.id}|${agreementId}`, () =>
        db
          .selectFrom('financing_lines')
          .select('id')
          .where('project_id', '=', project.id)
          .where('agreement_id', '=', agreementId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst(),
      )
      if (!financing) {
        throw fieldFailure('VALIDATION', 'agreementId', 'errors.expenseAgreementNotInPlan')
      }
      await readOnce(reads, `heading|${agreementId}|${fields.headingCode ?? ''}`, () =>
        assertHeadingOf(db, agreementId, fields.headingCode, 'headingCode', true),
      )
    }
    return {
      project_id: project.id,
      spent_on: fields.spentOn,
      supplier: fields.supplier,
      description: fields.description,
      amount_minor: amount.minor,
      currency: amount.currency,
      eur_minor: eur.minor,
      rate,
      agreement_id: fields.agreementId,
      heading_code: fields.agreementId ? fields.headingCode : null,
      document: fields.document,
    }
  }

  async remove(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('project_expenses')
        .select(['project_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
      await writer.archive('project_expenses', id)
      return row.project_id
    })
  }
}
