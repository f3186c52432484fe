import type { Selectable, Transaction } from 'kysely'
import type { z } from 'zod'
import type { RecordValues } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import { readOnce } from '../db/read-once'
import type { AgreementsTable, Database } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { assertHeadingOf } from '../funds/heading-check'
import {
  agreementFigures,
  emptyFigures,
  type LedgerEntryInput,
  postEntries,
  postEntry,
  reverseEntriesOf,
  untiedUnallocated,
} from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import { euroValueOn } from '../projects/project-records'
import type { BudgetExpense, budgetExpenseInput } from '@shared/budget/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'

type ExpenseFields = z.output<typeof budgetExpenseInput>

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
    }))
  }

  async add(fields: ExpenseFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const { values, entry } = await this.prepare(new ExpenseContext(writer.trx), fields)
      const id = await writer.insert('budget_expenses', values)
      await postEntry(writer, { ...entry, source: { table: 'budget_expenses', id } })
      return id
    })
  }

  /**
   * Records many expenses in one transaction (an import, a generated file): all or none. What
   * each fund has free, the lines and the agreements are read once and kept current by the
   * expenses themselves; the records are written a few hundred per statement. `at` is told
   * which expense is being checked, so that a refusal can name it. Returns their ids.
   */
  async addMany(
    all: readonly ExpenseFields[],
    author: string,
    at?: (index: number) => void,
  ): Promise<string[]> {
    return this.file.write(author, async (writer) => {
      const context = new ExpenseContext(writer.trx)
      const prepared: Prepared[] = []
      for (const [index, fields] of all.entries()) {
        at?.(index)
        prepared.push(await this.prepare(context, fields))
      }
      const ids = await writer.insertMany(
        'budget_expenses',
        prepared.map((p) => p.values),
      )
      await postEntries(
        writer,
        prepared.map((p, index) => ({
          ...p.entry,
          source: { table: 'budget_expenses', id: ids[index] ?? '' },
        })),
      )
      return ids
    })
  }

  /** Checks an expense against its line and paying fund, and says what it writes. */
  private async prepare(context: ExpenseContext, fields: ExpenseFields): Promise<Prepared> {
    const db = context.db
    const year = Number(fields.spentOn.slice(0, 4))
    const line = await context.line(year, fields.lineKey)
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    const { eur, rate } = await euroValueOn(this.rates, db, amount, fields.spentOn, 'amount')
    let paid: { native: Money; rate: string } = { native: eur, rate: '1' }
    let headingCode: string | null = null
    const agreement = fields.agreementId ? await context.agreement(fields.agreementId) : null
    if (agreement === undefined) throw fieldFailure('VALIDATION', 'agreementId', 'errors.NOT_FOUND')
    if (agreement) {
      assertAgreementPays(agreement, line.nature, fields.spentOn)
      headingCode = await context.heading(agreement.id, fields.headingCode)
      const currency = agreement.currency as CurrencyCode
      paid =
        currency === amount.currency
          ? { native: amount, rate }
          : await this.inCurrency(db, eur, currency, fields.spentOn)
      const unallocated = await context.free.ofAgreement(agreement.id)
      if (paid.native.minor > unallocated) {
        throw fieldFailure('CONFLICT', 'amount', 'errors.agreementOverSpent', {
          reference: agreement.reference,
          unallocated: money(Math.max(0, unallocated), currency),
          asked: paid.native,
        })
      }
      context.free.spendFromAgreement(agreement.id, paid.native.minor)
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
      values: {
        year,
        line_key: fields.lineKey,
        spent_on: fields.spentOn,
        agreement_id: fields.agreementId,
        heading_code: headingCode,
        supplier: fields.supplier,
        description: fields.description,
        amount_minor: amount.minor,
        currency: amount.currency,
        eur_minor: eur.minor,
        rate,
        document: fields.document,
        cancel_reason: null,
      },
      entry: {
        entryDate: fields.spentOn,
        kind: 'expense',
        fundClass: agreement && agreement.earmarking !== 'untied' ? 'tied' : 'untied',
        agreementId: fields.agreementId,
        nature: line.nature,
        amount: paid.native,
        eurMinor: eur.minor,
        rate: paid.rate,
        use: null,
        headingCode,
        bankAccountId: fields.bankAccountId,
      },
    }
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

  private async inCurrency(
    db: Transaction<Database>,
    eur: Money,
    currency: CurrencyCode,
    day: string,
  ): Promise<{ native: Money; rate: string }> {
    const applied = await this.rates.rateOn(currency, day, db)
    if (!applied) {
      throw fieldFailure('VALIDATION', 'amount', 'errors.noRate', { currency, date: day })
    }
    return { native: fromEuro(eur, currency, applied.rate), rate: applied.rate }
  }
}

