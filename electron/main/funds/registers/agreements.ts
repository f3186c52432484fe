import type { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { EARMARKINGS, NATURES, agreementInput, amendmentInput } from '@shared/funds/schema'
import {
  type Register,
  ARCHIVED_ON,
  recordOnce,
  same,
  percentOf,
  normalAmount,
  amountText,
  keyOf,
} from '../../workbook/register'
import {
  agreementAsFound,
  agreementsByReference,
  AGREEMENT_COLUMN,
  withAgreementId,
  rememberAgreementPage,
} from '../../workbook/references'
import { perAgreement } from '../../workbook/register-reader'

/** The EU / PRAG rules column: « Oui » / « Non »; left empty, an agreement keeps its flag. */
const YES_NO = ['yes', 'no'] as const

export const agreements: Register<z.output<typeof agreementInput>> = {
  key: 'agreements',
  sheet: 'workbook.sheet.agreements',
  // Its currency's rate on the day it starts (the other sheets' money comes after the rates too:
  // theirs are later areas, or after the rates in this one).
  references: ['rates'],
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
    {
      field: 'euRules',
      heading: 'agreements.field.euRules',
      kind: 'choice',
      choices: { codes: YES_NO, label: (code) => `common.${code}` as MessageKey },
    },
    { field: 'notes', heading: 'agreements.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: agreementInput,
  identity: (row) => String(row.reference ?? '').toLowerCase(),
  name: (row) => String(row.reference ?? ''),
  toInput: async ({ funder, programmeCode, euRules, ...row }, resolve) => ({
    ...row,
    euRules: euRules === 'yes' ? true : euRules === 'no' ? false : undefined,
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
      euRules: a.euRules ? 'yes' : 'no',
      notes: a.notes,
      archivedOn: a.archivedAt?.slice(0, 10) ?? null,
    }))
  },
  apply: async (session, input, author, memo) => {
    const byReference = await agreementsByReference(session, memo)
    const key = input.reference.toLowerCase()
    const existing = byReference.get(key)
    if (!existing) {
      const created = await session.agreements.create(input, author)
      byReference.set(key, created)
      rememberAgreementPage(memo, created)
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
      euRules: input.euRules === undefined ? undefined : existing.euRules,
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
