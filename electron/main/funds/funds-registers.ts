import { z } from 'zod'
import { optionalIsoDate } from '@shared/validation/dates'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import {
  EARMARKINGS,
  HEADING_ROLES,
  type HeadingRole,
  NATURES,
  REPORT_KINDS,
  REPORT_STATUSES,
  agreementInput,
  amendmentInput,
  headingsInput,
  instalmentInput,
  otherIncomeInput,
  rateInput,
  receiptInput,
  reportInput,
} from '@shared/funds/schema'
import { RATE_GIVEN } from './receipts-service'
import type { CurrencyCode } from '@shared/money/currencies'
import {
  type Register,
  ARCHIVED_ON,
  known,
  recordOnce,
  same,
  percentOf,
  normalAmount,
  amountText,
  keyOf,
} from '../workbook/register'
import {
  agreementAsFound,
  agreementsByReference,
  AGREEMENT_COLUMN,
  withAgreementId,
} from '../workbook/references'
import { perAgreement } from '../workbook/register-reader'

export const rates: Register<z.output<typeof rateInput>> = {
  key: 'rates',
  sheet: 'workbook.sheet.rates',
  columns: [
    { field: 'currency', heading: 'rates.currency', kind: 'currency', required: true },
    { field: 'rateDate', heading: 'rates.rateDate', kind: 'date', required: true },
    { field: 'rate', heading: 'rates.rate', kind: 'rate', required: true },
    { field: 'source', heading: 'rates.source', kind: 'text', required: true },
  ],
  schema: rateInput,
  identity: (row) => `${String(row.currency)}|${String(row.rateDate)}`,
  // The rates typed in (the bank's); the ECB's and InforEuro's come from their own files.
  rows: async (session) =>
    (await session.rates.list(undefined, 'bank'))
      .filter((r) => !r.fixed)
      .map((r) => ({ currency: r.currency, rateDate: r.rateDate, rate: r.rate, source: r.source })),
  apply: async (session, input, author, memo) => {
    const byDay = await known(
      memo,
      'rates',
      async () => (await session.rates.list(undefined, 'bank')).filter((r) => !r.fixed),
      (r) => `${r.currency}|${r.rateDate}`,
    )
    const key = `${input.currency}|${input.rateDate}`.toLowerCase()
    const existing = byDay.get(key)
    if (existing && existing.rate === input.rate && existing.source === input.source)
      return 'unchanged'
    if (existing) await session.rates.archive(existing.id, author)
    byDay.set(key, await session.rates.add(input, author))
    return existing ? 'updated' : 'created'
  },
}

