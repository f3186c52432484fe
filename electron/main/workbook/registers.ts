import { z } from 'zod'
import { optionalIsoDate } from '../../../shared/validation/dates'
import type { Session } from '../app/app-core'
import { countryOptions } from '../../../shared/geo/country-names'
import type { Language } from '../../../shared/i18n/locale'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { translate } from '../../../shared/i18n/translate'
import { FUNDER_KINDS, funderInput } from '../../../shared/funders/schema'
import {
  type AgreementDetail,
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
  reportInput,
  otherIncomeInput,
  rateInput,
  receiptInput,
} from '../../../shared/funds/schema'
import { RATE_GIVEN } from '../funds/receipts-service'
import { type CurrencyCode, minorUnits } from '../../../shared/money/currencies'
import { minorToDecimalString } from '../../../shared/money/decimal'
import { parseAmount } from '../../../shared/money/parse'
import { PROGRAMMES } from '../../../shared/projects/schema'
import { basisPointsToPercent } from '../../../shared/validation/amounts'
import { MEMBER_KINDS, MEMBER_STATUSES, memberInput } from '../../../shared/members/schema'
import {
  DUES_METHODS,
  MEMBER_BODIES,
  bandInput,
  memberContactInput,
  overrideInput,
  memberRoleInput,
  paymentInput,
  scaleInput,
  singleCallInput,
} from '../../../shared/dues/schema'
import { fixedParity } from '../../../shared/money/exchange'
import { duesCalls, duesPayments } from '../dues/dues-accounts'

/** How a column's cells are read and written. */
export type ColumnKind =
  | 'text'
  | 'date'
  | 'integer'
  | 'currency'
  | 'country'
  | 'choice'
  | 'rate'
  | 'amount'
  | 'percent'
  | 'reference'

export interface RegisterColumn {
  /** The field of the contract's input the column fills. */
  field: string
  /** The catalog key of its heading (read in French and English alike). */
  heading: MessageKey
  kind: ColumnKind
  required?: boolean
  /** For a choice: the codes, and the catalog key of each one's label. */
  choices?: { codes: readonly string[]; label: (code: string) => MessageKey }
  /** For a reference: the register whose key the cell names (a funder's name, a reference). */
  references?: RegisterKey
}

export type RegisterKey =
  | 'funders'
  | 'rates'
  | 'members'
  | 'agreements'
  | 'amendments'
  | 'instalments'
  | 'calendar'
  | 'receipts'
  | 'otherIncome'
  | 'calls'
  | 'payments'
  | 'contacts'
  | 'roles'
  | 'scale'
  | 'overrides'
  | 'headings'

/**
 * Finds the record a reference names: its id, or null when neither the file nor the workbook
 * has it. While checking, a record the workbook will create has a stand-in id.
 */
export type Resolve = (register: RegisterKey, key: string) => Promise<string | null>

/** Cell values as exported: text, numbers, or ISO dates (written as Excel dates). */
export type ExportRow = Record<string, string | number | null>
export type ImportOutcome = 'created' | 'updated' | 'unchanged'

/**
 * One register of the file as a sheet of the workbook: its columns, its rows for the export,
 * the key that finds a row's record again on re-import, and how a row is written through the
 * register's service (with the same rules as the window).
 */
export interface Register<Input = Record<string, unknown>> {
  key: RegisterKey
  sheet: MessageKey
  columns: RegisterColumn[]
  /** The contract's schema a row must satisfy, once made an input by `toInput`. */
  schema: z.ZodType<Input>
  /** The contract's input from a row (references made ids); the row itself by default. */
  toInput?: (row: Record<string, unknown>, resolve: Resolve) => Promise<Record<string, unknown>>
  /** The order rows are written in, when it matters (payments settle the oldest calls first). */
  order?: (a: Record<string, unknown>, b: Record<string, unknown>) => number
  /** The row's identity: the same key finds the same record again. */
  identity: (row: Record<string, unknown>) => string
  rows: (session: Session, reader: RegisterReader) => Promise<ExportRow[]>
  apply: (session: Session, input: Input, author: string, memo: Memo) => Promise<ImportOutcome>
  /**
   * For a register whose archived records are exported too (with their {@link ARCHIVED_ON}
   * date): archives a record once the whole workbook is in. Archiving twice changes nothing.
   */
  archive?: (session: Session, id: string, author: string) => Promise<void>
}

