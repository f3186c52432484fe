import type { z } from 'zod'
import { otherIncomeInput, receiptInput } from '@shared/funds/schema'
import { RATE_GIVEN } from '../receipts-service'
import type { CurrencyCode } from '@shared/money/currencies'
import { type Register, recordOnce, normalAmount, amountText, keyOf } from '../../workbook/register'
import { agreementAsFound, AGREEMENT_COLUMN, withAgreementId } from '../../workbook/references'
import { perAgreement } from '../../workbook/register-reader'

export const receipts: Register<z.output<typeof receiptInput>> = {
  key: 'receipts',
  sheet: 'workbook.sheet.receipts',
  columns: [
    AGREEMENT_COLUMN,
    { field: 'receivedOn', heading: 'agreements.receipt.receivedOn', kind: 'date', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
    { field: 'rate', heading: 'workbook.column.rate', kind: 'rate' },
    { field: 'bankReference', heading: 'agreements.receipt.bankReference', kind: 'text' },
    { field: 'note', heading: 'agreements.receipt.note', kind: 'text' },
  ],
  schema: receiptInput,
  identity: (row) => keyOf(row.agreement, row.receivedOn, row.amount, row.bankReference ?? ''),
  toInput: withAgreementId,
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.receipts.map((r) => ({
        agreement: detail.reference,
        receivedOn: r.receivedOn,
        currency: r.currency,
        amount: amountText(r.amount, r.currency),
        rate: r.currency === 'EUR' || r.rateSource !== RATE_GIVEN ? null : r.rate,
        bankReference: r.bankReference,
        note: r.note,
      })),
    ),
  apply: async (session, input, author, memo) => {
    const detail = await agreementAsFound(session, memo, input.agreementId)
    const identity = (receivedOn: string, amount: string, bankReference: string | null) =>
      `${receivedOn}|${normalAmount(amount, detail.currency)}|${bankReference ?? ''}`
    return recordOnce(
      memo,
      `receipts:${detail.id}`,
      async () =>
        detail.receipts.map((r) =>
          identity(r.receivedOn, amountText(r.amount, r.currency), r.bankReference),
        ),
      identity(input.receivedOn, input.amount, input.bankReference),
      () => session.receipts.add(input, author),
    )
  },
}

export const otherIncome: Register<z.output<typeof otherIncomeInput>> = {
  key: 'otherIncome',
  sheet: 'workbook.sheet.otherIncome',
  columns: [
    { field: 'receivedOn', heading: 'otherIncome.receivedOn', kind: 'date', required: true },
    { field: 'label', heading: 'otherIncome.label', kind: 'text', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'otherIncome.amount', kind: 'amount', required: true },
    { field: 'note', heading: 'agreements.receipt.note', kind: 'text' },
  ],
  schema: otherIncomeInput,
  identity: (row) => keyOf(row.receivedOn, row.label, row.amount),
  rows: async (session) =>
    (await session.otherIncome.list()).map((o) => ({
      receivedOn: o.receivedOn,
      label: o.label,
      currency: o.currency,
      amount: amountText(o.amount, o.currency),
      note: o.note,
    })),
  apply: async (session, input, author, memo) => {
    const identity = (receivedOn: string, label: string, amount: string, currency: CurrencyCode) =>
      `${receivedOn}|${label}|${normalAmount(amount, currency)}`.toLowerCase()
    return recordOnce(
      memo,
      'otherIncome',
      async () =>
        (await session.otherIncome.list()).map((o) =>
          identity(o.receivedOn, o.label, amountText(o.amount, o.currency), o.currency),
        ),
      identity(input.receivedOn, input.label, input.amount, input.currency),
      () => session.otherIncome.add(input, author),
    )
  },
}
