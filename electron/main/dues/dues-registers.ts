import type { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { CurrencyCode } from '@shared/money/currencies'
import { MEMBER_KINDS } from '@shared/members/schema'
import {
  DUES_METHODS,
  bandInput,
  overrideInput,
  paymentInput,
  scaleInput,
  singleCallInput,
} from '@shared/dues/schema'
import { fixedParity } from '@shared/money/exchange'
import type { Session } from '../app/session'
import { fieldFailure } from '../failure'
import { duesCalls, duesPayments } from './dues-accounts'
import {
  type ImportOutcome,
  type Memo,
  type Register,
  keyedAmounts,
  keyedAmountsText,
  bulkWrites,
  oneByOne,
  known,
  recordAllOnce,
  normalAmount,
  amountText,
  keyOf,
} from '../workbook/register'
import { withMemberId, MEMBER_COLUMN } from '../workbook/references'

export const calls: Register<z.output<typeof singleCallInput>> = {
  key: 'calls',
  sheet: 'workbook.sheet.calls',
  columns: [
    { field: 'number', heading: 'dues.calls.number', kind: 'text', required: true },
    MEMBER_COLUMN,
    { field: 'year', heading: 'dues.year', kind: 'integer', required: true },
    { field: 'calledOn', heading: 'workbook.column.calledOn', kind: 'date', required: true },
    { field: 'dueOn', heading: 'dues.calls.dueOn', kind: 'date', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'dues.calls.amount', kind: 'amount', required: true },
    { field: 'basis', heading: 'dues.calls.basis', kind: 'text', required: true },
  ],
  schema: singleCallInput,
  identity: (row) => String(row.number ?? '').toLowerCase(),
  toInput: withMemberId,
  // Read from the table: what was paid of each call is the payments' business, not this sheet's.
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('dues_calls as c')
        .innerJoin('members as m', 'm.id', 'c.member_id')
        .select(['c.number', 'm.code', 'c.year', 'c.called_on', 'c.due_on', 'c.currency'])
        .select(['c.amount_minor', 'c.basis'])
        .where('c.deleted_at', 'is', null)
        .where('c.cancelled_on', 'is', null)
        .orderBy('c.year')
        .orderBy('c.called_on')
        .orderBy('c.number')
        .execute()
    ).map((c) => ({
      number: c.number,
      member: c.code,
      year: c.year,
      calledOn: c.called_on,
      dueOn: c.due_on,
      currency: c.currency,
      amount: amountText(c.amount_minor, c.currency),
      basis: c.basis,
    })),
  apply: async (session, input, author, memo) => {
    const byNumber = await callNumbers(session, memo)
    const key = (input.number ?? '').toLowerCase()
    if (key && byNumber.has(key)) return 'unchanged'
    await session.duesCalls.addCall(input, author)
    byNumber.set(key, key)
    return 'created'
  },
  // A sheet's calls at once: those the file holds left, the others written together.
  applyAll: async (session, inputs, author, memo, at) => {
    // A call without a number is numbered by the core, one after the other: row by row.
    if (inputs.some((input) => !input.number))
      return oneByOne(calls.apply, session, inputs, author, memo, at)
    return recordAllOnce(
      memo,
      'calls',
      () => heldNumbers(session),
      inputs as (z.output<typeof singleCallInput> & { number: string })[],
      (input) => input.number,
      (added, written) => session.duesCalls.addCalls(added, author, written),
      at,
    )
  },
}

/** The numbers of the calls the file holds, read once an import (and kept current by it). */
function callNumbers(session: Session, memo: Memo) {
  return known(
    memo,
    'calls',
    () => heldNumbers(session),
    (number) => number,
  )
}

async function heldNumbers(session: Session): Promise<string[]> {
  return (await duesCalls(session.file.db)).map((c) => c.number)
}

/** One band of a year's dues scale; a year's bands are known by their kind and lowest population. */
type BandRow = z.output<typeof bandInput> & { year: number }

const bandRowInput = bandInput.extend({ year: scaleInput.shape.year })

