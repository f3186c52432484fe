import type { z } from 'zod'
import { type Insertable, type Transaction, sql } from 'kysely'
import type { RecordValues, RecordWriter } from '../changelog/record-writer'
import { readOnce } from '../db/read-once'
import type { Database, DuesSettlementsTable } from '../db/schema'
import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { type LedgerEntryInput, postEntries, reverseEntriesOf } from '../funds/ledger'
import { withReason } from '../funds/receipts-service'
import { readAmount } from '../funds/money-input'
import { requireMember } from '../members/members-service'
import type { DuesCall, DuesPayment, paymentInput } from '@shared/dues/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { convert, parseRate, toEuro } from '@shared/money/exchange'
import { type Money, money } from '@shared/money/money'
import { allocate } from '@shared/money/split'
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
    const id = await this.file.write(author, async (writer) => {
      const [paymentId] = await this.write(writer, [
        await this.prepare(new PaymentContext(writer.trx), fields),
      ])
      return paymentId ?? ''
    })
    const [payment] = await duesPayments(this.file.db, { ids: [id] })
    if (!payment) throw new AppFailure('NOT_FOUND')
    return payment
  }

  /**
   * Records many payments in one transaction (an import, the demo): all or none. Members, rates
   * and each member's open calls are read once and kept current by the payments themselves; the
   * records are written a few hundred per statement. `at` is told which payment is being
   * checked, so that a refusal can name it. With `oldestFirstWhenInOrder` (an import), a payment
   * whose chosen calls are the member's oldest open calls in order, all but the last in full,
   * settles the oldest first — what it did when it was recorded, to the same rounding.
   */
  async addMany(
    all: readonly PaymentFields[],
    author: string,
    options: { at?: (index: number) => void; oldestFirstWhenInOrder?: boolean } = {},
  ): Promise<number> {
    return this.file.write(author, async (writer) => {
      const context = new PaymentContext(writer.trx)
      await context.readAll(all.map((fields) => fields.memberId))
      const prepared: PreparedPayment[] = []
      for (const [index, fields] of all.entries()) {
        options.at?.(index)
        const settle =
          options.oldestFirstWhenInOrder && fields.settle
            ? await context.unlessOldestFirst(fields.memberId, fields.settle)
            : fields.settle
        prepared.push(await this.prepare(context, { ...fields, settle }))
      }
      return (await this.write(writer, prepared, options.at)).length
    })
  }

  /** Checks a payment and works out what it settles, against the calls as the context has them. */
  private async prepare(context: PaymentContext, fields: PaymentFields): Promise<PreparedPayment> {
    const member = await context.member(fields.memberId)
    if (member.deleted_at) throw fieldFailure('CONFLICT', 'memberId', 'errors.memberArchived')
    const amount = readAmount(fields.amount, fields.currency, 'amount')
    if (fields.rate && amount.currency !== 'EUR' && !parseRate(fields.rate)) {
      throw fieldFailure('VALIDATION', 'rate', 'validation.rate')
    }
    const rate =
      fields.rate && amount.currency !== 'EUR'
        ? fields.rate
        : await this.rateOn(context, amount.currency, fields.receivedOn, 'currency')
    const eur = toEuro(amount, rate)
    // A voluntary contribution settles no call: choosing calls for it is a mistake, said.
    if (fields.kind === 'voluntary' && fields.settle?.length) {
      throw fieldFailure('VALIDATION', 'settle', 'errors.settleVoluntary')
    }
    const parts =
      fields.kind === 'dues' ? await this.settlements(context, member.id, amount, rate, fields) : []
    const eurParts = allocate(eur, [
      ...parts.map((p) => p.payment.minor),
      amount.minor - parts.reduce((sum, p) => sum + p.payment.minor, 0),
    ])
    return {
      values: {
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
      },
      entry: {
        entryDate: fields.receivedOn,
        kind: 'due_payment',
        fundClass: 'untied',
        agreementId: null,
        nature: null,
        amount,
        eurMinor: eur.minor,
        rate,
        bankAccountId: fields.bankAccountId,
      },
      settlements: parts.map((part, index) => ({
        call_id: part.callId,
        call_amount_minor: part.call.minor,
        payment_amount_minor: part.payment.minor,
        eur_minor: eurParts[index]?.minor ?? 0,
      })),
    }
  }

  /** Writes prepared payments with their ledger entries and settlements; returns their ids. */
  private async write(
    writer: RecordWriter,
    prepared: readonly PreparedPayment[],
    at?: (index: number) => void,
  ) {
    const ids = await writer.insertMany(
      'dues_payments',
      prepared.map((p) => p.values),
    )
    const idIndex = new Map(ids.map((id, index) => [id, index]))
    await postEntries(
      writer,
      prepared.map((p, index) => ({
        ...p.entry,
        source: { table: 'dues_payments', id: ids[index] ?? '' },
      })),
      at && { recordOf: (entry) => idIndex.get(entry.source.id) ?? 0, at },
    )
    await writer.insertMany(
      'dues_settlements',
      prepared.flatMap((p, index) =>
        p.settlements.map((settlement) => ({ ...settlement, payment_id: ids[index] ?? '' })),
      ),
    )
    return ids
  }

  /**
   * Cancels a payment recorded by mistake: its settlements go, its ledger entry is reversed with
   * the reason given (kept on the reversing entry, and added to its note).
   */
  async cancel(id: string, reason: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const payment = await writer.trx
        .selectFrom('dues_payments')
        .select(['member_id', 'deleted_at', 'note'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!payment) throw new AppFailure('NOT_FOUND')
      if (payment.deleted_at) return payment.member_id
      if (reason) {
        await writer.update('dues_payments', id, { note: withReason(payment.note, reason) })
      }
      const settlements = await writer.trx
        .selectFrom('dues_settlements')
        .select('id')
        .where('payment_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute()
      for (const s of settlements) await writer.archive('dues_settlements', s.id)
      await writer.archive('dues_payments', id)
      await reverseEntriesOf(writer, { table: 'dues_payments', id }, reason)
      return payment.member_id
    })
  }

  private async rateOn(
    context: PaymentContext,
    currency: CurrencyCode,
    day: string,
    field: string,
  ) {
    const applied = await readOnce(context.rates, `${currency}|${day}`, () =>
      this.rates.rateOn(currency, day, context.db),
    )
    if (!applied)
      throw fieldFailure('VALIDATION', field, 'errors.noRate', { currency, date: { day } })
    return applied.rate
  }

  /**
   * What the payment settles: each call (oldest first, or those chosen) takes what it still
   * owes or what is left of the payment, converted at the day's rates. A difference smaller than
   * the payment currency's smallest unit, made by the conversion, does not leave a call open.
   */
  private async settlements(
    context: PaymentContext,
    memberId: string,
    amount: Money,
    paymentRate: string,
    fields: PaymentFields,
  ) {
    const open = (await context.calls(memberId)).filter((c) => c.outstanding > 0)
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
      if (!call) break
      // A call chosen that the payment cannot reach is refused, never settled less in silence.
      if (left <= 0 && limit !== null) throw beyondPayment(index, 0, amount.currency)
      if (left <= 0) break
      const callRate = await this.rateOn(context, call.currency, fields.receivedOn, 'receivedOn')
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
      if (!covers && limit !== null) throw beyondPayment(index, left, amount.currency)
      const take = covers ? want : available
      const pay = covers ? Math.min(left, toPayment(want).minor) : left
      if (take <= 0 || pay <= 0) continue
      parts.push({
        callId: call.id,
        call: money(take, call.currency),
        payment: money(pay, amount.currency),
      })
      // Kept current for the next payment of the same action.
      call.outstanding -= take
      left -= pay
    }
    return parts
  }
}

