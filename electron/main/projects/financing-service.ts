import type { Selectable } from 'kysely'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import type { AgreementsTable, ProjectsTable } from '../db/schema'
import { assertHeadingOf } from '../funds/heading-check'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import {
  agreementFigures,
  emptyFigures,
  financingLineFigures,
  postEntry,
  reverseEntriesOf,
  untiedUnallocated,
} from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import { allocate } from '@shared/money/split'
import { type FinancingSource, isAimfSource, type ProjectStatus } from '@shared/projects/schema'
import type { z } from 'zod'
import type { financingLineInput } from '@shared/projects/schema'
import { planBalance } from './plan-balance'
import { euroValueOn, requireOpenProject, requireProject } from './project-records'

type LineFields = z.output<typeof financingLineInput>

/** Statuses in which AIMF money may be committed to a project: approved and not yet ended. */
export const COMMITTABLE: readonly ProjectStatus[] = ['approved', 'agreement_signed', 'in_progress']

/**
 * The financing plan (plan de financement): who pays what of a project's cost. Committing a
 * line of AIMF money (the untied fund or an agreement) allocates it in the ledger, within what
 * its fund still has; the city's and partners' shares are recorded, not posted.
 */
export class FinancingService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
    /** The day a new line is valued on (its euro value until it is committed). */
    readonly today: () => string,
  ) {}

  /** Adds a line to the plan, not yet committed; returns the line's id. */
  async addLine(fields: LineFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const project = await requireOpenProject(writer.trx, fields.projectId)
      const currency = await this.currencyOf(writer.trx, project, fields)
      const amount = readAmount(fields.amount, currency, 'amount')
      const { eur, rate } = await euroValueOn(
        this.rates,
        writer.trx,
        amount,
        this.today(),
        'amount',
      )
      await this.assertWithinCost(writer.trx, project, {
        currency,
        minor: amount.minor,
        eur: eur.minor,
      })
      const headingCode =
        fields.source === 'agreement' && fields.agreementId
          ? await assertHeadingOf(
              writer.trx,
              fields.agreementId,
              fields.headingCode,
              'headingCode',
              false,
            )
          : null
      return writer.insert('financing_lines', {
        project_id: project.id,
        source: fields.source,
        agreement_id: fields.source === 'agreement' ? fields.agreementId : null,
        heading_code: headingCode,
        partner_name: fields.source === 'partner' ? fields.partnerName : null,
        amount_minor: amount.minor,
        currency,
        eur_minor: eur.minor,
        rate,
        committed_on: null,
        note: fields.note,
      })
    })
  }

  /** Removes a line not yet committed (a committed line is uncommitted first). */
  async removeLine(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const line = await requireLine(writer.trx, id)
      await requireOpenProject(writer.trx, line.project_id)
      if (line.committed_on) throw new AppFailure('CONFLICT', 'errors.lineCommitted')
      await writer.archive('financing_lines', id)
      return line.project_id
    })
  }

  /**
   * Commits a line of AIMF money: its allocation is posted to the ledger on that day, valued in
   * euros at the rate of that day (not of the day the line was typed). The line keeps that value
   * and rate, and the ledger entry is never re-valued: a rate entered later changes neither.
   */
  async commitLine(id: string, committedOn: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const line = await requireLine(writer.trx, id)
      const project = await requireOpenProject(writer.trx, line.project_id)
      const source = line.source as FinancingSource
      if (!isAimfSource(source)) throw new AppFailure('CONFLICT', 'errors.lineNotAimf')
      if (line.committed_on) throw new AppFailure('CONFLICT', 'errors.lineCommitted')
      if (!COMMITTABLE.includes(project.status as ProjectStatus)) {
        throw new AppFailure('CONFLICT', 'errors.projectNotApproved', { code: project.code })
      }
      const amount = money(line.amount_minor, line.currency as CurrencyCode)
      const valued = await euroValueOn(this.rates, writer.trx, amount, committedOn, 'committedOn')
      let fundClass: 'tied' | 'untied' = 'untied'
      if (source === 'agreement' && line.agreement_id) {
        const agreement = await requireAgreement(writer.trx, line.agreement_id)
        assertEligible(agreement, project, await this.isNamed(writer.trx, agreement.id, project.id))
        const figures =
          (await agreementFigures(writer.trx, '9999-12-31', [agreement.id])).get(agreement.id)
            ?.native ?? emptyFigures()
        if (amount.minor > figures.unallocated) {
          throw fieldFailure('CONFLICT', 'amount', 'errors.agreementOverAllocated', {
            reference: agreement.reference,
            unallocated: money(Math.max(0, figures.unallocated), amount.currency),
            asked: amount,
          })
        }
        fundClass = agreement.earmarking === 'untied' ? 'untied' : 'tied'
      } else {
        const available = await untiedUnallocated(writer.trx)
        if (valued.eur.minor > available) {
          throw fieldFailure('CONFLICT', 'amount', 'errors.untiedOverAllocated', {
            unallocated: money(Math.max(0, available), 'EUR'),
            asked: valued.eur,
          })
        }
      }
      await postEntry(writer, {
        entryDate: committedOn,
        kind: 'allocation',
        fundClass,
        agreementId: line.agreement_id,
        nature: project.nature,
        amount,
        eurMinor: valued.eur.minor,
        rate: valued.rate,
        use: { table: 'financing_lines', id: line.id },
        source: { table: 'financing_lines', id: line.id },
        headingCode: line.heading_code,
      })
      await writer.update(
        'financing_lines',
        id,
        { committed_on: committedOn, eur_minor: valued.eur.minor, rate: valued.rate },
        line,
      )
      return project.id
    })
  }

  /** Undoes a commitment made by mistake, as long as nothing of it was paid to the city. */
  async uncommitLine(id: string, reason: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const line = await requireLine(writer.trx, id)
      await requireOpenProject(writer.trx, line.project_id)
      if (!line.committed_on) return line.project_id
      const figures = (await financingLineFigures(writer.trx, [id])).get(id)
      if (figures && figures.disbursed !== 0) {
        throw new AppFailure('CONFLICT', 'errors.lineDisbursed')
      }
      await reverseEntriesOf(writer, { table: 'financing_lines', id }, reason)
      await writer.update('financing_lines', id, { committed_on: null }, line)
      return line.project_id
    })
  }

  /** Names a project among those a project-tied agreement finances. */
  async nameProject(agreementId: string, projectId: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const agreement = await requireAgreement(writer.trx, agreementId)
      if (agreement.earmarking !== 'projects') {
        throw new AppFailure('CONFLICT', 'errors.agreementNotProjectTied')
      }
      await requireProject(writer.trx, projectId)
      if (!(await this.isNamed(writer.trx, agreementId, projectId))) {
        await writer.insert('agreement_projects', {
          agreement_id: agreementId,
          project_id: projectId,
        })
      }
      return agreementId
    })
  }

  /** Takes a project off an agreement's list, unless the agreement finances it already. */
  async unnameProject(agreementId: string, projectId: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const used = await writer.trx
        .selectFrom('financing_lines')
        .select('id')
        .where('agreement_id', '=', agreementId)
        .where('project_id', '=', projectId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (used) throw new AppFailure('CONFLICT', 'errors.projectFinancedByAgreement')
      const links = await writer.trx
        .selectFrom('agreement_projects')
        .select('id')
        .where('agreement_id', '=', agreementId)
        .where('project_id', '=', projectId)
        .where('deleted_at', 'is', null)
        .execute()
      for (const link of links) await writer.archive('agreement_projects', link.id)
      return agreementId
    })
  }

  /**
   * Releases what a project ending (closed or abandoned) leaves unpaid of each committed line:
   * a negative allocation returns it to its fund, traced to the transition that ended it.
   */
  async releaseUnpaid(
    writer: RecordWriter,
    project: Selectable<ProjectsTable>,
    transitionId: string,
    onDate: string,
  ) {
    const lines = await writer.trx
      .selectFrom('financing_lines')
      .selectAll()
      .where('project_id', '=', project.id)
      .where('deleted_at', 'is', null)
      .where('committed_on', 'is not', null)
      .execute()
    const figures = await financingLineFigures(
      writer.trx,
      lines.map((l) => l.id),
    )
    for (const line of lines) {
      const f = figures.get(line.id)
      if (!f) continue
      const unpaid = f.allocated - f.disbursed
      if (unpaid <= 0) continue
      const [eurUnpaid] = allocate(money(f.allocatedEur, 'EUR'), [unpaid, f.allocated - unpaid])
      await postEntry(writer, {
        entryDate: onDate,
        kind: 'allocation',
        fundClass:
          line.source === 'untied_fund'
            ? 'untied'
            : await this.classOf(writer.trx, line.agreement_id),
        agreementId: line.agreement_id,
        nature: project.nature,
        amount: money(-unpaid, line.currency as CurrencyCode),
        eurMinor: -(eurUnpaid?.minor ?? 0),
        rate: line.rate,
        use: { table: 'financing_lines', id: line.id },
        source: { table: 'project_transitions', id: transitionId },
      })
    }
  }

  private async classOf(
    db: DataFile['db'],
    agreementId: string | null,
  ): Promise<'tied' | 'untied'> {
    if (!agreementId) return 'untied'
    const agreement = await requireAgreement(db, agreementId)
    return agreement.earmarking === 'untied' ? 'untied' : 'tied'
  }

  private async isNamed(db: DataFile['db'], agreementId: string, projectId: string) {
    const link = await db
      .selectFrom('agreement_projects')
      .select('id')
      .where('agreement_id', '=', agreementId)
      .where('project_id', '=', projectId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    return link !== undefined
  }

  /** The currency of a new line: its agreement's, euros for the untied fund, else as given. */
  private async currencyOf(
    db: DataFile['db'],
    project: Selectable<ProjectsTable>,
    fields: LineFields,
  ): Promise<CurrencyCode> {
    if (fields.source === 'untied_fund') return 'EUR'
    if (fields.source !== 'agreement' || !fields.agreementId) return fields.currency
    const agreement = await requireAgreement(db, fields.agreementId, 'agreementId')
    if (agreement.deleted_at) {
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
    }
    assertEligible(agreement, project, await this.isNamed(db, agreement.id, project.id))
    return agreement.currency as CurrencyCode
  }

  /** Refuses a new line that would take the plan above the project's cost. */
  private async assertWithinCost(
    db: DataFile['db'],
    project: Selectable<ProjectsTable>,
    added: { currency: CurrencyCode; minor: number; eur: number },
  ) {
    const lines = await db
      .selectFrom('financing_lines')
      .select(['currency', 'amount_minor', 'eur_minor'])
      .where('project_id', '=', project.id)
      .where('deleted_at', 'is', null)
      .execute()
    const balance = await planBalance(
      project,
      [
        ...lines.map((l) => ({
          currency: l.currency as CurrencyCode,
          minor: l.amount_minor,
          eur: l.eur_minor,
        })),
        added,
      ],
      (amount) => euroValueOn(this.rates, db, amount, this.today(), 'amount'),
    )
    if (balance.difference < 0 && !balance.balanced) {
      throw fieldFailure('CONFLICT', 'amount', 'errors.planAboveCost', {
        cost: money(balance.cost, balance.comparedIn),
        total: money(balance.total, balance.comparedIn),
      })
    }
  }
}

