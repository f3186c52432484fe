import { type Selectable, sql } from 'kysely'
import type { RecordWriter } from '../changelog/record-writer'
import type { DataFile } from '../db/data-file'
import type { LedgerEntriesTable, LedgerKind } from '../db/schema'
import type { FundClass, FundFigures, FundsSummary } from '@shared/funds/schema'
import type { Money } from '@shared/money/money'
import { reportsDue } from './agreement-terms-service'
import { assertPeriodOpen, reversalDay } from '../accounting/period-guard'
import { bankAccountFor } from '../accounting/bank-choice'
import { projectCounts } from './project-counts'
import { assertAgreementsOpen } from '../closing/closed-guard'
import { reversalId } from './reversal-id'
import { classDifferences } from './conversion/rule-differences'
import { compareCodes } from '@shared/text/compare-codes'

/** A money event to record: what, when, from which fund, for what, and the record it comes from. */
export interface LedgerEntryInput {
  entryDate: string
  kind: LedgerKind
  fundClass: FundClass
  agreementId: string | null
  nature: 'operating' | 'investment' | null
  amount: Money
  /** The same amount in euro cents, at `rate`. */
  eurMinor: number
  rate: string
  use?: { table: string; id: string } | null
  source: { table: string; id: string }
  /** The donor heading charged (tied spending on an agreement with headings). */
  headingCode?: string | null
  /**
   * The bank account money went in or out through (receipts, payments, expenses): when not
   * given, its currency's default bank account.
   */
  bankAccountId?: string | null
  /** The field of the record that dates it, named if its date is in a closed period. */
  dateField?: string
}

/**
 * The one fund ledger. Every money event is posted here once, in the same transaction as the
 * record it comes from; every figure of the application is a sum over it. Entries are never
 * changed: a correction posts the reverse of the entries it replaces.
 */
export async function postEntry(writer: RecordWriter, entry: LedgerEntryInput): Promise<string> {
  await assertPeriodOpen(writer, [entry])
  await assertAgreementsOpen(writer, [guarded(entry)])
  return writer.insert('ledger_entries', ledgerRow(entry, await bankAccountFor(writer, entry)))
}

/** Which of many records an entry is for, and how to name that record (an import's row). */
export interface EntryRecords {
  recordOf: (entry: LedgerEntryInput) => number
  at: (record: number) => void
}

/**
 * Posts many entries at once (an import's expenses): as {@link postEntry} posts each. With
 * `records`, a refusal (a closed period, a closed agreement) is first located: each record's
 * entries are checked alone, in order, the record named before — so that an import's refusal
 * names the row at fault, not the last row checked before the entries were posted.
 */
export async function postEntries(
  writer: RecordWriter,
  entries: readonly LedgerEntryInput[],
  records?: EntryRecords,
): Promise<string[]> {
  const check = async (some: readonly LedgerEntryInput[]) => {
    await assertPeriodOpen(writer, some)
    await assertAgreementsOpen(writer, some.map(guarded))
  }
  try {
    await check(entries)
  } catch (error) {
    if (records) {
      const byRecord = new Map<number, LedgerEntryInput[]>()
      for (const entry of entries) {
        const record = records.recordOf(entry)
        byRecord.set(record, [...(byRecord.get(record) ?? []), entry])
      }
      for (const record of [...byRecord.keys()].sort((a, b) => a - b)) {
        records.at(record)
        await check(byRecord.get(record) ?? [])
      }
    }
    throw error
  }
  const rows = []
  for (const entry of entries) rows.push(ledgerRow(entry, await bankAccountFor(writer, entry)))
  return writer.insertMany('ledger_entries', rows)
}

/** What the closed-agreement guard reads of an entry. */
function guarded(entry: LedgerEntryInput) {
  return {
    agreementId: entry.agreementId,
    kind: entry.kind,
    amountMinor: entry.amount.minor,
    sourceTable: entry.source.table,
  }
}

/** An entry as the ledger's row holds it. */
function ledgerRow(entry: LedgerEntryInput, bankAccountId: string | null) {
  return {
    entry_date: entry.entryDate,
    kind: entry.kind,
    fund_class: entry.fundClass,
    agreement_id: entry.agreementId,
    nature: entry.nature,
    amount_minor: entry.amount.minor,
    currency: entry.amount.currency,
    eur_minor: entry.eurMinor,
    rate: entry.rate,
    use_table: entry.use?.table ?? null,
    use_id: entry.use?.id ?? null,
    source_table: entry.source.table,
    source_id: entry.source.id,
    reverses_id: null,
    ...(entry.headingCode ? { heading_code: entry.headingCode } : {}),
    ...(bankAccountId ? { bank_account_id: bankAccountId } : {}),
  }
}

