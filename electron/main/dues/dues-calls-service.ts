import { sql } from 'kysely'
import type { z } from 'zod'
import type { RecordValues } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import { assertCodeFree, nextCode } from '../db/record-codes'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { readAmount } from '../funds/money-input'
import { euroValueOn } from '../projects/project-records'
import type { CallPreviewRow, DuesCall, callRunInput, singleCallInput } from '@shared/dues/schema'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { MemberKind } from '@shared/members/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { duesCalls } from './dues-accounts'

type CallRun = z.output<typeof callRunInput>

/**
 * Calls for dues (appels de cotisation): a year's run for every active member, previewed first
 * (who is called what, and why; who is left out, and why), then generated, numbered AC-year-nnnn.
 * A run for a year already called adds only the members still missing.
 */
export class DuesCallsService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
    private readonly language: () => Language,
  ) {}

  async list(filter: { year?: number; memberId?: string }): Promise<DuesCall[]> {
    return duesCalls(this.file.db, filter)
  }

  async preview(run: CallRun, db: DataFile['db'] = this.file.db): Promise<CallPreviewRow[]> {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(this.language(), key, params)
    const members = await db
      .selectFrom('members')
      .select(['id', 'code', 'name', 'kind', 'population', 'status'])
      .where('deleted_at', 'is', null)
      .orderBy('name')
      .execute()
    const bands = await db
      .selectFrom('dues_bands')
      .selectAll()
      .where('year', '=', run.year)
      .where('deleted_at', 'is', null)
      .execute()
    const overrides = await db
      .selectFrom('dues_overrides')
      .selectAll()
      .where('year', '=', run.year)
      .where('deleted_at', 'is', null)
      .execute()
    const called = new Set(
      (await duesCalls(db, { year: run.year }))
        .filter((c) => c.status !== 'cancelled')
        .map((c) => c.memberId),
    )
    return members.map((m) => {
      const row = {
        memberId: m.id,
        memberCode: m.code,
        memberName: m.name,
        kind: m.kind as MemberKind,
        population: m.population,
      }
      const excluded = (basis: string): CallPreviewRow => ({
        ...row,
        outcome: 'excluded',
        amount: null,
        currency: null,
        basis,
      })
      if (m.status !== 'active') {
        return excluded(
          t('dues.preview.notActive', { status: t(`members.status.${m.status as 'active'}`) }),
        )
      }
      const override = overrides.find((o) => o.member_id === m.id)
      const band = bands.find(
        (b) =>
          b.member_kind === m.kind &&
          (m.population === null
            ? b.population_from === 0 && b.population_to === null
            : m.population >= b.population_from &&
              (b.population_to === null || m.population <= b.population_to)),
      )
      const amount = override
        ? money(override.amount_minor, override.currency as CurrencyCode)
        : band
          ? money(band.amount_minor, band.currency as CurrencyCode)
          : null
      if (!amount) {
        return excluded(
          m.population === null ? t('dues.preview.noPopulation') : t('dues.preview.noBand'),
        )
      }
      if (amount.minor === 0)
        return excluded(t('dues.preview.exempt', { reason: override?.reason ?? '' }))
      const basis = override
        ? t('dues.preview.override', { reason: override.reason })
        : (band?.label ?? '')
      if (called.has(m.id)) {
        return {
          ...row,
          outcome: 'already_called',
          amount: amount.minor,
          currency: amount.currency,
          basis,
        }
      }
      return { ...row, outcome: 'to_call', amount: amount.minor, currency: amount.currency, basis }
    })
  }

  /** Generates the calls the preview lists as to call, in one transaction; returns how many. */
  async generate(run: CallRun, author: string): Promise<number> {
    return this.file.write(author, async (writer) => {
      const rows = (await this.preview(run, writer.trx)).filter((r) => r.outcome === 'to_call')
      const prefix = `AC-${run.year}-`
      let next = Number((await nextCode(writer.trx, 'dues_calls', prefix, 4)).slice(prefix.length))
      for (const row of rows) {
        if (row.amount === null || row.currency === null) continue
        const amount = money(row.amount, row.currency)
        const { eur } = await euroValueOn(this.rates, writer.trx, amount, run.calledOn, 'calledOn')
        await writer.insert('dues_calls', {
          number: `${prefix}${String(next).padStart(4, '0')}`,
          member_id: row.memberId,
          year: run.year,
          called_on: run.calledOn,
          due_on: run.dueOn,
          amount_minor: amount.minor,
          currency: amount.currency,
          eur_minor: eur.minor,
          basis: row.basis,
          cancelled_on: null,
          cancel_reason: null,
        })
        next += 1
      }
      return rows.length
    })
  }

  /**
   * Calls one member for a year outside the year's run: numbered AC-year-nnnn unless a number
   * is given (a call brought from a workbook keeps its own), which must be free.
   */
  async addCall(fields: z.output<typeof singleCallInput>, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const member = await writer.trx
        .selectFrom('members')
        .select('id')
        .where('id', '=', fields.memberId)
        .executeTakeFirst()
      if (!member) throw fieldFailure('VALIDATION', 'memberId', 'errors.NOT_FOUND')
      const number =
        fields.number ?? (await nextCode(writer.trx, 'dues_calls', `AC-${fields.year}-`, 4))
      await assertCodeFree(writer.trx, 'dues_calls', number)
      return writer.insert('dues_calls', await this.callRow(writer.trx, fields, number))
    })
  }

  /**
   * Records many numbered calls at once (an import's sheet), with {@link addCall}'s rules: the
   * members read once, the numbers checked free in one statement, the calls written a
   * thousand a statement. All or none; `at` is told the call being checked, so that a refusal
   * names it. Returns their ids, in order.
   */
  async addCalls(
    all: readonly (z.output<typeof singleCallInput> & { number: string })[],
    author: string,
    at: (index: number) => void,
  ): Promise<string[]> {
    return this.file.write(author, async (writer) => {
      const memberIds = JSON.stringify(all.map((c) => c.memberId))
      const members = new Set(
        (
          await sql<{ id: string }>`
            SELECT id FROM members WHERE id IN (SELECT value FROM json_each(${memberIds}))`.execute(
            writer.trx,
          )
        ).rows.map((m) => m.id),
      )
      // Numbers compare without case, as assertCodeFree compares them.
      const numbers = JSON.stringify(all.map((c) => c.number.toLowerCase()))
      const taken = new Set(
        (
          await sql<{ number: string }>`
            SELECT lower(number) AS number FROM dues_calls
            WHERE lower(number) IN (SELECT value FROM json_each(${numbers}))`.execute(writer.trx)
        ).rows.map((c) => c.number),
      )
      const rows: RecordValues[] = []
      for (const [index, fields] of all.entries()) {
        at(index)
        if (!members.has(fields.memberId))
          throw fieldFailure('VALIDATION', 'memberId', 'errors.NOT_FOUND')
        const number = fields.number.toLowerCase()
        if (taken.has(number))
          throw fieldFailure('CONFLICT', 'code', 'errors.codeTaken', { code: fields.number })
        taken.add(number)
        rows.push(await this.callRow(writer.trx, fields, fields.number))
      }
      return writer.insertMany('dues_calls', rows)
    })
  }

  /** A call as its row holds it: its amount read and valued in euros on the day it is made. */
  private async callRow(
    db: DataFile['db'],
    fields: z.output<typeof singleCallInput>,
    number: string,
  ): Promise<RecordValues> {
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    const { eur } = await euroValueOn(this.rates, db, amount, fields.calledOn, 'calledOn')
    return {
      number,
      member_id: fields.memberId,
      year: fields.year,
      called_on: fields.calledOn,
      due_on: fields.dueOn,
      amount_minor: amount.minor,
      currency: amount.currency,
      eur_minor: eur.minor,
      basis: fields.basis,
      cancelled_on: null,
      cancel_reason: null,
    }
  }

  /** Changes a call's amount (a correction), never below what was already paid on it. */
  async changeAmount(id: string, text: string, reason: string, author: string): Promise<DuesCall> {
    await this.file.write(author, async (writer) => {
      const [call] = await duesCalls(writer.trx, { ids: [id] })
      if (!call) throw new AppFailure('NOT_FOUND')
      if (call.status === 'cancelled') throw new AppFailure('CONFLICT', 'errors.callCancelled')
      const amount = readAmount(text, call.currency, 'amount')
      if (amount.minor < call.paid) {
        throw fieldFailure('CONFLICT', 'amount', 'errors.callBelowPaid', {
          paid: money(call.paid, call.currency),
        })
      }
      const { eur } = await euroValueOn(this.rates, writer.trx, amount, call.calledOn, 'amount')
      await writer.update('dues_calls', id, {
        amount_minor: amount.minor,
        eur_minor: eur.minor,
        basis: `${call.basis} — ${translate(this.language(), 'dues.amountChanged', {
          amount: formatMoney(amount, this.language()),
          reason,
        })}`,
      })
    })
    const [call] = await duesCalls(this.file.db, { ids: [id] })
    if (!call) throw new AppFailure('NOT_FOUND')
    return call
  }

  /** Cancels a call made in error; a call already paid in part cannot be cancelled. */
  async cancel(id: string, reason: string, onDate: string, author: string): Promise<DuesCall> {
    await this.file.write(author, async (writer) => {
      const [call] = await duesCalls(writer.trx, { ids: [id] })
      if (!call) throw new AppFailure('NOT_FOUND')
      if (call.status === 'cancelled') return
      if (call.paid > 0)
        throw new AppFailure('CONFLICT', 'errors.callPaid', { number: call.number })
      await writer.update('dues_calls', id, { cancelled_on: onDate, cancel_reason: reason })
    })
    const [call] = await duesCalls(this.file.db, { ids: [id] })
    if (!call) throw new AppFailure('NOT_FOUND')
    return call
  }
}