export const scale: Register<BandRow> = {
  key: 'scale',
  sheet: 'workbook.sheet.scale',
  columns: [
    { field: 'year', heading: 'dues.year', kind: 'integer', required: true },
    {
      field: 'memberKind',
      heading: 'dues.scale.kind',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_KINDS, label: (code) => `members.kind.${code}` as MessageKey },
    },
    {
      field: 'populationFrom',
      heading: 'workbook.column.populationFrom',
      kind: 'integer',
      required: true,
    },
    { field: 'populationTo', heading: 'workbook.column.populationTo', kind: 'integer' },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'dues.scale.amount', kind: 'amount', required: true },
    { field: 'label', heading: 'dues.scale.label', kind: 'text', required: true },
  ],
  schema: bandRowInput,
  identity: (row) => keyOf(row.year, row.memberKind, row.populationFrom),
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('dues_bands')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('year')
        .orderBy('member_kind')
        .orderBy('population_from')
        .execute()
    ).map((b) => ({
      year: b.year,
      memberKind: b.member_kind,
      populationFrom: b.population_from,
      populationTo: b.population_to,
      currency: b.currency,
      amount: amountText(b.amount_minor, b.currency),
      label: b.label,
    })),
  // A year's scale is saved whole: the row's band is added to (or replaces its own in) the
  // year's bands as they stand.
  apply: async (session, { year, ...band }, author) => {
    const current = (await session.duesScale.get(year)).bands.map((b) => ({
      memberKind: b.memberKind,
      populationFrom: b.populationFrom,
      populationTo: b.populationTo,
      amount: amountText(b.amount, b.currency),
      currency: b.currency,
      label: b.label,
    }))
    const index = current.findIndex(
      (b) => b.memberKind === band.memberKind && b.populationFrom === band.populationFrom,
    )
    const same = current[index]
    if (
      same &&
      same.populationTo === band.populationTo &&
      same.currency === band.currency &&
      normalAmount(same.amount, same.currency) === normalAmount(band.amount, band.currency) &&
      same.label === band.label
    ) {
      return 'unchanged'
    }
    const bands = index >= 0 ? current.map((b, i) => (i === index ? band : b)) : [...current, band]
    await session.duesScale.save({ year, bands }, author)
    return index >= 0 ? 'updated' : 'created'
  },
}

/** A member's particular amount for a year, with its reason: one per member and year. */
export const overrides: Register<z.output<typeof overrideInput>> = {
  key: 'overrides',
  sheet: 'workbook.sheet.overrides',
  columns: [
    MEMBER_COLUMN,
    { field: 'year', heading: 'dues.year', kind: 'integer', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'dues.scale.amount', kind: 'amount', required: true },
    { field: 'reason', heading: 'dues.scale.overrideReason', kind: 'text', required: true },
  ],
  schema: overrideInput,
  identity: (row) => `${String(row.member ?? '')}|${String(row.year ?? '')}`.toLowerCase(),
  toInput: withMemberId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('dues_overrides as o')
        .innerJoin('members as m', 'm.id', 'o.member_id')
        .select(['m.code', 'o.year', 'o.currency', 'o.amount_minor', 'o.reason'])
        .where('o.deleted_at', 'is', null)
        .orderBy('o.year')
        .orderBy('m.code')
        .execute()
    ).map((o) => ({
      member: o.code,
      year: o.year,
      currency: o.currency,
      amount: amountText(o.amount_minor, o.currency),
      reason: o.reason,
    })),
  apply: async (session, input, author) => {
    const held = (await session.duesScale.get(input.year)).overrides.find(
      (o) => o.memberId === input.memberId,
    )
    if (
      held &&
      held.currency === input.currency &&
      normalAmount(amountText(held.amount, held.currency), held.currency) ===
        normalAmount(input.amount, input.currency) &&
      held.reason === input.reason
    ) {
      return 'unchanged'
    }
    await session.duesScale.setOverride(input, author)
    return held ? 'updated' : 'created'
  },
}

/** A payment with the calls it settled, by number: "AC-2024-0012 : 150000 ; …". */
const paymentRowInput = paymentInput.omit({ settle: true }).safeExtend({ settles: keyedAmounts })