/**
 * Reverses every entry of a record not yet reversed; returns how many. A reversal carries the
 * date of the entry it cancels: a record cancelled or corrected was wrong from the start, so
 * every period's figures lose it, while the change log and `created_at` keep when it happened.
 * An entry of a closed period is reversed on the first open day instead: closed books never
 * change, the correction is recorded in the open period.
 * The reason a person gave is kept on each reversing entry (and so in the change log).
 */
export async function reverseEntriesOf(
  writer: RecordWriter,
  source: { table: string; id: string },
  reason: string | null = null,
): Promise<number> {
  const open = await writer.trx
    .selectFrom('ledger_entries as e')
    .selectAll('e')
    .where('e.source_table', '=', source.table)
    .where('e.source_id', '=', source.id)
    .where('e.reverses_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ledger_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id'),
        ),
      ),
    )
    .execute()
  // A cancellation changes a closed agreement's figures as much as a new entry would.
  await assertAgreementsOpen(
    writer,
    open.map((e) => ({
      agreementId: e.agreement_id,
      kind: e.kind,
      amountMinor: -e.amount_minor,
      sourceTable: e.source_table,
    })),
  )
  await reverseEntries(writer, open, reason)
  return open.length
}

/** A ledger entry as read, for its reversal. */
type PostedEntry = Selectable<LedgerEntriesTable>

/**
 * Reverses entries whole, each by one entry whose id is derived from the entry it reverses:
 * two copies that correct or cancel the same record offline write the same reversal, which the
 * merge takes as one record — never a second reversal of the same money (sync/merge.ts).
 */
export async function reverseEntries(
  writer: RecordWriter,
  open: readonly PostedEntry[],
  reason: string | null,
): Promise<void> {
  for (const entry of open) {
    await writer.insert(
      'ledger_entries',
      {
        entry_date: await reversalDay(writer, entry.entry_date),
        kind: entry.kind,
        fund_class: entry.fund_class,
        agreement_id: entry.agreement_id,
        nature: entry.nature,
        amount_minor: -entry.amount_minor,
        currency: entry.currency,
        eur_minor: -entry.eur_minor,
        rate: entry.rate,
        use_table: entry.use_table,
        use_id: entry.use_id,
        source_table: entry.source_table,
        source_id: entry.source_id,
        reverses_id: entry.id,
        ...(entry.heading_code ? { heading_code: entry.heading_code } : {}),
        ...(entry.bank_account_id ? { bank_account_id: entry.bank_account_id } : {}),
        ...(reason ? { reason } : {}),
      },
      reversalId(entry.id),
    )
  }
}

export function emptyFigures(): FundFigures {
  return {
    committed: 0,
    received: 0,
    expected: 0,
    allocated: 0,
    spent: 0,
    available: 0,
    unallocated: 0,
  }
}

/** The derived figures from the sums of each kind of entry. */
export function figuresFromSums(sums: Partial<Record<LedgerKind, number>>): FundFigures {
  const committed = sums.commitment ?? 0
  const received = (sums.receipt ?? 0) + (sums.due_payment ?? 0) + (sums.other_income ?? 0)
  const allocated = sums.allocation ?? 0
  const expensed = sums.expense ?? 0
  const spent = (sums.disbursement ?? 0) + expensed
  return {
    committed,
    received,
    // Only agreements' receipts answer a commitment: dues and other income, received without
    // one, made the untied « Reste à recevoir » negative (−3.3 M€ on the demo) for no reason.
    expected: committed - (sums.receipt ?? 0),
    allocated,
    spent,
    available: received - spent,
    // A direct expense of the secretariat uses the money without an allocation first.
    unallocated: committed - allocated - expensed,
  }
}

/**
 * Figures of agreements as of a day (every entry dated on or before it), in each agreement's
 * currency and in euros. One aggregate query, whatever the number of agreements.
 */
