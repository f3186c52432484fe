import type { Selectable } from 'kysely'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import type { AgreementsTable } from '../db/schema'
import { assertProgrammeUsable } from '../programmes/programmes-service'
import { AppFailure, fieldFailure } from '../failure'
import {
  type Agreement,
  type AgreementDetail,
  type AgreementFields,
  type Earmarking,
  type FundFigures,
  type Nature,
  fundClassOf,
} from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { allocate } from '@shared/money/split'
import {
  type LedgerEntryInput,
  agreementFigures,
  emptyFigures,
  postEntry,
  reverseEntriesOf,
} from './ledger'
import type { AgreementTermsService } from './agreement-terms-service'
import type { ExchangeRatesService } from './exchange-rates-service'
import { readAmount } from './money-input'
import {
  type AgreementDifferences,
  differenceBetween,
  figuresByRule,
  ruleDifferences,
} from './conversion/rule-differences'

type Row = Selectable<AgreementsTable> & { funder_name: string; closed_on: string | null }

/**
 * Funding agreements (conventions de financement): what a funder committed, in its currency,
 * for what use. Signing writes the commitment to the ledger; an amendment (avenant) writes its
 * change; correcting the amount reverses the old commitment and posts the new one.
 */
export class AgreementsService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
    private readonly terms: AgreementTermsService,
    private readonly today: () => string,
  ) {}

  async list(options: { includeArchived?: boolean } = {}): Promise<Agreement[]> {
    let query = this.baseQuery()
    if (!options.includeArchived) query = query.where('a.deleted_at', 'is', null)
    const rows = await query.orderBy('a.starts_on', 'desc').orderBy('a.reference').execute()
    const figures = await agreementFigures(this.file.db, this.today())
    const differences = await ruleDifferences(this.file.db, this.today())
    return rows.map((row) =>
      toAgreement(row, figures.get(row.id), differences.get(row.id), this.today()),
    )
  }

  async get(id: string, asOf: string = this.today()): Promise<AgreementDetail> {
    const row = await this.baseQuery().where('a.id', '=', id).executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    const figures = await agreementFigures(this.file.db, asOf, [id])
    const differences = await ruleDifferences(this.file.db, asOf, [id])
    const amendments = await this.file.db
      .selectFrom('agreement_amendments')
      .selectAll()
      .where('agreement_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('signed_on')
      .execute()
    const receipts = await this.file.db
      .selectFrom('receipts')
      .selectAll()
      .where('agreement_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('received_on')
      .execute()
    const currentEndsOn = amendments.reduce<string>((end, a) => a.new_ends_on ?? end, row.ends_on)
    return {
      ...toAgreement(row, figures.get(id), differences.get(id), asOf),
      currentEndsOn,
      reports: await this.terms.reports(id),
      instalments: await this.terms.instalments(id),
      budget: await this.terms.budget(id),
      namedProjects: await this.file.db
        .selectFrom('agreement_projects as ap')
        .innerJoin('projects as p', 'p.id', 'ap.project_id')
        .select(['p.id', 'p.code', 'p.title'])
        .where('ap.agreement_id', '=', id)
        .where('ap.deleted_at', 'is', null)
        .orderBy('p.code')
        .execute(),
      amendments: amendments.map((a) => ({
        id: a.id,
        agreementId: a.agreement_id,
        signedOn: a.signed_on,
        amountChange: a.amount_change_minor,
        newEndsOn: a.new_ends_on,
        note: a.note,
      })),
      receipts: receipts.map((r) => ({
        id: r.id,
        agreementId: r.agreement_id,
        receivedOn: r.received_on,
        amount: r.amount_minor,
        currency: r.currency as CurrencyCode,
        eurAmount: r.eur_minor,
        rate: r.rate,
        rateDate: r.rate_date,
        rateSource: r.rate_source,
        bankReference: r.bank_reference,
        note: r.note,
      })),
    }
  }

  async create(fields: AgreementFields, author: string): Promise<AgreementDetail> {
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    assertMixedShare(fields)
    const id = await this.file.write(author, async (writer) => {
      await this.assertFunderUsable(writer, fields.funderId)
      await this.assertReferenceFree(writer, fields.funderId, fields.reference)
      if (fields.earmarking === 'programme' && fields.programmeCode)
        await assertProgrammeUsable(writer.trx, fields.programmeCode, null, 'programmeCode')
      const id = await writer.insert('agreements', toColumns(fields, amount))
      await this.postCommitment(writer, id, fields, amount, commitmentDay(fields), {
        table: 'agreements',
        id,
      })
      return id
    })
    return this.get(id)
  }

  async update(id: string, fields: AgreementFields, author: string): Promise<AgreementDetail> {
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    assertMixedShare(fields)
    await this.file.write(author, async (writer) => {
      const current = await this.requireRow(writer, id)
      if (current.deleted_at) throw new AppFailure('CONFLICT', 'errors.agreementArchived')
      if (current.funder_id !== fields.funderId)
        await this.assertFunderUsable(writer, fields.funderId)
      await this.assertReferenceFree(writer, fields.funderId, fields.reference, id)
      if (fields.earmarking === 'programme' && fields.programmeCode) {
        await assertProgrammeUsable(
          writer.trx,
          fields.programmeCode,
          current.programme_code,
          'programmeCode',
        )
      }
      if (current.currency !== fields.currency && (await this.hasMoneyEvents(writer, id))) {
        throw fieldFailure('CONFLICT', 'currency', 'errors.agreementCurrencyLocked')
      }
      // Receipts and allocations carry the class of their agreement's money: it cannot change.
      if (
        fundClassOf(current.earmarking as Earmarking) !== fundClassOf(fields.earmarking) &&
        (await this.hasMoneyEvents(writer, id))
      ) {
        throw fieldFailure('CONFLICT', 'earmarking', 'errors.agreementClassLocked')
      }
      const changed = await writer.update('agreements', id, toColumns(fields, amount))
      const moneyColumns = [
        'amount_minor',
        'currency',
        'earmarking',
        'nature',
        'operating_share_bp',
        'signed_on',
        'starts_on',
      ]
      if (changed.some((column) => moneyColumns.includes(column))) {
        // A correction of what was signed: the old commitment is reversed, the right one posted.
        await reverseEntriesOf(writer, { table: 'agreements', id })
        await this.postCommitment(writer, id, fields, amount, commitmentDay(fields), {
          table: 'agreements',
          id,
        })
      }
    })
    return this.get(id)
  }

  async archive(id: string, author: string): Promise<AgreementDetail> {
    await this.file.write(author, async (writer) => {
      await this.requireRow(writer, id)
      await writer.archive('agreements', id)
    })
    return this.get(id)
  }

  async restore(id: string, author: string): Promise<AgreementDetail> {
    await this.file.write(author, async (writer) => {
      await this.requireRow(writer, id)
      await writer.restore('agreements', id)
    })
    return this.get(id)
  }

  async addAmendment(
    input: {
      agreementId: string
      signedOn: string
      amountChange: string
      newEndsOn: string | null
      note: string | null
    },
    author: string,
  ): Promise<AgreementDetail> {
    await this.file.write(author, async (writer) => {
      const row = await this.requireRow(writer, input.agreementId)
      if (row.deleted_at) throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
      const change = readAmount(
        input.amountChange,
        row.currency as CurrencyCode,
        'amountChange',
        'any',
      )
      if (input.newEndsOn !== null && input.newEndsOn < row.starts_on) {
        throw fieldFailure('VALIDATION', 'newEndsOn', 'validation.endBeforeStart')
      }
      if (change.minor === 0 && input.newEndsOn === null && !input.note) {
        throw fieldFailure('VALIDATION', 'amountChange', 'validation.amendmentEmpty')
      }
      const figures =
        (await agreementFigures(writer.trx, '9999-12-31', [row.id])).get(row.id)?.native ??
        emptyFigures()
      if (figures.committed + change.minor < figures.allocated) {
        throw fieldFailure('CONFLICT', 'amountChange', 'errors.amendmentBelowAllocated', {
          allocated: money(figures.allocated, change.currency),
        })
      }
      const amendmentId = await writer.insert('agreement_amendments', {
        agreement_id: row.id,
        signed_on: input.signedOn,
        amount_change_minor: change.minor,
        new_ends_on: input.newEndsOn,
        note: input.note,
      })
      if (change.minor !== 0) {
        await this.postCommitment(writer, row.id, rowFields(row), change, input.signedOn, {
          table: 'agreement_amendments',
          id: amendmentId,
        })
      }
    })
    return this.get(input.agreementId)
  }

  /** Posts a commitment (or its change) at the rate of its day, split by nature for mixed agreements. */
  private async postCommitment(
    writer: RecordWriter,
    agreementId: string,
    fields: Pick<AgreementFields, 'currency' | 'earmarking' | 'nature' | 'operatingSharePercent'>,
    amount: Money,
    day: string,
    source: { table: string; id: string },
  ): Promise<void> {
    const applied = await this.rates.rateOn(fields.currency, day, writer.trx)
    if (!applied) {
      throw fieldFailure('VALIDATION', 'currency', 'errors.noRate', {
        currency: fields.currency,
        date: { day },
      })
    }
    const eur = toEuro(amount, applied.rate)
    const base: Omit<LedgerEntryInput, 'amount' | 'eurMinor' | 'nature'> = {
      entryDate: day,
      kind: 'commitment',
      fundClass: fundClassOf(fields.earmarking),
      agreementId,
      rate: applied.rate,
      source,
    }
    if (fields.nature !== 'mixed') {
      await postEntry(writer, { ...base, nature: fields.nature, amount, eurMinor: eur.minor })
      return
    }
    const share = fields.operatingSharePercent ?? 0
    const [operating, investment] = allocate(amount, [share, 10_000 - share])
    const [operatingEur, investmentEur] = allocate(eur, [share, 10_000 - share])
    if (operating && operatingEur) {
      await postEntry(writer, {
        ...base,
        nature: 'operating',
        amount: operating,
        eurMinor: operatingEur.minor,
      })
    }
    if (investment && investmentEur) {
      await postEntry(writer, {
        ...base,
        nature: 'investment',
        amount: investment,
        eurMinor: investmentEur.minor,
      })
    }
  }

  private baseQuery() {
    return this.file.db
      .selectFrom('agreements as a')
      .innerJoin('funders as f', 'f.id', 'a.funder_id')
      .selectAll('a')
      .select('f.name as funder_name')
      .select((eb) =>
        // The closing in force, if any (a reopened agreement's is cancelled): the forms offer
        // no entry on a closed agreement, and the core refuses one.
        eb
          .selectFrom('agreement_closings as c')
          .select('c.closed_on')
          .whereRef('c.agreement_id', '=', 'a.id')
          .where('c.deleted_at', 'is', null)
          .limit(1)
          .as('closed_on'),
      )
  }

  private async requireRow(writer: RecordWriter, id: string) {
    const row = await writer.trx
      .selectFrom('agreements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    return row
  }

  private async assertFunderUsable(writer: RecordWriter, funderId: string) {
    const funder = await writer.trx
      .selectFrom('funders')
      .select(['deleted_at'])
      .where('id', '=', funderId)
      .executeTakeFirst()
    if (!funder) throw fieldFailure('VALIDATION', 'funderId', 'errors.funderUnknown')
    if (funder.deleted_at) throw fieldFailure('CONFLICT', 'funderId', 'errors.funderArchived')
  }

  private async assertReferenceFree(
    writer: RecordWriter,
    funderId: string,
    reference: string,
    exceptId?: string,
  ) {
    let query = writer.trx
      .selectFrom('agreements')
      .select('id')
      .where('funder_id', '=', funderId)
      .where((eb) => eb(eb.fn('lower', ['reference']), '=', reference.toLowerCase()))
    if (exceptId) query = query.where('id', '!=', exceptId)
    if (await query.executeTakeFirst())
      throw fieldFailure('CONFLICT', 'reference', 'errors.agreementReferenceTaken')
  }

  private async hasMoneyEvents(writer: RecordWriter, id: string): Promise<boolean> {
    const row = await writer.trx
      .selectFrom('ledger_entries')
      .select('id')
      .where('agreement_id', '=', id)
      .where('kind', '!=', 'commitment')
      .executeTakeFirst()
    return row !== undefined
  }
}

/** The commitment counts from the day it was signed, or from the start of the agreement. */
function commitmentDay(fields: Pick<AgreementFields, 'signedOn' | 'startsOn'>): string {
  return fields.signedOn ?? fields.startsOn
}

function assertMixedShare(fields: AgreementFields): void {
  if (fields.nature === 'mixed' && fields.operatingSharePercent === null) {
    throw fieldFailure('VALIDATION', 'operatingSharePercent', 'validation.required')
  }
}

function toColumns(fields: AgreementFields, amount: Money) {
  return {
    funder_id: fields.funderId,
    reference: fields.reference,
    title: fields.title,
    signed_on: fields.signedOn,
    starts_on: fields.startsOn,
    ends_on: fields.endsOn,
    currency: fields.currency,
    amount_minor: amount.minor,
    earmarking: fields.earmarking,
    programme: fields.programme,
    programme_code: fields.earmarking === 'programme' ? fields.programmeCode : null,
    nature: fields.nature,
    operating_share_bp: fields.nature === 'mixed' ? fields.operatingSharePercent : null,
    cofinancing_bp: fields.cofinancingPercent,
    indirect_cost_max_bp: fields.indirectCostMaxPercent,
    // Left out, the flag is kept as it is (a workbook without the column): false for a new one.
    ...(fields.euRules === undefined ? {} : { is_eu_prag: fields.euRules ? 1 : 0 }),
    notes: fields.notes,
  }
}

function rowFields(row: Selectable<AgreementsTable>) {
  return {
    currency: row.currency as CurrencyCode,
    earmarking: row.earmarking as Earmarking,
    nature: row.nature as Nature,
    operatingSharePercent: row.operating_share_bp,
  }
}

/** An agreement as the pages show it: its figures as its conversion rule counts its spending. */
function toAgreement(
  row: Row,
  figures: { native: FundFigures; eur: FundFigures } | undefined,
  differences: AgreementDifferences | undefined,
  asOf: string,
): Agreement {
  const earmarking = row.earmarking as Earmarking
  const difference = differenceBetween(differences, '0000-01-01', asOf)
  return {
    id: row.id,
    funderId: row.funder_id,
    funderName: row.funder_name,
    reference: row.reference,
    title: row.title,
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    currency: row.currency as CurrencyCode,
    initialAmount: row.amount_minor,
    earmarking,
    fundClass: fundClassOf(earmarking),
    programme: row.programme,
    programmeCode: row.programme_code,
    nature: row.nature as Nature,
    operatingShareBp: row.operating_share_bp,
    cofinancingBp: row.cofinancing_bp,
    indirectCostMaxBp: row.indirect_cost_max_bp,
    conversionRule: row.conversion_rule,
    euRules: row.is_eu_prag === 1,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.deleted_at,
    closedOn: row.closed_on,
    figures: figuresByRule(figures?.native ?? emptyFigures(), difference.minor),
    figuresEur: figuresByRule(figures?.eur ?? emptyFigures(), difference.eur),
    exchangeDifference: difference,
  }
}