export const payments: Register<z.output<typeof paymentRowInput>> = {
  key: 'payments',
  sheet: 'workbook.sheet.payments',
  // The calls it settled, by number, in one cell.
  references: ['calls'],
  columns: [
    MEMBER_COLUMN,
    {
      field: 'kind',
      heading: 'dues.payments.kind',
      kind: 'choice',
      required: true,
      choices: {
        codes: ['dues', 'voluntary'],
        label: (code) => `dues.payments.kind_${code}` as MessageKey,
      },
    },
    { field: 'receivedOn', heading: 'dues.payments.receivedOn', kind: 'date', required: true },
    { field: 'payer', heading: 'dues.payments.payer', kind: 'text' },
    { field: 'currency', heading: 'dues.payments.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'dues.payments.amount', kind: 'amount', required: true },
    { field: 'rate', heading: 'workbook.column.rate', kind: 'rate' },
    {
      field: 'method',
      heading: 'dues.payments.method',
      kind: 'choice',
      required: true,
      choices: {
        codes: DUES_METHODS,
        label: (code) => `dues.payments.method_${code}` as MessageKey,
      },
    },
    { field: 'bankReference', heading: 'dues.payments.bankReference', kind: 'text' },
    { field: 'note', heading: 'dues.payments.note', kind: 'text' },
    { field: 'settles', heading: 'workbook.column.settles', kind: 'text' },
  ],
  schema: paymentRowInput,
  order: (a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)),
  identity: (row) =>
    keyOf(row.member, row.receivedOn, row.amount, row.currency, row.bankReference ?? ''),
  toInput: withMemberId,
  // Read from the tables: each payment with the calls it settled, so that the import settles
  // the same ones (the oldest first when a workbook leaves the column empty).
  rows: async (session) => {
    const settled = new Map<string, { key: string; amount: string }[]>()
    for (const s of await session.file.db
      .selectFrom('dues_settlements as s')
      .innerJoin('dues_calls as c', 'c.id', 's.call_id')
      .select(['s.payment_id', 'c.number', 's.call_amount_minor', 'c.currency'])
      .where('s.deleted_at', 'is', null)
      .orderBy('s.created_at')
      .execute()) {
      const ofPayment = settled.get(s.payment_id) ?? []
      ofPayment.push({
        key: s.number,
        amount: amountText(s.call_amount_minor, s.currency),
      })
      settled.set(s.payment_id, ofPayment)
    }
    return (
      await session.file.db
        .selectFrom('dues_payments as p')
        .innerJoin('members as m', 'm.id', 'p.member_id')
        .selectAll('p')
        .select('m.code')
        .where('p.deleted_at', 'is', null)
        .orderBy('p.received_on')
        .orderBy('p.created_at')
        .execute()
    ).map((p) => {
      const currency = p.currency as CurrencyCode
      return {
        member: p.code,
        kind: p.kind,
        receivedOn: p.received_on,
        payer: p.payer,
        currency,
        amount: amountText(p.amount_minor, currency),
        // The rate the payment was converted at, so that its euro value comes back the same.
        rate: currency === 'EUR' || fixedParity(currency) ? null : p.rate,
        method: p.method,
        bankReference: p.bank_reference,
        note: p.note,
        settles: keyedAmountsText(settled.get(p.id) ?? []),
      }
    })
  },
  ...bulkWrites(writePayments),
}

/** What finds a payment again: its member, day, amount, currency and bank reference. */
function paymentKey(
  memberId: string,
  receivedOn: string,
  amount: string,
  currency: CurrencyCode,
  bank: string | null,
): string {
  return `${memberId}|${receivedOn}|${normalAmount(amount, currency)}|${currency}|${bank ?? ''}`.toLowerCase()
}

/**
 * Writes the payments the file does not hold yet in one go, in date order, each settling the
 * calls its row names — or the oldest first, when those are the member's oldest open calls in
 * order (what the payment did when it was recorded, to the same rounding).
 */
async function writePayments(
  session: Session,
  rows: z.output<typeof paymentRowInput>[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  const inputs = []
  for (const [index, { settles, ...input }] of rows.entries()) {
    at(index)
    inputs.push({ ...input, settle: await settlementsOf(session, memo, settles) })
  }
  return recordAllOnce(
    memo,
    'payments',
    async () =>
      (await duesPayments(session.file.db)).map((p) =>
        paymentKey(
          p.memberId,
          p.receivedOn,
          amountText(p.amount, p.currency),
          p.currency,
          p.bankReference,
        ),
      ),
    inputs,
    (p) => paymentKey(p.memberId, p.receivedOn, p.amount, p.currency, p.bankReference),
    (added, atAdded) =>
      session.duesPayments.addMany(added, author, { at: atAdded, oldestFirstWhenInOrder: true }),
    at,
  )
}

/** The calls a payment settles, named by number, as the payment's input names them by id. */
async function settlementsOf(
  session: Session,
  memo: Memo,
  settles: readonly { key: string; amount: string }[],
): Promise<{ callId: string; amount: string }[] | null> {
  if (settles.length === 0) return null
  const calls = await known(
    memo,
    'callIds',
    () => session.file.db.selectFrom('dues_calls').select(['id', 'number']).execute(),
    (call) => call.number,
  )
  return settles.map(({ key, amount }) => {
    const call = calls.get(key.toLowerCase())
    if (!call) throw fieldFailure('VALIDATION', 'settles', 'workbook.unknownCall', { number: key })
    return { callId: call.id, amount }
  })
}
