import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import { assertHeadingOf } from '../funds/heading-check'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { readAmount } from '../funds/money-input'
import type { projectExpenseInput } from '../../../shared/projects/schema'
import { euroValueOn, requireProject } from './project-records'

/**
 * Expenses the city justifies (dépenses justifiées) against what it was paid. They are reports
 * of how the tranches were used, not AIMF money events: the ledger already holds the payments.
 */
export class ProjectExpensesService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async add(fields: z.output<typeof projectExpenseInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const project = await requireProject(writer.trx, fields.projectId)
      if (project.deleted_at) throw new AppFailure('CONFLICT', 'errors.projectArchived')
      const amount = readAmount(fields.amount, fields.currency, 'amount')
      const { eur, rate } = await euroValueOn(
        this.rates,
        writer.trx,
        amount,
        fields.spentOn,
        'amount',
      )
      if (fields.agreementId) {
        const financing = await writer.trx
          .selectFrom('financing_lines')
          .select('id')
          .where('project_id', '=', project.id)
          .where('agreement_id', '=', fields.agreementId)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (!financing) {
          throw fieldFailure('VALIDATION', 'agreementId', 'errors.expenseAgreementNotInPlan')
        }
        await assertHeadingOf(
          writer.trx,
          fields.agreementId,
          fields.headingCode,
          'headingCode',
          true,
        )
      }
      await writer.insert('project_expenses', {
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
      })
      return project.id
    })
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