export async function agreementFigures(
  db: DataFile['db'],
  asOf: string,
  agreementIds?: readonly string[],
): Promise<Map<string, { native: FundFigures; eur: FundFigures }>> {
  let query = db
    .selectFrom('ledger_entries')
    .select(['agreement_id', 'kind'])
    .select((eb) => [
      eb.fn.sum<number>('amount_minor').as('amount'),
      eb.fn.sum<number>('eur_minor').as('eur'),
    ])
    .where('deleted_at', 'is', null)
    .where('agreement_id', 'is not', null)
    .where('entry_date', '<=', asOf)
    .groupBy(['agreement_id', 'kind'])
  if (agreementIds) {
    if (agreementIds.length === 0) return new Map()
    query = query.where('agreement_id', 'in', agreementIds)
  }
  const rows = await query.execute()
  const sums = new Map<
    string,
    { native: Partial<Record<LedgerKind, number>>; eur: Partial<Record<LedgerKind, number>> }
  >()
  for (const row of rows) {
    const id = row.agreement_id ?? ''
    const entry = sums.get(id) ?? { native: {}, eur: {} }
    entry.native[row.kind] = Number(row.amount)
    entry.eur[row.kind] = Number(row.eur)
    sums.set(id, entry)
  }
  return new Map(
    [...sums].map(([id, s]) => [
      id,
      { native: figuresFromSums(s.native), eur: figuresFromSums(s.eur) },
    ]),
  )
}

/**
 * The dashboard's figures in euro cents: per class of funds, what was committed, received,
 * allocated and spent in a year (or over all time), and what was still expected, available and
 * unallocated at its end; and the untied share of income per year.
 */
export async function fundsSummary(
  db: DataFile['db'],
  year: number | null,
  today: string,
): Promise<FundsSummary> {
  const asOf = year === null ? today : `${year}-12-31`
  const from = year === null ? '0000-01-01' : `${year}-01-01`
  const flows = await db
    .selectFrom('ledger_entries')
    .select(['fund_class', 'kind'])
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('deleted_at', 'is', null)
    .where('entry_date', '>=', from)
    .where('entry_date', '<=', asOf)
    .groupBy(['fund_class', 'kind'])
    .execute()
  const held = await db
    .selectFrom('ledger_entries')
    .select(['fund_class', 'kind'])
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('deleted_at', 'is', null)
    .where('entry_date', '<=', asOf)
    .groupBy(['fund_class', 'kind'])
    .execute()
  const byClass = { tied: emptyFigures(), untied: emptyFigures() }
  for (const fundClass of ['tied', 'untied'] as const) {
    const sumsOf = (rows: typeof flows) =>
      Object.fromEntries(
        rows.filter((r) => r.fund_class === fundClass).map((r) => [r.kind, Number(r.eur)]),
      )
    const period = figuresFromSums(sumsOf(flows))
    const cumulative = figuresFromSums(sumsOf(held))
    // Flows of the period; balances (still expected, available, unallocated) at its end.
    byClass[fundClass] = {
      ...period,
      expected: cumulative.expected,
      available: cumulative.available,
      unallocated: cumulative.unallocated,
    }
  }
  // Each agreement's spending as its conversion rule counts it; the difference on its own line.
  const exchangeDifference = await classDifferences(db, from, asOf)
  for (const fundClass of ['tied', 'untied'] as const) {
    byClass[fundClass].spent += exchangeDifference[fundClass].period
    byClass[fundClass].available -= exchangeDifference[fundClass].held
  }

  // Naming both classes lets SQLite read the income from the covering index of the sums, by
  // class and kind, instead of every entry up to today.
  const income = await sql<{ year: string; fund_class: FundClass; eur: number }>`
    SELECT substr(entry_date, 1, 4) AS year, fund_class, SUM(eur_minor) AS eur
    FROM ledger_entries
    WHERE deleted_at IS NULL AND fund_class IN ('tied', 'untied')
      AND kind IN ('receipt', 'due_payment', 'other_income') AND entry_date <= ${today}
    GROUP BY year, fund_class ORDER BY year`.execute(db)
  const years = new Map<number, { untied: number; total: number }>()
  for (const row of income.rows) {
    const y = Number(row.year)
    const entry = years.get(y) ?? { untied: 0, total: 0 }
    entry.total += Number(row.eur)
    if (row.fund_class === 'untied') entry.untied += Number(row.eur)
    years.set(y, entry)
  }
  const untiedShareByYear = [...years].map(([y, v]) => ({
    year: y,
    untied: v.untied,
    total: v.total,
    share: v.total === 0 ? null : Math.round((v.untied / v.total) * 10_000) / 10_000,
  }))
  const natures = await db
    .selectFrom('ledger_entries')
    .select(['nature', 'kind'])
    .select((eb) => eb.fn.sum<number>('eur_minor').as('eur'))
    .where('deleted_at', 'is', null)
    .where('nature', 'is not', null)
    .where('kind', 'in', ['commitment', 'disbursement', 'expense'])
    .where('entry_date', '>=', from)
    .where('entry_date', '<=', asOf)
    .groupBy(['nature', 'kind'])
    .execute()
  const byNature = { operating: { committed: 0, spent: 0 }, investment: { committed: 0, spent: 0 } }
  for (const row of natures) {
    if (!row.nature) continue
    if (row.kind === 'commitment') byNature[row.nature].committed += Number(row.eur)
    else byNature[row.nature].spent += Number(row.eur)
  }
  const { endingSoon, lapsingRisk } = await agreementAlerts(db, today)
  return {
    year,
    asOf,
    byClass,
    exchangeDifference,
    byNature,
    untiedShareByYear,
    endingSoon,
    lapsingRisk,
    reportsDue: await reportsDue(db, today),
    projects: await projectCounts(db),
  }
}

