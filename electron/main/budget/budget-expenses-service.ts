import type { z } from 'zod'
import type { RecordValues } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { type LedgerEntryInput, postEntries, reverseEntriesOf } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import { euroValueOn } from '../projects/project-records'
import { assertAgreementPays, ExpenseContext } from './expense-context'
import { type ExpenseBasis, inCurrency, prepareShares } from './expense-shares'
import { EXPENSE_SHARES, sharesOfExpenses } from './expense-share-list'
import { changeExpenseFunds, type PartsWarnings } from './expense-funds-change'
import type { Paying } from './paying'
export type { Paying } from './paying'
import type {
  BudgetExpense,
  budgetExpenseInput,
  changeExpenseFundsInput,
} from '@shared/budget/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { type Money, money } from '@shared/money/money'
import { giveWay } from '../db/give-way'

/**
 * What several `addMany` of one transaction read once between them. Each call otherwise reads
 * its funds and lines again, and such a read waits behind every statement the call before
 * queued: SQLite and the preparing of the next expenses took turns instead of running side by
 * side (measured on an import's 35,000 expenses: its main thread idle 1.1 s of 1.7 s, waiting
 * on 64 reads). Only expenses written through it may happen between the calls: a cancellation
 * between them must have its free money read again (`free.forget()`); writes undone (a
 * savepoint rolled back) must drop it.
 * Nothing from elsewhere comes between them: an action made beside the import's batch (the
 * window, the automatic sync) waits for the batch to end (data-file.ts, `besideBatch`).
 */
export interface SharedExpenseContext {
  context?: ExpenseContext
}

type ExpenseOutput = z.output<typeof budgetExpenseInput>
/** An expense to record; `shares` only when it is shared across funds. */
export type ExpenseFields = Omit<ExpenseOutput, 'shares'> & { shares?: ExpenseOutput['shares'] }

/**
 * The secretariat's expenses (dépenses), each charged to a line of the year's budget and paid
 * from the untied fund or an agreement. Each posts one `expense` entry to the ledger, in the
 * paying fund's currency; tied money pays only what its agreement allows.
 */