/** The column of the day a record was archived, in the registers that export archived records. */
export const ARCHIVED_ON = 'archivedOn'

/**
 * What an import has already looked up, kept for its whole run: each register's records by
 * key, read once and kept current as rows are written (a 50,000-row import must not read a
 * register again for every row).
 */
export type Memo = Map<string, Map<string, unknown>>

export async function known<T>(
  memo: Memo,
  key: string,
  load: () => Promise<T[]>,
  keyOf: (record: T) => string,
): Promise<Map<string, T>> {
  let found = memo.get(key) as Map<string, T> | undefined
  if (!found) {
    found = new Map((await load()).map((record) => [keyOf(record).toLowerCase(), record]))
    memo.set(key, found as Map<string, unknown>)
  }
  return found
}

/**
 * Writes a record the file does not hold yet — a receipt, a payment: records without a key of
 * their own, known by what they say (date, amount, reference) — and leaves one it holds.
 */
export async function recordOnce(
  memo: Memo,
  memoKey: string,
  held: () => Promise<string[]>,
  key: string,
  write: () => Promise<unknown>,
): Promise<ImportOutcome> {
  const recorded = await known(memo, memoKey, held, (k) => k)
  const wanted = key.toLowerCase()
  if (recorded.has(wanted)) return 'unchanged'
  await write()
  recorded.set(wanted, wanted)
  return 'created'
}

/**
 * An agreement's page as the import first found it, read once per import: its child registers
 * use its id and currency, and what it held when the import began.
 */
async function agreementAsFound(
  session: Session,
  memo: Memo,
  id: string,
): Promise<AgreementDetail> {
  let found = memo.get('agreementPages')
  if (!found) {
    found = new Map()
    memo.set('agreementPages', found)
  }
  let detail = found.get(id) as AgreementDetail | undefined
  if (!detail) {
    detail = await session.agreements.get(id)
    found.set(id, detail)
  }
  return detail
}

export const fundersByName = (session: Session, memo: Memo) =>
  known(
    memo,
    'funders',
    () => session.funders.list({ includeArchived: true }),
    (f) => f.name,
  )
export const membersByCode = (session: Session, memo: Memo) =>
  known(
    memo,
    'members',
    () => session.members.list({ includeArchived: true }),
    (m) => m.code,
  )
export const agreementsByReference = (session: Session, memo: Memo) =>
  known(
    memo,
    'agreements',
    () => session.agreements.list({ includeArchived: true }),
    (a) => a.reference,
  )

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(b).every((key) => (a[key] ?? null) === (b[key] ?? null))