const ENDING_SOON_DAYS = 90
const LAPSING_RISK_DAYS = 180

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Agreements ending soon, and tied money at risk of lapsing (unspent near the end). */
async function agreementAlerts(db: DataFile['db'], today: string) {
  const rows = await sql<{
    id: string
    reference: string
    funder_name: string
    ends_on: string
    earmarking: string
  }>`
    SELECT a.id, a.reference, f.name AS funder_name, a.earmarking,
      COALESCE((SELECT m.new_ends_on FROM agreement_amendments m
        WHERE m.agreement_id = a.id AND m.deleted_at IS NULL AND m.new_ends_on IS NOT NULL
        ORDER BY m.signed_on DESC LIMIT 1), a.ends_on) AS ends_on
    FROM agreements a JOIN funders f ON f.id = a.funder_id
    WHERE a.deleted_at IS NULL`.execute(db)
  const candidates = rows.rows.filter(
    (r) => r.ends_on >= today && r.ends_on <= addDays(today, LAPSING_RISK_DAYS),
  )
  const figures = await agreementFigures(
    db,
    today,
    candidates.map((r) => r.id),
  )
  const alert = (r: (typeof candidates)[number]) => ({
    id: r.id,
    reference: r.reference,
    funderName: r.funder_name,
    endsOn: r.ends_on,
    availableEur: figures.get(r.id)?.eur.available ?? 0,
  })
  const byEnd = (a: { endsOn: string }, b: { endsOn: string }) => compareCodes(a.endsOn, b.endsOn)
  return {
    endingSoon: candidates
      .filter((r) => r.ends_on <= addDays(today, ENDING_SOON_DAYS))
      .map(alert)
      .sort(byEnd),
    lapsingRisk: candidates
      .filter((r) => r.earmarking !== 'untied')
      .map(alert)
      .filter((a) => a.availableEur > 0)
      .sort(byEnd),
  }
}

/**
 * What the untied fund can still allocate, in euro cents: untied commitments, dues and other
 * income, less what was already allocated to projects or spent directly.
 */
export async function untiedUnallocated(db: DataFile['db']): Promise<number> {
  const row = await sql<{ eur: number | null }>`
    SELECT SUM(CASE WHEN kind IN ('commitment', 'due_payment', 'other_income') THEN eur_minor
      WHEN kind IN ('allocation', 'expense') THEN -eur_minor ELSE 0 END) AS eur
    FROM ledger_entries WHERE deleted_at IS NULL AND fund_class = 'untied'`.execute(db)
  return Number(row.rows[0]?.eur ?? 0)
}

/** What the ledger holds for each financing line: allocated and disbursed, native and in euros. */
export interface LineFigures {
  allocated: number
  allocatedEur: number
  disbursed: number
  disbursedEur: number
}

export async function financingLineFigures(
  db: DataFile['db'],
  lineIds: readonly string[],
): Promise<Map<string, LineFigures>> {
  if (lineIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['use_id', 'kind'])
    .select((eb) => [
      eb.fn.sum<number>('amount_minor').as('amount'),
      eb.fn.sum<number>('eur_minor').as('eur'),
    ])
    .where('deleted_at', 'is', null)
    .where('use_table', '=', 'financing_lines')
    .where('use_id', 'in', lineIds)
    .groupBy(['use_id', 'kind'])
    .execute()
  const figures = new Map<string, LineFigures>()
  for (const row of rows) {
    const id = row.use_id ?? ''
    const entry = figures.get(id) ?? {
      allocated: 0,
      allocatedEur: 0,
      disbursed: 0,
      disbursedEur: 0,
    }
    if (row.kind === 'allocation') {
      entry.allocated += Number(row.amount)
      entry.allocatedEur += Number(row.eur)
    } else if (row.kind === 'disbursement') {
      entry.disbursed += Number(row.amount)
      entry.disbursedEur += Number(row.eur)
    }
    figures.set(id, entry)
  }
  return figures
}