export class BudgetExpensesService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async list(year: number, lineKey?: string | null): Promise<BudgetExpense[]> {
    let query = this.file.db
      .selectFrom('budget_expenses as x')
      .leftJoin('agreements as a', 'a.id', 'x.agreement_id')
      .selectAll('x')
      .select('a.reference')
      .select((eb) =>
        eb
          .selectFrom('budget_items as i')
          .select('i.label')
          .whereRef('i.line_key', '=', 'x.line_key')
          .where('i.deleted_at', 'is', null)
          .orderBy('i.created_at', 'desc')
          .limit(1)
          .as('line_label'),
      )
      .where('x.year', '=', year)
      .where('x.deleted_at', 'is', null)
      .orderBy('x.spent_on')
      .orderBy('x.created_at')
    if (lineKey) query = query.where('x.line_key', '=', lineKey)
    const rows = await query.execute()
    const shares = await sharesOfExpenses(
      this.file.db,
      rows.map((row) => row.id),
    )
    return rows.map((row) => ({
      id: row.id,
      year: row.year,
      lineKey: row.line_key,
      lineLabel: row.line_label ?? null,
      spentOn: row.spent_on,
      agreementId: row.agreement_id,
      agreementReference: row.reference,
      headingCode: row.heading_code,
      supplier: row.supplier,
      description: row.description,
      amount: row.amount_minor,
      currency: row.currency as CurrencyCode,
      eurAmount: row.eur_minor,
      rate: row.rate,
      document: row.document,
      cancelReason: row.cancel_reason,
      shares: shares.get(row.id) ?? [],
    }))
  }

  async add(fields: ExpenseFields, author: string): Promise<string> {
    const [id] = await this.addMany([fields], author)
    return id ?? ''
  }

  /**
   * Records many expenses in one transaction (an import, a generated file): all or none. What
   * each fund has free, the lines and the agreements are read once and kept current by the
   * expenses themselves; the records are written a few hundred per statement. `at` is told
   * which expense is being checked, so that a refusal can name it. Returns their ids.
   * A shared expense writes its shares too, each with its own ledger entry (`use` names it).
   * `shared` carries that reading from one call to the next in the same transaction (an
   * import's actions of a few thousand expenses): see {@link SharedExpenseContext}.
   */
  async addMany(
    all: readonly ExpenseFields[],
    author: string,
    at?: (index: number) => void,
    shared?: SharedExpenseContext,
  ): Promise<string[]> {
    return this.file.write(author, async (writer) => {
      const context =
        shared?.context?.db === writer.trx ? shared.context : new ExpenseContext(writer.trx)
      if (shared) {
        shared.context = context
        if (all.length > 0) context.readEveryLine()
      }
      const prepared: Prepared[] = []
      for (const [index, fields] of all.entries()) {
        await giveWay()
        at?.(index)
        prepared.push(await this.prepare(context, fields))
      }
      const ids = await writer.insertMany(
        'budget_expenses',
        prepared.map((p) => p.values),
      )
      const shares = prepared.flatMap((p, index) =>
        p.shares.map((share) => ({ ...share, expenseId: ids[index] ?? '' })),
      )
      const shareIds = await writer.insertMany(
        'expense_shares',
        shares.map((share) => ({ ...share.values, expense_id: share.expenseId })),
      )
      const idIndex = new Map(ids.map((id, index) => [id, index]))
      const records = at && {
        recordOf: (entry: LedgerEntryInput) => idIndex.get(entry.source.id) ?? 0,
        at,
      }
      await postEntries(
        writer,
        [
          ...prepared.flatMap((p, index) =>
            p.entry
              ? [{ ...p.entry, source: { table: 'budget_expenses', id: ids[index] ?? '' } }]
              : [],
          ),
          ...shares.map((share, index) => ({
            ...share.entry,
            source: { table: 'budget_expenses', id: share.expenseId },
            use: { table: EXPENSE_SHARES, id: shareIds[index] ?? '' },
          })),
        ],
        records || undefined,
      )
      context.free.written()
      return ids
    })
  }

  /** Checks an expense against its line and paying fund(s), and says what it writes. */
  private async prepare(context: ExpenseContext, fields: ExpenseFields): Promise<Prepared> {
    const db = context.db
    const year = Number(fields.spentOn.slice(0, 4))
    const line = await context.line(year, fields.lineKey)
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    const { eur, rate } = await euroValueOn(this.rates, db, amount, fields.spentOn, 'amount')
    const values = {
      year,
      line_key: fields.lineKey,
      spent_on: fields.spentOn,
      agreement_id: fields.agreementId,
      heading_code: null as string | null,
      supplier: fields.supplier,
      description: fields.description,
      amount_minor: amount.minor,
      currency: amount.currency,
      eur_minor: eur.minor,
      rate,
      document: fields.document,
      cancel_reason: null,
    }
    const paid = await this.paying(context, fields, {
      spentOn: fields.spentOn,
      nature: line.nature,
      amount,
      eur,
      rate,
      bankAccountId: fields.bankAccountId,
    })
    return { ...paid, values: { ...values, heading_code: paid.headingCode } }
  }

  /**
   * Checks who pays an expense — one fund (the untied fund or an agreement, with its heading), or
   * shares across funds — and says what it posts. Used when an expense is recorded and when its
   * funds are changed (expense-funds-change.ts).
   */
  async paying(
    context: ExpenseContext,
    fields: Pick<ExpenseFields, 'agreementId' | 'headingCode' | 'shares'>,
    basis: ExpenseBasis,
  ): Promise<Paying> {
    if (fields.shares) {
      // A shared expense is paid by its shares: the expense itself names no fund.
      if (fields.agreementId !== null || fields.headingCode !== null) {
        const field = fields.agreementId !== null ? 'agreementId' : 'headingCode'
        throw fieldFailure('VALIDATION', field, 'costSharing.fundAndShares')
      }
      const shares = await prepareShares(context, this.rates, fields.shares, basis)
      return { headingCode: null, entry: null, shares }
    }
    const { eur, amount, spentOn } = basis
    let paid: { native: Money; rate: string } = { native: eur, rate: '1' }
    let headingCode: string | null = null
    const agreement = fields.agreementId ? await context.agreement(fields.agreementId) : null
    if (agreement === undefined) throw fieldFailure('VALIDATION', 'agreementId', 'errors.NOT_FOUND')
    if (agreement) {
      assertAgreementPays(agreement, basis.nature, spentOn)
      headingCode = await context.heading(agreement.id, fields.headingCode)
      const currency = agreement.currency as CurrencyCode
      paid =
        currency === amount.currency
          ? { native: amount, rate: basis.rate }
          : await inCurrency(context.db, this.rates, eur, currency, spentOn, 'amount')
      const unallocated = await context.free.ofAgreement(agreement.id)
      if (paid.native.minor > unallocated) {
        throw fieldFailure('CONFLICT', 'amount', 'errors.agreementOverSpent', {
          reference: agreement.reference,
          unallocated: money(Math.max(0, unallocated), currency),
          asked: paid.native,
        })
      }
      context.free.spendFromAgreement(agreement.id, paid.native.minor)
      // An untied grant's expense is the untied fund's too (its ledger entry says `untied`).
      if (agreement.earmarking === 'untied') context.free.spendUntied(eur.minor)
    } else {
      const available = await context.free.untied()
      if (eur.minor > available) {
        throw fieldFailure('CONFLICT', 'amount', 'errors.untiedOverSpent', {
          unallocated: money(Math.max(0, available), 'EUR'),
          asked: eur,
        })
      }
      context.free.spendUntied(eur.minor)
    }
    return {
      headingCode,
      shares: [],
      entry: {
        entryDate: spentOn,
        kind: 'expense',
        fundClass: agreement && agreement.earmarking !== 'untied' ? 'tied' : 'untied',
        agreementId: fields.agreementId,
        nature: basis.nature,
        amount: paid.native,
        eurMinor: eur.minor,
        rate: paid.rate,
        use: null,
        headingCode,
        bankAccountId: basis.bankAccountId,
      },
    }
  }

  /**
   * Changes who pays an expense (expense-funds-change.ts), with the warnings its new parts raise;
   * returns its year.
   */
  async changeFunds(
    fields: z.output<typeof changeExpenseFundsInput>,
    author: string,
    warnings?: PartsWarnings,
  ) {
    return this.file.write(author, (writer) => changeExpenseFunds(writer, this, fields, warnings))
  }

  /**
   * Cancels an expense recorded by mistake: its ledger entry is reversed, the record kept.
   * Returns the expense's year.
   */
  async cancel(id: string, reason: string, author: string): Promise<number> {
    return this.file.write(author, async (writer) => {
      const expense = await writer.trx
        .selectFrom('budget_expenses')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (!expense) throw new AppFailure('NOT_FOUND')
      if (expense.cancel_reason) throw new AppFailure('CONFLICT', 'errors.expenseCancelled')
      await reverseEntriesOf(writer, { table: 'budget_expenses', id }, reason)
      await writer.update('budget_expenses', id, { cancel_reason: reason })
      return expense.year
    })
  }
}

/**
 * An expense checked: its record, and its ledger entry but for the record it comes from — or,
 * shared, its shares, each with its entry.
 */
interface Prepared extends Paying {
  values: RecordValues
}

/** Who pays an expense: one fund's entry (and heading), or its shares. */