export async function requireLine(db: DataFile['db'], id: string) {
  const row = await db
    .selectFrom('financing_lines')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
  return row
}

async function requireAgreement(
  db: DataFile['db'],
  id: string,
  field?: string,
): Promise<Selectable<AgreementsTable>> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) {
    if (field) throw fieldFailure('VALIDATION', field, 'errors.agreementUnknown')
    throw new AppFailure('NOT_FOUND')
  }
  return row
}

/**
 * Whether an agreement's earmarking lets it finance a project: untied money goes through the
 * untied fund, a programme-tied agreement finances its programme's projects, a project-tied
 * one the projects it names.
 */
export function eligibility(
  agreement: Pick<Selectable<AgreementsTable>, 'earmarking' | 'programme_code'>,
  project: Pick<Selectable<ProjectsTable>, 'programme'>,
  named: boolean,
): 'eligible' | 'untied' | 'other_programme' | 'not_named' {
  if (agreement.earmarking === 'untied') return 'untied'
  if (agreement.earmarking === 'programme') {
    return agreement.programme_code === project.programme ? 'eligible' : 'other_programme'
  }
  return named ? 'eligible' : 'not_named'
}

export function assertEligible(
  agreement: Selectable<AgreementsTable>,
  project: Selectable<ProjectsTable>,
  named: boolean,
) {
  const verdict = eligibility(agreement, project, named)
  if (verdict === 'eligible') return
  const key =
    verdict === 'untied'
      ? 'errors.agreementUntiedUseFund'
      : verdict === 'other_programme'
        ? 'errors.agreementOtherProgramme'
        : 'errors.agreementProjectNotNamed'
  throw fieldFailure('CONFLICT', 'agreementId', key, {
    reference: agreement.reference,
    code: project.code,
  })
}