/**
 * The line an expense is charged to: an expense line of the year's latest budget version that
 * follows its own expenses. Its nature decides what agreements may pay it.
 */
async function expenseLineOf(db: Transaction<Database>, year: number, lineKey: string) {
  const line = await db
    .selectFrom('budget_items as i')
    .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
    .select(['i.nature', 'i.tracks', 'i.direction', 'i.item_kind'])
    .where('i.line_key', '=', lineKey)
    .where('v.year', '=', year)
    .where('i.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .orderBy('v.number', 'desc')
    .executeTakeFirst()
  if (
    !line ||
    line.item_kind !== 'line' ||
    line.direction !== 'expense' ||
    (line.tracks !== null && line.tracks !== 'expenses')
  ) {
    throw fieldFailure('VALIDATION', 'lineKey', 'errors.expenseLineUnknown', { year })
  }
  return { nature: (line.nature ?? 'operating') as 'operating' | 'investment' }
}

/** An agreement pays an expense of its period and nature, unless it is tied to named projects. */
function assertAgreementPays(
  agreement: {
    reference: string
    earmarking: string
    nature: string
    starts_on: string
    ends_on: string
  },
  nature: string,
  spentOn: string,
): void {
  if (agreement.earmarking === 'projects') {
    throw fieldFailure('VALIDATION', 'agreementId', 'errors.expenseAgreementForProjects', {
      reference: agreement.reference,
    })
  }
  if (spentOn < agreement.starts_on || spentOn > agreement.ends_on) {
    throw fieldFailure('VALIDATION', 'spentOn', 'errors.expenseOutsideAgreement', {
      reference: agreement.reference,
      startsOn: agreement.starts_on,
      endsOn: agreement.ends_on,
    })
  }
  if (agreement.nature !== 'mixed' && agreement.nature !== nature) {
    throw fieldFailure('VALIDATION', 'agreementId', 'errors.expenseNatureMismatch', {
      reference: agreement.reference,
      nature: { message: `agreements.nature.${agreement.nature as 'operating' | 'investment'}` },
    })
  }
}

/** An expense checked: its record, and its ledger entry but for the record it comes from. */
interface Prepared {
  values: RecordValues
  entry: Omit<LedgerEntryInput, 'source'>
}

/**
 * What one action writing expenses reads once: each fund's free money, the lines charged, the
 * paying agreements and their headings.
 */
class ExpenseContext {
  readonly free: FreeMoney
  private readonly lines = new Map<string, Promise<{ nature: 'operating' | 'investment' }>>()
  private readonly agreements = new Map<string, Promise<AgreementRow | undefined>>()
  private readonly headings = new Map<string, Promise<string | null>>()

  constructor(readonly db: Transaction<Database>) {
    this.free = new FreeMoney(db)
  }

  line(year: number, lineKey: string) {
    return readOnce(this.lines, `${year}|${lineKey}`, () => expenseLineOf(this.db, year, lineKey))
  }

  agreement(id: string) {
    return readOnce(this.agreements, id, () =>
      this.db
        .selectFrom('agreements')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst(),
    )
  }

  heading(agreementId: string, code: string | null) {
    return readOnce(this.headings, `${agreementId}|${code ?? ''}`, () =>
      assertHeadingOf(this.db, agreementId, code, 'headingCode', true),
    )
  }
}

type AgreementRow = Selectable<AgreementsTable>

/**
 * What the untied fund and each agreement still have free, read from the ledger the first time
 * it is asked within a transaction and then lowered by each expense written in it.
 */
class FreeMoney {
  private untiedFree: number | null = null
  private readonly agreementFree = new Map<string, number>()

  constructor(private readonly db: Transaction<Database>) {}

  async untied(): Promise<number> {
    this.untiedFree ??= await untiedUnallocated(this.db)
    return this.untiedFree
  }

  async ofAgreement(id: string): Promise<number> {
    let free = this.agreementFree.get(id)
    if (free === undefined) {
      free =
        (await agreementFigures(this.db, '9999-12-31', [id])).get(id)?.native.unallocated ??
        emptyFigures().unallocated
      this.agreementFree.set(id, free)
    }
    return free
  }

  spendUntied(eurMinor: number): void {
    if (this.untiedFree !== null) this.untiedFree -= eurMinor
  }

  spendFromAgreement(id: string, minor: number): void {
    const free = this.agreementFree.get(id)
    if (free !== undefined) this.agreementFree.set(id, free - minor)
  }
}
