import type { z } from 'zod'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { postEntry, reverseEntriesOf } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import { requireMember } from '../members/members-service'
import type { DuesPayment, paymentInput } from '../../../shared/dues/schema'
import type { CurrencyCode } from '../../../shared/money/currencies'
import { convert, parseRate, toEuro } from '../../../shared/money/exchange'
import { type Money, money } from '../../../shared/money/money'
import { allocate } from '../../../shared/money/split'
import { duesCalls, duesPayments } from './dues-accounts'

type PaymentFields = z.output<typeof paymentInput>

/**
 * Payments of dues (encaissements) and voluntary contributions. A dues payment settles the
 * member's calls, oldest first or as chosen, converting between currencies at the day's rates;
 * what is left stays as the member's credit. Every payment is untied income in the ledger.
 */
export class DuesPaymentsService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async add(fields: PaymentFields, author: string): Promise<DuesPayment> {
    const id = await this.file.write(author, (writer) => this.record(writer, fields))
    const [payment] = await duesPayments(this.file.db, { ids: [id] })
    if (!payment) throw new AppFailure('NOT_FOUND')
    return payment
  }

  /** Records many payments in one transaction (an import, the demo): all or none. */
  async addMany(all: readonly PaymentFields[], author: string): Promise<number> {
    return this.file.write(author, async (writer) => {
      for (const fields of all) await this.record(writer, fields)
      return all.length
    })
  }

  private async record(writer: RecordWriter, fields: PaymentFields): Promise<string> {
    const member = await requireMember(writer.trx, fields.memberId)
    if (member.deleted_at) throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    if (fields.rate && amount.currency !== 'EUR' && !parseRate(fields.rate)) {
      throw fieldFailure('VALIDATION', 'rate', 'validation.rate')
    }
    const rate =
      fields.rate && amount.currency !== 'EUR'
        ? fields.rate
        : await this.rateOn(amount.currency, fields.receivedOn, writer.trx, 'currency')
    const eur = toEuro(amount, rate)
    const paymentId = await writer.insert('dues_payments', {
      member_id: member.id,
      kind: fields.kind,
      received_on: fields.receivedOn,
      payer: fields.payer,
      amount_minor: amount.minor,
      currency: amount.currency,
      eur_minor: eur.minor,
      rate,
      method: fields.method,
      bank_reference: fields.bankReference,
      note: fields.note,
    })
    await postEntry(writer, {
      entryDate: fields.receivedOn,
      kind: 'due_payment',
      fundClass: 'untied',
      agreementId: null,
      nature: null,
      amount,
      eurMinor: eur.minor,
      rate,
      source: { table: 'dues_payments', id: paymentId },
    })
    if (fields.kind === 'dues') {
      const parts = await this.settlements(writer.trx, member.id, amount, rate, fields)
      const eurParts = allocate(eur, [
        ...parts.map((p) => p.payment.minor),
        amount.minor - parts.reduce((sum, p) => sum + p.payment.minor, 0),
      ])
      for (const [index, part] of parts.entries()) {
        await writer.insert('dues_settlements', {
          payment_id: paymentId,
          call_id: part.callId,
          call_amount_minor: part.call.minor,
          payment_amount_minor: part.payment.minor,
          eur_minor: eurParts[index]?.minor ?? 0,
        })
      }
    }
    return paymentId
  }

  /** Cancels a payment recorded by mistake: its settlements go, its ledger entry is reversed. */
  async cancel(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const payment = await writer.trx
        .selectFrom('dues_payments')
        .select(['member_id', 'deleted_at'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!payment) throw new AppFailure('NOT_FOUND')
      if (payment.deleted_at) return payment.member_id
      const settlements = await writer.trx
        .selectFrom('dues_settlements')
        .select('id')
        .where('payment_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute()
      for (const s of settlements) await writer.archive('dues_settlements', s.id)
      await writer.archive('dues_payments', id)
      await reverseEntriesOf(writer, { table: 'dues_payments', id })
      return payment.member_id
    })
  }

  private async rateOn(currency: CurrencyCode, day: string, db: DataFile['db'], field: string) {
    const applied = await this.rates.rateOn(currency, day, db)
    if (!applied) throw fieldFailure('VALIDATION', field, 'errors.noRate', { currency, date: day })
    return applied.rate
  }

  /**
   * What the payment settles: each call (oldest first, or those chosen) takes what it still
   * owes or what is left of the payment, converted at the day's rates. A difference smaller than
   * the payment currency's smallest unit, made by the conversion, does not leave a call open.
   */
  private async settlements(
    db: DataFile['db'],
    memberId: string,
    amount: Money,
    paymentRate: string,
    fields: PaymentFields,
  ) {
    const open = (await duesCalls(db, { memberId })).filter((c) => c.outstanding > 0)
    const chosen = fields.settle
    if (chosen) {
      for (const [index, choice] of chosen.entries()) {
        if (!open.some((c) => c.id === choice.callId)) {
          throw fieldFailure('VALIDATION', `settle.${index}.callId`, 'errors.settleUnknownCall')
        }
      }
    }
    const order = chosen
      ? chosen.map((choice) => ({
          call: open.find((c) => c.id === choice.callId) ?? open[0],
          limit: choice.amount,
        }))
      : open.map((call) => ({ call, limit: null }))
    const parts: { callId: string; call: Money; payment: Money }[] = []
    let left = amount.minor
    for (const [index, { call, limit }] of order.entries()) {
      if (!call || left <= 0) break
      const callRate = await this.rateOn(call.currency, fields.receivedOn, db, 'receivedOn')
      const toCall = (minor: number) =>
        convert(money(minor, amount.currency), call.currency, {
          fromRate: paymentRate,
          toRate: callRate,
        })
      const toPayment = (minor: number) =>
        convert(money(minor, call.currency), amount.currency, {
          fromRate: callRate,
          toRate: paymentRate,
        })
      let want = call.outstanding
      if (limit !== null) {
        const asked = readAmount(limit, call.currency, `settle.${index}.amount`)
        if (asked.minor > call.outstanding) {
          throw fieldFailure('CONFLICT', `settle.${index}.amount`, 'errors.settleAboveOwed', {
            owed: money(call.outstanding, call.currency),
          })
        }
        want = asked.minor
      }
      const available = toCall(left).minor
      // One unit of the payment's currency, in the call's: what a conversion may round away.
      const slack = Math.max(0, toCall(1).minor)
      const covers = available >= want - slack
      const take = covers ? want : available
      const pay = covers ? Math.min(left, toPayment(want).minor) : left
      if (take <= 0 || pay <= 0) continue
      parts.push({
        callId: call.id,
        call: money(take, call.currency),
        payment: money(pay, amount.currency),
      })
      left -= pay
    }
    return parts
  }
}
