import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { RecordValues } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import type { Database } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { financingLineFigures, postEntry, reverseEntriesOf } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'
import {
  type ProjectStatus,
  TRANCHE_PAYABLE_STATUSES,
  type trancheInput,
  type tranchePaymentInput,
} from '@shared/projects/schema'
import { euroValueOn, requireOpenProject } from './project-records'
import { trancheShares } from './tranche-shares'

/** A tranche is paid once the city's agreement with the AIMF is signed. */

/**
 * Tranches paid to the city (versements): planned, released, paid against the plan's committed
 * AIMF lines (pro rata to what each still has to pay, or as chosen), or cancelled. A payment
 * posts one disbursement per line it draws on; cancelling the payment reverses them.
 */
export class TranchesService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  /** Adds the project's next tranche; answers its id. */
  async add(fields: z.output<typeof trancheInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const project = await requireOpenProject(writer.trx, fields.projectId)
      const amount = readAmount(fields.amount, project.currency as CurrencyCode, 'amount')
      const last = await writer.trx
        .selectFrom('tranches')
        .select((eb) => eb.fn.max<number>('number').as('number'))
        .where('project_id', '=', project.id)
        .executeTakeFirst()
      return writer.insert(
        'tranches',
        plannedTranche(project.id, Number(last?.number ?? 0) + 1, fields, amount.minor),
      )
    })
  }

  /** Records that the tranche's condition is met (the report received, the target reached). */
  async conditionMet(id: string, onDate: string, author: string): Promise<string> {
    return this.change(id, author, ['planned', 'released'], () => ({ condition_met_on: onDate }))
  }

  /** Releases the tranche (débloquée): approved for payment. */
  async release(id: string, onDate: string, author: string): Promise<string> {
    return this.change(id, author, ['planned'], () => ({ status: 'released', released_on: onDate }))
  }

  async cancel(id: string, reason: string, author: string): Promise<string> {
    return this.change(id, author, ['planned', 'released'], () => ({
      status: 'cancelled',
      cancel_reason: reason,
    }))
  }

  async pay(fields: z.output<typeof tranchePaymentInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const tranche = await requireTranche(writer.trx, fields.id)
      const project = await requireOpenProject(writer.trx, tranche.project_id)
      if (tranche.status === 'paid') {
        throw new AppFailure('CONFLICT', 'errors.tranchePaid', { number: tranche.number })
      }
      if (tranche.status === 'cancelled')
        throw new AppFailure('CONFLICT', 'errors.trancheCancelled')
      if (!TRANCHE_PAYABLE_STATUSES.includes(project.status as ProjectStatus)) {
        throw new AppFailure('CONFLICT', 'errors.projectNotSigned', { code: project.code })
      }
      if (tranche.condition && !tranche.condition_met_on && !fields.overrideReason) {
        throw fieldFailure('CONFLICT', 'overrideReason', 'errors.trancheConditionNotMet', {
          condition: tranche.condition,
        })
      }
      const currency = project.currency as CurrencyCode
      const paid = fields.amount
        ? readAmount(fields.amount, currency, 'amount')
        : money(tranche.amount_minor, currency)
      const paidEur = await euroValueOn(this.rates, writer.trx, paid, fields.paidOn, 'paidOn')

      const parts = await this.shares(writer.trx, project.id, paid, paidEur.eur, fields)
      const headings = await lineHeadings(
        writer.trx,
        parts.map((part) => part.lineId),
      )
      for (const part of parts) {
        await postEntry(writer, {
          entryDate: fields.paidOn,
          kind: 'disbursement',
          fundClass: part.fundClass,
          agreementId: part.agreementId,
          nature: project.nature,
          amount: part.native,
          eurMinor: part.eur.minor,
          rate: part.rate,
          use: { table: 'financing_lines', id: part.lineId },
          source: { table: 'tranches', id: tranche.id },
          headingCode: headings.get(part.lineId) ?? null,
          bankAccountId: fields.bankAccountId,
        })
      }
      await writer.update(
        'tranches',
        tranche.id,
        {
          status: 'paid',
          paid_on: fields.paidOn,
          paid_amount_minor: paid.minor,
          paid_eur_minor: paidEur.eur.minor,
          bank_reference: fields.bankReference,
          override_reason: fields.overrideReason,
        },
        tranche,
      )
      return project.id
    })
  }

  /** Cancels a payment recorded by mistake: its disbursements are reversed, with the reason. */
  async cancelPayment(id: string, reason: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const tranche = await requireTranche(writer.trx, id)
      await requireOpenProject(writer.trx, tranche.project_id)
      if (tranche.status !== 'paid') throw new AppFailure('CONFLICT', 'errors.trancheNotPaid')
      await reverseEntriesOf(writer, { table: 'tranches', id }, reason)
      await writer.update('tranches', id, {
        status: tranche.released_on ? 'released' : 'planned',
        paid_on: null,
        paid_amount_minor: null,
        paid_eur_minor: null,
        bank_reference: null,
        override_reason: null,
      })
      return tranche.project_id
    })
  }

  /** How a payment is shared among the project's committed AIMF lines (see trancheShares). */
  private async shares(
    db: DataFile['db'],
    projectId: string,
    paid: Money,
    paidEur: Money,
    fields: z.output<typeof tranchePaymentInput>,
  ) {
    const lines = await db
      .selectFrom('financing_lines as l')
      .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
      .select(['l.id', 'l.currency', 'l.source', 'l.agreement_id', 'a.earmarking'])
      .where('l.project_id', '=', projectId)
      .where('l.deleted_at', 'is', null)
      .where('l.committed_on', 'is not', null)
      .orderBy('l.created_at')
      .execute()
    const figures = await financingLineFigures(
      db,
      lines.map((l) => l.id),
    )
    const rateOf = async (currency: CurrencyCode) => {
      const applied = await this.rates.rateOn(currency, fields.paidOn, db)
      if (!applied) {
        throw fieldFailure('VALIDATION', 'paidOn', 'errors.noRate', {
          currency,
          date: { day: fields.paidOn },
        })
      }
      return applied.rate
    }
    return trancheShares(lines, figures, rateOf, paid, paidEur, fields)
  }

  private async change(
    id: string,
    author: string,
    from: readonly string[],
    patch: () => Record<string, string | null>,
  ): Promise<string> {
    return this.file.write(author, async (writer) => {
      const tranche = await requireTranche(writer.trx, id)
      await requireOpenProject(writer.trx, tranche.project_id)
      if (!from.includes(tranche.status)) {
        throw new AppFailure('CONFLICT', 'errors.trancheStatus', { number: tranche.number })
      }
      await writer.update('tranches', id, patch(), tranche)
      return tranche.project_id
    })
  }
}

async function requireTranche(db: DataFile['db'], id: string) {
  const row = await db.selectFrom('tranches').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || row.deleted_at) throw new AppFailure('NOT_FOUND')
  return row
}

/** The donor heading each financing line charges, for the disbursements paid from it. */
async function lineHeadings(
  db: Transaction<Database>,
  lineIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (lineIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('financing_lines')
    .select(['id', 'heading_code'])
    .where('id', 'in', lineIds)
    .execute()
  return new Map(rows.map((row) => [row.id, row.heading_code]))
}

/**
 * A tranche as it is first written: the project's next number, planned, nothing met, released
 * or paid yet (the service's add, and the import's set of tranches).
 */
export function plannedTranche(
  projectId: string,
  number: number,
  fields: { plannedOn: string; condition: string | null },
  amountMinor: number,
): RecordValues {
  return {
    project_id: projectId,
    number,
    planned_on: fields.plannedOn,
    amount_minor: amountMinor,
    condition: fields.condition,
    condition_met_on: null,
    status: 'planned',
    released_on: null,
    paid_on: null,
    paid_amount_minor: null,
    paid_eur_minor: null,
    bank_reference: null,
    override_reason: null,
    cancel_reason: null,
  }
}