export const agreements: Register<z.output<typeof agreementInput>> = {
  key: 'agreements',
  sheet: 'workbook.sheet.agreements',
  columns: [
    { field: 'reference', heading: 'agreements.field.reference', kind: 'text', required: true },
    {
      field: 'funder',
      heading: 'agreements.field.funder',
      kind: 'reference',
      required: true,
      references: 'funders',
    },
    { field: 'title', heading: 'agreements.field.title', kind: 'text', required: true },
    { field: 'signedOn', heading: 'agreements.field.signedOn', kind: 'date' },
    { field: 'startsOn', heading: 'agreements.field.startsOn', kind: 'date', required: true },
    { field: 'endsOn', heading: 'agreements.field.endsOn', kind: 'date', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'agreements.field.amount', kind: 'amount', required: true },
    {
      field: 'earmarking',
      heading: 'agreements.field.earmarking',
      kind: 'choice',
      required: true,
      choices: {
        codes: EARMARKINGS,
        label: (code) => `agreements.earmarking.${code}` as MessageKey,
      },
    },
    {
      field: 'programmeCode',
      heading: 'agreements.field.programmeCode',
      kind: 'reference',
      references: 'programmes',
    },
    { field: 'programme', heading: 'agreements.field.programme', kind: 'text' },
    {
      field: 'nature',
      heading: 'agreements.field.nature',
      kind: 'choice',
      required: true,
      choices: { codes: NATURES, label: (code) => `agreements.nature.${code}` as MessageKey },
    },
    { field: 'operatingSharePercent', heading: 'agreements.field.operatingShare', kind: 'percent' },
    { field: 'cofinancingPercent', heading: 'agreements.field.cofinancing', kind: 'percent' },
    {
      field: 'indirectCostMaxPercent',
      heading: 'agreements.field.indirectCostMax',
      kind: 'percent',
    },
    { field: 'notes', heading: 'agreements.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: agreementInput,
  identity: (row) => String(row.reference ?? '').toLowerCase(),
  name: (row) => String(row.reference ?? ''),
  toInput: async ({ funder, programmeCode, ...row }, resolve) => ({
    ...row,
    funderId: (await resolve('funders', String(funder ?? ''))) ?? '',
    programmeCode: programmeCode ? await resolve('programmes', String(programmeCode)) : null,
  }),
  rows: async (session, reader) => {
    const programmeName = await reader.programmeNames()
    return (await session.agreements.list({ includeArchived: true })).map((a) => ({
      reference: a.reference,
      funder: a.funderName,
      title: a.title,
      signedOn: a.signedOn,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      currency: a.currency,
      amount: amountText(a.initialAmount, a.currency),
      earmarking: a.earmarking,
      programmeCode: programmeName(a.programmeCode),
      programme: a.programme,
      nature: a.nature,
      operatingSharePercent: percentOf(a.operatingShareBp),
      cofinancingPercent: percentOf(a.cofinancingBp),
      indirectCostMaxPercent: percentOf(a.indirectCostMaxBp),
      notes: a.notes,
      archivedOn: a.archivedAt?.slice(0, 10) ?? null,
    }))
  },
  apply: async (session, input, author, memo) => {
    const byReference = await agreementsByReference(session, memo)
    const key = input.reference.toLowerCase()
    const existing = byReference.get(key)
    if (!existing) {
      byReference.set(key, await session.agreements.create(input, author))
      return 'created'
    }
    // An archived agreement is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt) return 'unchanged'
    const current = {
      funderId: existing.funderId,
      reference: existing.reference,
      title: existing.title,
      signedOn: existing.signedOn,
      startsOn: existing.startsOn,
      endsOn: existing.endsOn,
      currency: existing.currency,
      amount: amountText(existing.initialAmount, existing.currency),
      earmarking: existing.earmarking,
      programmeCode: existing.programmeCode,
      programme: existing.programme,
      nature: existing.nature,
      operatingSharePercent: existing.operatingShareBp,
      cofinancingPercent: existing.cofinancingBp,
      indirectCostMaxPercent: existing.indirectCostMaxBp,
      notes: existing.notes,
    }
    if (same(current, { ...input, amount: normalAmount(input.amount, existing.currency) }))
      return 'unchanged'
    byReference.set(key, await session.agreements.update(existing.id, input, author))
    return 'updated'
  },
  archive: async (session, id, author) => {
    await session.agreements.archive(id, author)
  },
}

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

export const amendments: Register<z.output<typeof amendmentInput>> = {
  key: 'amendments',
  sheet: 'workbook.sheet.amendments',
  columns: [
    AGREEMENT_COLUMN,
    { field: 'signedOn', heading: 'agreements.amendment.signedOn', kind: 'date', required: true },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    {
      field: 'amountChange',
      heading: 'workbook.column.amountChange',
      kind: 'amount',
      required: true,
    },
    { field: 'newEndsOn', heading: 'agreements.amendment.newEndsOn', kind: 'date' },
    { field: 'note', heading: 'agreements.amendment.note', kind: 'text' },
  ],
  schema: amendmentInput,
  identity: (row) => keyOf(row.agreement, row.signedOn, row.amountChange),
  toInput: withAgreementId,
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.amendments.map((a) => ({
        agreement: detail.reference,
        signedOn: a.signedOn,
        currency: detail.currency,
        amountChange: amountText(a.amountChange, detail.currency),
        newEndsOn: a.newEndsOn,
        note: a.note,
      })),
    ),
  apply: async (session, input, author, memo) => {
    const detail = await agreementAsFound(session, memo, input.agreementId)
    const identity = (signedOn: string, amount: string) =>
      `${signedOn}|${normalAmount(amount, detail.currency)}`
    return recordOnce(
      memo,
      `amendments:${detail.id}`,
      async () =>
        detail.amendments.map((a) =>
          identity(a.signedOn, amountText(a.amountChange, detail.currency)),
        ),
      identity(input.signedOn, input.amountChange),
      () => session.agreements.addAmendment(input, author),
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

/** One of an agreement's donor headings, known by its agreement and code. */
const headingRowInput = z.strictObject({
  agreementId: headingsInput.shape.agreementId,
  ...headingsInput.shape.headings.element.shape,
})

/** Direct costs first (the caps are shares of them); the others in the workbook's order. */
const HEADING_ORDER: Record<HeadingRole, number> = { direct: 0, contingency: 1, indirect: 1 }

export const headings: Register<z.output<typeof headingRowInput>> = {
  key: 'headings',
  sheet: 'workbook.sheet.headings',
  columns: [
    AGREEMENT_COLUMN,
    { field: 'code', heading: 'headings.code', kind: 'text', required: true },
    { field: 'label', heading: 'headings.label', kind: 'text', required: true },
    {
      field: 'role',
      heading: 'headings.role',
      kind: 'choice',
      required: true,
      choices: { codes: HEADING_ROLES, label: (code) => `headings.roles.${code}` as MessageKey },
    },
    { field: 'currency', heading: 'agreements.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
  ],
  schema: headingRowInput,
  identity: (row) => `${String(row.agreement ?? '')}|${String(row.code ?? '')}`.toLowerCase(),
  toInput: withAgreementId,
  // Direct costs first: the caps of indirect costs and contingency are shares of them.
  order: (a, b) =>
    String(a.agreement).localeCompare(String(b.agreement)) ||
    HEADING_ORDER[a.role as HeadingRole] - HEADING_ORDER[b.role as HeadingRole],
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('agreement_headings as h')
        .innerJoin('agreements as a', 'a.id', 'h.agreement_id')
        .select(['a.reference', 'a.currency', 'h.code', 'h.label', 'h.role', 'h.amount_minor'])
        .where('h.deleted_at', 'is', null)
        .orderBy('a.reference')
        .orderBy('h.position')
        .execute()
    ).map((h) => ({
      agreement: h.reference,
      code: h.code,
      label: h.label,
      role: h.role,
      currency: h.currency,
      amount: amountText(h.amount_minor, h.currency),
    })),
  // An agreement's headings are saved whole: the row's heading is added to (or replaces its
  // own in) the agreement's headings as they stand.
  apply: async (session, { agreementId, ...heading }, author) => {
    const detail = await session.agreements.get(agreementId)
    const current = (await session.terms.budget(agreementId)).headings.map((h) => ({
      code: h.code,
      label: h.label,
      role: h.role,
      amount: amountText(h.amount, detail.currency),
    }))
    const index = current.findIndex((h) => h.code.toLowerCase() === heading.code.toLowerCase())
    const same = current[index]
    if (
      same &&
      same.label === heading.label &&
      same.role === heading.role &&
      normalAmount(same.amount, detail.currency) === normalAmount(heading.amount, detail.currency)
    ) {
      return 'unchanged'
    }
    const lines =
      index >= 0 ? current.map((h, i) => (i === index ? heading : h)) : [...current, heading]
    await session.terms.saveHeadings(agreementId, lines, author)
    return index >= 0 ? 'updated' : 'created'
  },
}

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