const funders: Register<z.output<typeof funderInput>> = {
  key: 'funders',
  sheet: 'workbook.sheet.funders',
  columns: [
    { field: 'name', heading: 'funders.field.name', kind: 'text', required: true },
    { field: 'acronym', heading: 'funders.field.acronym', kind: 'text' },
    {
      field: 'kind',
      heading: 'funders.field.kind',
      kind: 'choice',
      required: true,
      choices: { codes: FUNDER_KINDS, label: (code) => `funders.kind.${code}` as MessageKey },
    },
    { field: 'country', heading: 'funders.field.country', kind: 'country' },
    {
      field: 'defaultCurrency',
      heading: 'funders.field.defaultCurrency',
      kind: 'currency',
      required: true,
    },
    { field: 'contactName', heading: 'funders.field.contactName', kind: 'text' },
    { field: 'contactEmail', heading: 'funders.field.contactEmail', kind: 'text' },
    { field: 'contactPhone', heading: 'funders.field.contactPhone', kind: 'text' },
    { field: 'notes', heading: 'funders.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: funderInput,
  identity: (row) => String(row.name ?? '').toLowerCase(),
  rows: async (session) =>
    (await session.funders.list({ includeArchived: true })).map((f) => ({
      name: f.name,
      acronym: f.acronym,
      kind: f.kind,
      country: f.country,
      defaultCurrency: f.defaultCurrency,
      contactName: f.contactName,
      contactEmail: f.contactEmail,
      contactPhone: f.contactPhone,
      notes: f.notes,
      archivedOn: f.archivedAt?.slice(0, 10) ?? null,
    })),
  apply: async (session, input, author, memo) => {
    const byName = await fundersByName(session, memo)
    const key = input.name.toLowerCase()
    const existing = byName.get(key)
    if (!existing) {
      byName.set(key, await session.funders.create(input, author))
      return 'created'
    }
    // An archived funder is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt || same(existing as unknown as Record<string, unknown>, input))
      return 'unchanged'
    byName.set(key, await session.funders.update(existing.id, input, author))
    return 'updated'
  },
  archive: async (session, id, author) => {
    await session.funders.archive(id, author)
  },
}

const rates: Register<z.output<typeof rateInput>> = {
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
  rows: async (session) =>
    (await session.rates.list())
      .filter((r) => !r.fixed)
      .map((r) => ({ currency: r.currency, rateDate: r.rateDate, rate: r.rate, source: r.source })),
  apply: async (session, input, author, memo) => {
    const byDay = await known(
      memo,
      'rates',
      async () => (await session.rates.list()).filter((r) => !r.fixed),
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

const members: Register<z.output<typeof memberInput>> = {
  key: 'members',
  sheet: 'workbook.sheet.members',
  columns: [
    { field: 'code', heading: 'members.field.code', kind: 'text', required: true },
    {
      field: 'kind',
      heading: 'members.field.kind',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_KINDS, label: (code) => `members.kind.${code}` as MessageKey },
    },
    { field: 'name', heading: 'members.field.name', kind: 'text', required: true },
    { field: 'country', heading: 'members.field.country', kind: 'country' },
    { field: 'population', heading: 'members.field.population', kind: 'integer' },
    { field: 'populationYear', heading: 'members.field.populationYear', kind: 'integer' },
    { field: 'leaderName', heading: 'members.field.leaderName', kind: 'text' },
    { field: 'address', heading: 'members.field.address', kind: 'text' },
    { field: 'email', heading: 'members.field.email', kind: 'text' },
    { field: 'phone', heading: 'members.field.phone', kind: 'text' },
    { field: 'joinedOn', heading: 'members.field.joinedOn', kind: 'date' },
    {
      field: 'status',
      heading: 'members.field.status',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_STATUSES, label: (code) => `members.status.${code}` as MessageKey },
    },
    { field: 'statusOn', heading: 'members.field.statusOn', kind: 'date' },
    { field: 'statusReason', heading: 'members.field.statusReason', kind: 'text' },
    { field: 'notes', heading: 'members.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: memberInput,
  identity: (row) => String(row.code ?? '').toLowerCase(),
  // Read from the table: the register needs no dues figures, which the members' list computes.
  rows: async (session) =>
    (await session.file.db.selectFrom('members').selectAll().orderBy('name').execute()).map(
      (m) => ({
        code: m.code,
        kind: m.kind,
        name: m.name,
        country: m.country,
        population: m.population,
        populationYear: m.population_year,
        leaderName: m.leader_name,
        address: m.address,
        email: m.email,
        phone: m.phone,
        joinedOn: m.joined_on,
        status: m.status,
        statusOn: m.status_on,
        statusReason: m.status_reason,
        notes: m.notes,
        archivedOn: m.deleted_at?.slice(0, 10) ?? null,
      }),
    ),
  apply: async (session, input, author, memo) => {
    const byCode = await membersByCode(session, memo)
    const code = (input.code ?? '').toLowerCase()
    const existing = byCode.get(code)
    // The region follows the country unless the file says otherwise; the sheet does not carry it.
    const fields = { ...input, region: existing?.region ?? null }
    if (!existing) {
      byCode.set(code, await session.members.create(fields, author))
      return 'created'
    }
    // An archived member is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt || same(existing as unknown as Record<string, unknown>, fields))
      return 'unchanged'
    byCode.set(code, await session.members.update(existing.id, fields, author))
    return 'updated'
  },
  archive: async (session, id, author) => {
    await session.members.archive(id, author)
  },
}

/** The agreement a row belongs to, named by its reference. */
const AGREEMENT_COLUMN: RegisterColumn = {
  field: 'agreement',
  heading: 'workbook.column.agreement',
  kind: 'reference',
  required: true,
  references: 'agreements',
}

const agreements: Register<z.output<typeof agreementInput>> = {
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
      kind: 'choice',
      choices: { codes: PROGRAMMES, label: (code) => `projects.programme.${code}` as MessageKey },
    },
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
  toInput: async ({ funder, ...row }, resolve) => ({
    ...row,
    programme: null,
    funderId: (await resolve('funders', String(funder ?? ''))) ?? '',
  }),
  rows: async (session) =>
    (await session.agreements.list({ includeArchived: true })).map((a) => ({
      reference: a.reference,
      funder: a.funderName,
      title: a.title,
      signedOn: a.signedOn,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      currency: a.currency,
      amount: minorToDecimalString(a.initialAmount, minorUnits(a.currency)),
      earmarking: a.earmarking,
      programmeCode: a.programmeCode,
      nature: a.nature,
      operatingSharePercent: percentOf(a.operatingShareBp),
      cofinancingPercent: percentOf(a.cofinancingBp),
      indirectCostMaxPercent: percentOf(a.indirectCostMaxBp),
      notes: a.notes,
      archivedOn: a.archivedAt?.slice(0, 10) ?? null,
    })),
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
      amount: minorToDecimalString(existing.initialAmount, minorUnits(existing.currency)),
      earmarking: existing.earmarking,
      programmeCode: existing.programmeCode,
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

const receipts: Register<z.output<typeof receiptInput>> = {
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
  identity: (row) =>
    [row.agreement, row.receivedOn, row.amount, row.bankReference ?? '']
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  toInput: async ({ agreement, currency: _currency, ...row }, resolve) => ({
    ...row,
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
  }),
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.receipts.map((r) => ({
        agreement: detail.reference,
        receivedOn: r.receivedOn,
        currency: r.currency,
        amount: minorToDecimalString(r.amount, minorUnits(r.currency)),
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
          identity(
            r.receivedOn,
            minorToDecimalString(r.amount, minorUnits(r.currency)),
            r.bankReference,
          ),
        ),
      identity(input.receivedOn, input.amount, input.bankReference),
      () => session.receipts.add(input, author),
    )
  },
}

const amendments: Register<z.output<typeof amendmentInput>> = {
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
  identity: (row) =>
    [row.agreement, row.signedOn, row.amountChange]
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  toInput: async ({ agreement, currency: _currency, ...row }, resolve) => ({
    ...row,
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
  }),
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.amendments.map((a) => ({
        agreement: detail.reference,
        signedOn: a.signedOn,
        currency: detail.currency,
        amountChange: minorToDecimalString(a.amountChange, minorUnits(detail.currency)),
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
          identity(a.signedOn, minorToDecimalString(a.amountChange, minorUnits(detail.currency))),
        ),
      identity(input.signedOn, input.amountChange),
      () => session.agreements.addAmendment(input, author),
    )
  },
}

const otherIncome: Register<z.output<typeof otherIncomeInput>> = {
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
  identity: (row) =>
    [row.receivedOn, row.label, row.amount]
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  rows: async (session) =>
    (await session.otherIncome.list()).map((o) => ({
      receivedOn: o.receivedOn,
      label: o.label,
      currency: o.currency,
      amount: minorToDecimalString(o.amount, minorUnits(o.currency)),
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
          identity(
            o.receivedOn,
            o.label,
            minorToDecimalString(o.amount, minorUnits(o.currency)),
            o.currency,
          ),
        ),
      identity(input.receivedOn, input.label, input.amount, input.currency),
      () => session.otherIncome.add(input, author),
    )
  },
}

/** A row naming its member by code, as the contract's input naming it by id. */
const withMemberId: NonNullable<Register['toInput']> = async ({ member, ...row }, resolve) => ({
  ...row,
  memberId: (await resolve('members', String(member ?? ''))) ?? '',
})

/** The member a row belongs to, named by its code. */
const MEMBER_COLUMN: RegisterColumn = {
  field: 'member',
  heading: 'workbook.column.memberCode',
  kind: 'reference',
  required: true,
  references: 'members',
}

const calls: Register<z.output<typeof singleCallInput>> = {
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
      amount: minorToDecimalString(c.amount_minor, minorUnits(c.currency as CurrencyCode)),
      basis: c.basis,
    })),
  apply: async (session, input, author, memo) => {
    const byNumber = await known(
      memo,
      'calls',
      async () => (await duesCalls(session.file.db)).map((c) => c.number),
      (number) => number,
    )
    const key = (input.number ?? '').toLowerCase()
    if (key && byNumber.has(key)) return 'unchanged'
    await session.duesCalls.addCall(input, author)
    byNumber.set(key, key)
    return 'created'
  },
}

/** A member's contacts: each known by its member and name. */
const contacts: Register<z.output<typeof memberContactInput>> = {
  key: 'contacts',
  sheet: 'workbook.sheet.contacts',
  columns: [
    MEMBER_COLUMN,
    { field: 'name', heading: 'members.contacts.name', kind: 'text', required: true },
    { field: 'role', heading: 'members.contacts.role', kind: 'text' },
    { field: 'email', heading: 'members.contacts.email', kind: 'text' },
    { field: 'phone', heading: 'members.contacts.phone', kind: 'text' },
  ],
  schema: memberContactInput,
  identity: (row) => `${String(row.member ?? '')}|${String(row.name ?? '')}`.toLowerCase(),
  toInput: withMemberId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('member_contacts as c')
        .innerJoin('members as m', 'm.id', 'c.member_id')
        .select(['m.code', 'c.name', 'c.role', 'c.email', 'c.phone'])
        .where('c.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('c.name')
        .execute()
    ).map((c) => ({ member: c.code, name: c.name, role: c.role, email: c.email, phone: c.phone })),
  apply: async (session, input, author, memo) =>
    recordOnce(
      memo,
      'contacts',
      async () =>
        (
          await session.file.db
            .selectFrom('member_contacts')
            .select(['member_id', 'name'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((c) => `${c.member_id}|${c.name}`),
      `${input.memberId}|${input.name}`,
      () => session.dues.addContact(input, author),
    ),
}

/** Bureau and standing-committee roles: each known by its member, body, role and start. */
const roles: Register<z.output<typeof memberRoleInput>> = {
  key: 'roles',
  sheet: 'workbook.sheet.roles',
  columns: [
    MEMBER_COLUMN,
    {
      field: 'body',
      heading: 'dues.roles.body',
      kind: 'choice',
      required: true,
      choices: { codes: MEMBER_BODIES, label: (code) => `dues.roles.body_${code}` as MessageKey },
    },
    { field: 'role', heading: 'dues.roles.role', kind: 'text', required: true },
    { field: 'startsOn', heading: 'dues.roles.startsOn', kind: 'date', required: true },
    { field: 'endsOn', heading: 'dues.roles.endsOn', kind: 'date' },
  ],
  schema: memberRoleInput,
  identity: (row) =>
    [row.member, row.body, row.role, row.startsOn]
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  toInput: withMemberId,
  rows: async (session) =>
    (
      await session.file.db
        .selectFrom('member_roles as r')
        .innerJoin('members as m', 'm.id', 'r.member_id')
        .select(['m.code', 'r.body', 'r.role', 'r.starts_on', 'r.ends_on'])
        .where('r.deleted_at', 'is', null)
        .orderBy('m.code')
        .orderBy('r.starts_on')
        .execute()
    ).map((r) => ({
      member: r.code,
      body: r.body,
      role: r.role,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    })),
  apply: async (session, input, author, memo) =>
    recordOnce(
      memo,
      'roles',
      async () =>
        (
          await session.file.db
            .selectFrom('member_roles')
            .select(['member_id', 'body', 'role', 'starts_on'])
            .where('deleted_at', 'is', null)
            .execute()
        ).map((r) => `${r.member_id}|${r.body}|${r.role}|${r.starts_on}`),
      `${input.memberId}|${input.body}|${input.role}|${input.startsOn}`,
      () => session.dues.addRole(input, author),
    ),
}

/** One band of a year's dues scale; a year's bands are known by their kind and lowest population. */
type BandRow = z.output<typeof bandInput> & { year: number }

const bandRowInput = bandInput.extend({ year: scaleInput.shape.year })

const scale: Register<BandRow> = {
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
  identity: (row) =>
    [row.year, row.memberKind, row.populationFrom]
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
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
      amount: minorToDecimalString(b.amount_minor, minorUnits(b.currency as CurrencyCode)),
      label: b.label,
    })),
  // A year's scale is saved whole: the row's band is added to (or replaces its own in) the
  // year's bands as they stand.
  apply: async (session, { year, ...band }, author) => {
    const current = (await session.duesScale.get(year)).bands.map((b) => ({
      memberKind: b.memberKind,
      populationFrom: b.populationFrom,
      populationTo: b.populationTo,
      amount: minorToDecimalString(b.amount, minorUnits(b.currency)),
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
const overrides: Register<z.output<typeof overrideInput>> = {
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
      amount: minorToDecimalString(o.amount_minor, minorUnits(o.currency as CurrencyCode)),
      reason: o.reason,
    })),
  apply: async (session, input, author) => {
    const held = (await session.duesScale.get(input.year)).overrides.find(
      (o) => o.memberId === input.memberId,
    )
    if (
      held &&
      held.currency === input.currency &&
      normalAmount(minorToDecimalString(held.amount, minorUnits(held.currency)), held.currency) ===
        normalAmount(input.amount, input.currency) &&
      held.reason === input.reason
    ) {
      return 'unchanged'
    }
    await session.duesScale.setOverride(input, author)
    return held ? 'updated' : 'created'
  },
}

const payments: Register<z.output<typeof paymentInput>> = {
  key: 'payments',
  sheet: 'workbook.sheet.payments',
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
  ],
  schema: paymentInput,
  order: (a, b) => String(a.receivedOn).localeCompare(String(b.receivedOn)),
  identity: (row) =>
    [row.member, row.receivedOn, row.amount, row.currency, row.bankReference ?? '']
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  toInput: async ({ member, ...row }, resolve) => ({
    ...row,
    settle: null,
    memberId: (await resolve('members', String(member ?? ''))) ?? '',
  }),
  // Read from the table: the settlements are made again, oldest call first, by the import.
  rows: async (session) =>
    (
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
        amount: minorToDecimalString(p.amount_minor, minorUnits(currency)),
        // The rate the payment was converted at, so that its euro value comes back the same.
        rate: currency === 'EUR' || fixedParity(currency) ? null : p.rate,
        method: p.method,
        bankReference: p.bank_reference,
        note: p.note,
      }
    }),
  apply: async (session, input, author, memo) => {
    const identity = (
      memberId: string,
      receivedOn: string,
      amount: string,
      currency: CurrencyCode,
      bank: string | null,
    ) =>
      `${memberId}|${receivedOn}|${normalAmount(amount, currency)}|${currency}|${bank ?? ''}`.toLowerCase()
    return recordOnce(
      memo,
      'payments',
      async () =>
        (await duesPayments(session.file.db)).map((p) =>
          identity(
            p.memberId,
            p.receivedOn,
            minorToDecimalString(p.amount, minorUnits(p.currency)),
            p.currency,
            p.bankReference,
          ),
        ),
      identity(input.memberId, input.receivedOn, input.amount, input.currency, input.bankReference),
      // Written without reading the payment back: an import has no use for it.
      () => session.duesPayments.addMany([input], author),
    )
  },
}

/** Rows drawn from every agreement's page (its receipts, its amendments). */
async function perAgreement(
  reader: RegisterReader,
  rowsOf: (agreement: AgreementRecords) => ExportRow[],
): Promise<ExportRow[]> {
  return (await reader.agreementRecords()).flatMap(rowsOf)
}

/** An agreement's reference and currency with the rows of its four child registers. */
export interface AgreementRecords extends Pick<AgreementDetail, 'reference' | 'currency'> {
  receipts: Pick<
    AgreementDetail['receipts'][number],
    'receivedOn' | 'amount' | 'currency' | 'rate' | 'rateSource' | 'bankReference' | 'note'
  >[]
  amendments: Pick<
    AgreementDetail['amendments'][number],
    'signedOn' | 'amountChange' | 'newEndsOn' | 'note'
  >[]
  instalments: Pick<AgreementDetail['instalments'][number], 'expectedOn' | 'amount' | 'note'>[]
  reports: Pick<
    AgreementDetail['reports'][number],
    'kind' | 'dueOn' | 'periodFrom' | 'periodTo' | 'status' | 'sentOn' | 'note'
  >[]
}

/**
 * Reads the registers' rows for one export or one check, each once: the check asks for a
 * register's rows twice, and four registers list the records of every agreement.
 */
export class RegisterReader {
  private readonly rows = new Map<RegisterKey, Promise<ExportRow[]>>()
  private records: Promise<AgreementRecords[]> | null = null

  constructor(private readonly session: Session) {}

  rowsOf(register: Register): Promise<ExportRow[]> {
    let rows = this.rows.get(register.key)
    if (!rows) {
      rows = register.rows(this.session, this)
      this.rows.set(register.key, rows)
    }
    return rows
  }

  async agreementRecords(): Promise<AgreementRecords[]> {
    this.records ??= readAgreementRecords(this.session)
    return this.records
  }
}

/** Every agreement's child records in one query per table, not one agreement at a time. */
async function readAgreementRecords(session: Session): Promise<AgreementRecords[]> {
  const db = session.file.db
  const byAgreement = <Row extends { agreement_id: string }>(rows: Row[]) => {
    const grouped = new Map<string, Row[]>()
    for (const row of rows) {
      const group = grouped.get(row.agreement_id)
      if (group) group.push(row)
      else grouped.set(row.agreement_id, [row])
    }
    return (id: string) => grouped.get(id) ?? []
  }
  const receipts = byAgreement(
    await db
      .selectFrom('receipts')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('received_on')
      .execute(),
  )
  const amendments = byAgreement(
    await db
      .selectFrom('agreement_amendments')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('signed_on')
      .execute(),
  )
  const instalments = byAgreement(
    await db
      .selectFrom('agreement_instalments')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('expected_on')
      .execute(),
  )
  const reports = byAgreement(
    await db
      .selectFrom('agreement_reports')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('due_on')
      .execute(),
  )
  return (await session.agreements.list({ includeArchived: true })).map((agreement) => ({
    reference: agreement.reference,
    currency: agreement.currency,
    receipts: receipts(agreement.id).map((r) => ({
      receivedOn: r.received_on,
      amount: r.amount_minor,
      currency: r.currency as CurrencyCode,
      rate: r.rate,
      rateSource: r.rate_source,
      bankReference: r.bank_reference,
      note: r.note,
    })),
    amendments: amendments(agreement.id).map((a) => ({
      signedOn: a.signed_on,
      amountChange: a.amount_change_minor,
      newEndsOn: a.new_ends_on,
      note: a.note,
    })),
    instalments: instalments(agreement.id).map((i) => ({
      expectedOn: i.expected_on,
      amount: i.amount_minor,
      note: i.note,
    })),
    reports: reports(agreement.id).map((r) => ({
      kind: r.kind,
      dueOn: r.due_on,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      status: r.status,
      sentOn: r.sent_on,
      note: r.note,
    })),
  }))
}

/** One of an agreement's donor headings, known by its agreement and code. */
const headingRowInput = z.strictObject({
  agreementId: headingsInput.shape.agreementId,
  ...headingsInput.shape.headings.element.shape,
})

const HEADING_ORDER: Record<HeadingRole, number> = { direct: 0, contingency: 1, indirect: 2 }

const headings: Register<z.output<typeof headingRowInput>> = {
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
  toInput: async ({ agreement, currency: _currency, ...row }, resolve) => ({
    ...row,
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
  }),
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
      amount: minorToDecimalString(h.amount_minor, minorUnits(h.currency as CurrencyCode)),
    })),
  // An agreement's headings are saved whole: the row's heading is added to (or replaces its
  // own in) the agreement's headings as they stand.
  apply: async (session, { agreementId, ...heading }, author) => {
    const detail = await session.agreements.get(agreementId)
    const current = (await session.terms.budget(agreementId)).headings.map((h) => ({
      code: h.code,
      label: h.label,
      role: h.role,
      amount: minorToDecimalString(h.amount, minorUnits(detail.currency)),
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

const instalments: Register<z.output<typeof instalmentInput>> = {
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
  identity: (row) =>
    [row.agreement, row.expectedOn, row.amount]
      .map((part) => String(part ?? '').toLowerCase())
      .join('|'),
  toInput: async ({ agreement, currency: _currency, ...row }, resolve) => ({
    ...row,
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
  }),
  rows: async (_session, reader) =>
    perAgreement(reader, (detail) =>
      detail.instalments.map((i) => ({
        agreement: detail.reference,
        expectedOn: i.expectedOn,
        currency: detail.currency,
        amount: minorToDecimalString(i.amount, minorUnits(detail.currency)),
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
          identity(i.expectedOn, minorToDecimalString(i.amount, minorUnits(detail.currency))),
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

const calendar: Register<z.output<typeof calendarRowInput>> = {
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
  identity: (row) =>
    [row.agreement, row.kind, row.dueOn].map((part) => String(part ?? '').toLowerCase()).join('|'),
  toInput: async ({ agreement, ...row }, resolve) => ({
    ...row,
    agreementId: (await resolve('agreements', String(agreement ?? ''))) ?? '',
  }),
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

function percentOf(bp: number | null): string | null {
  return bp === null ? null : basisPointsToPercent(bp)
}

/** An amount's decimal string as the core writes it for a currency (1234.5 → 1234.50). */
function normalAmount(text: string, currency: CurrencyCode): string {
  const parsed = parseAmount(text, currency, 'en')
  return parsed.ok ? minorToDecimalString(parsed.value.minor, minorUnits(currency)) : text
}

/** The registers in the order they are imported: what others refer to comes first. */
export const REGISTERS = [
  funders,
  rates,
  members,
  agreements,
  amendments,
  instalments,
  calendar,
  receipts,
  otherIncome,
  calls,
  payments,
  contacts,
  roles,
  scale,
  overrides,
  headings,
] as unknown as Register[]

/** A choice's label in a language, as the template and the export write it. */
export function choiceLabel(column: RegisterColumn, code: string, language: Language): string {
  return column.choices ? translate(language, column.choices.label(code)) : code
}

/** The code of a choice typed as its code or its label (or its first words), in French or English. */
export function choiceCode(column: RegisterColumn, text: string): string | null {
  if (!column.choices) return null
  const wanted = text.trim().toLowerCase()
  for (const code of column.choices.codes) {
    if (code === wanted) return code
    for (const language of ['fr', 'en'] as const) {
      const label = choiceLabel(column, code, language).toLowerCase()
      // "Ville" for "Ville / commune / district": the label's first words are enough.
      const short = label.split(/ \/ | \(/)[0]
      if (label === wanted || short === wanted) return code
    }
  }
  return null
}

/** The ISO code of a country typed as its code or its French or English name. */
export function countryCode(text: string): string | null {
  const wanted = text.trim().toLowerCase()
  if (/^[a-z]{2}$/.test(wanted)) return wanted.toUpperCase()
  for (const language of ['fr', 'en'] as const) {
    const found = countryOptions(language).find((c) => c.name.toLowerCase() === wanted)
    if (found) return found.code
  }
  return null
}
