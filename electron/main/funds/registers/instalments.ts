import { z } from 'zod'
import { optionalIsoDate } from '@shared/validation/dates'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { REPORT_KINDS, REPORT_STATUSES, instalmentInput, reportInput } from '@shared/funds/schema'
import { type Register, recordOnce, normalAmount, amountText, keyOf } from '../../workbook/register'
import { agreementAsFound, AGREEMENT_COLUMN, withAgreementId } from '../../workbook/references'
import { perAgreement } from '../../workbook/register-reader'

export const instalments: Register<z.output<typeof instalmentInput>> = {
  key: 'instalments',
  sheet: 'workbook.sheet.instalments',
  columns: [
    AGREEMENT_COLUMN,
    { field: 'expectedOn', heading: 'instalments.expectedOn', kind: 'date', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
    { field: 'note', heading: 'agreements.receipt.note', kind: 'text' },
  ],
  schema: instalmentInput,
  identity: (row) => keyOf(row.agreement, row.expectedOn, row.amount),
  toInput: withAgreementId,
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.instalments.map((i) => ({
        agreement: detail.reference,
        expectedOn: i.expectedOn,
        currency: detail.currency,
        amount: amountText(i.amount, detail.currency),
        note: i.note,
      })),
    ),
  apply: async (session, input, author, memo) => {
    const detail = await agreementAsFound(session, memo, input.agreementId)
    const identity = (expectedOn: string, amount: string) =>
      `${expectedOn}|${normalAmount(amount, detail.currency)}`
    return recordOnce(
      memo,
      `instalments:${detail.id}`,
      async () =>
        detail.instalments.map((i) =>
          identity(i.expectedOn, amountText(i.amount, detail.currency)),
        ),
      identity(input.expectedOn, input.amount),
      () => session.terms.addInstalment(input, author),
    )
  },
}

/** A reporting-calendar row: the report due, and how far it is (sent, accepted). */
const calendarRowInput = z
  .strictObject({
    ...reportInput.shape,
    status: z.enum(REPORT_STATUSES, { error: 'validation.choice' }),
    sentOn: optionalIsoDate,
  })
  .refine((r) => !r.periodFrom || !r.periodTo || r.periodTo >= r.periodFrom, {
    error: 'validation.endBeforeStart',
    path: ['periodTo'],
  })

export const calendar: Register<z.output<typeof calendarRowInput>> = {
  key: 'calendar',
  sheet: 'workbook.sheet.calendar',
  columns: [
    AGREEMENT_COLUMN,
    {
      field: 'kind',
      heading: 'reports.kind',
      kind: 'choice',
      required: true,
      choices: { codes: REPORT_KINDS, label: (code) => `reports.kinds.${code}` as MessageKey },
    },
    { field: 'dueOn', heading: 'reports.dueOn', kind: 'date', required: true },
    { field: 'periodFrom', heading: 'reports.periodFrom', kind: 'date' },
    { field: 'periodTo', heading: 'workbook.column.periodTo', kind: 'date' },
    {
      field: 'status',
      heading: 'reports.status',
      kind: 'choice',
      required: true,
      choices: {
        codes: REPORT_STATUSES,
        label: (code) => `reports.statuses.${code}` as MessageKey,
      },
    },
    { field: 'sentOn', heading: 'reports.sentOn', kind: 'date' },
    { field: 'note', heading: 'agreements.receipt.note', kind: 'text' },
  ],
  schema: calendarRowInput,
  identity: (row) => keyOf(row.agreement, row.kind, row.dueOn),
  toInput: withAgreementId,
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.reports.map((r) => ({
        agreement: detail.reference,
        kind: r.kind,
        dueOn: r.dueOn,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        status: r.status,
        sentOn: r.sentOn,
        note: r.note,
      })),
    ),
  apply: async (session, { status, sentOn, ...input }, author, memo) => {
    const detail = await agreementAsFound(session, memo, input.agreementId)
    return recordOnce(
      memo,
      `calendar:${detail.id}`,
      async () => detail.reports.map((r) => `${r.kind}|${r.dueOn}`),
      `${input.kind}|${input.dueOn}`,
      async () => {
        await session.terms.addReport(input, author)
        if (status === 'to_prepare') return
        const added = (await session.terms.reports(input.agreementId)).find(
          (r) => r.kind === input.kind && r.dueOn === input.dueOn,
        )
        if (added) await session.terms.setReportStatus({ id: added.id, status, sentOn }, author)
      },
    )
  },
}