/** A chosen amount larger than what is left of the payment once the calls before it settled. */
function beyondPayment(index: number, left: number, currency: CurrencyCode) {
  return fieldFailure('CONFLICT', `settle.${index}.amount`, 'errors.settleAbovePayment', {
    left: money(left, currency),
  })
}

/** A payment checked: its record, its ledger entry and its settlements, before their ids. */
interface PreparedPayment {
  values: RecordValues
  entry: Omit<LedgerEntryInput, 'source'>
  settlements: Omit<
    Insertable<DuesSettlementsTable>,
    'payment_id' | 'id' | 'created_at' | 'updated_at' | 'deleted_at'
  >[]
}

/**
 * What one action recording payments reads once: the members, the day's rates, and each
 * member's calls — kept current as payments settle them.
 */
class PaymentContext {
  readonly rates = new Map<string, Promise<{ rate: string } | null>>()
  private readonly members = new Map<string, Promise<Awaited<ReturnType<typeof requireMember>>>>()
  private readonly open = new Map<string, Promise<DuesCall[]>>()

  constructor(readonly db: Transaction<Database>) {}

  member(id: string) {
    return readOnce(this.members, id, () => requireMember(this.db, id))
  }

  calls(memberId: string) {
    return readOnce(this.open, memberId, () => duesCalls(this.db, { memberId }))
  }

  /**
   * Reads the members and calls of many payments in two statements (an import's thousand
   * payments, not two reads per member): as {@link member} and {@link calls} would read them
   * one by one, as nothing is written before the payments are prepared. A member not found is
   * left to {@link member}, which says so.
   */
  async readAll(memberIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(memberIds)].filter((id) => !this.members.has(id))
    if (wanted.length < 2) return
    const list = JSON.stringify(wanted)
    const rows = await this.db
      .selectFrom('members')
      .selectAll()
      .where(sql<boolean>`id IN (SELECT value FROM json_each(${list}))`)
      .execute()
    // In the order a member's own read gives them.
    const callsOf = new Map<string, DuesCall[]>()
    for (const call of await duesCalls(this.db, { memberIds: wanted })) {
      const ofMember = callsOf.get(call.memberId) ?? []
      ofMember.push(call)
      callsOf.set(call.memberId, ofMember)
    }
    for (const row of rows) {
      this.members.set(row.id, Promise.resolve(row))
      this.open.set(row.id, Promise.resolve(callsOf.get(row.id) ?? []))
    }
  }

  /** Null (the oldest first) when the chosen calls are the member's oldest open ones in order. */
  async unlessOldestFirst(
    memberId: string,
    settle: NonNullable<PaymentFields['settle']>,
  ): Promise<PaymentFields['settle']> {
    const open = (await this.calls(memberId)).filter((c) => c.outstanding > 0)
    const inOrder = settle.every((chosen, index) => {
      const call = open[index]
      if (!call || call.id !== chosen.callId) return false
      if (index === settle.length - 1) return true
      return readAmount(chosen.amount, call.currency, 'settle').minor === call.outstanding
    })
    return inOrder ? null : settle
  }
}
