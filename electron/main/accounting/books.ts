import type { DataFile } from '../db/data-file'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import { plainCode } from './attributes'
import { type BookEntry, bookLines, numberEntries } from './book-entry'
import { type Closures, loadClosures } from './closures'
import { describeRow, type Translate } from './entry-labels'
import { type LedgerRow, ledgerRowsBetween, ledgerRowsById } from './ledger-rows'
import { type BookRules, loadBookRules } from './frozen'
import { type OpeningBalance, openingBalances, openingLines } from './opening'
import type { AccountingPlan } from './plan'
import { type PostingContext, postingLines } from './postings'
import { type Receivables, receivablesThrough } from './receivables'
import { unitOf } from './units'
import type { AgreementYear } from './agreement-year'
import { agreementYears, yearEndDone } from './year-end'
import { yearEndLines } from './year-end-entries'

/** The books of one fiscal year (a calendar year), derived from the ledger. */
export interface YearBooks {
  year: number
  /** Numbered, in order: the opening entry, then day by day, the year-end entries last. */
  entries: BookEntry[]
  /** The balances the opening entry carries. */
  opening: OpeningBalance[]
  /** Each agreement's year (the dedicated funds and the share of future years). */
  agreementYears: AgreementYear[]
  plan: AccountingPlan
  closures: Closures
  /** True while the year is not closed: its numbers may still change. */
  provisional: boolean
}

export interface DeriveOptions {
  /** Today, as YYYY-MM-DD: a year's year-end entries exist once it is over (or closed). */
  today: string
  language: Language
}

/**
 * What the derivations of a file's years read once: the closings, the rules of each period,
 * the receivables and the agreements' years up to the last year asked for.
 */
export interface BooksContext extends PostingContext {
  closures: Closures
  rules: BookRules
  receivables: Receivables
  years: ReadonlyMap<string, AgreementYear[]>
  yearEndDone: (year: number) => boolean
  references: ReadonlyMap<string, string>
  t: Translate
  /** The last year it serves. */
  through: number
}

export async function booksContext(
  db: DataFile['db'],
  through: number,
  options: DeriveOptions,
  closures?: Closures,
): Promise<BooksContext> {
  const closed = closures ?? (await loadClosures(db))
  const rules = await loadBookRules(db, closed)
  const receivables = await receivablesThrough(db, closed, `${through}-12-31`)
  const references = new Map<string, string>()
  for (const row of await db.selectFrom('agreements').select(['id', 'reference']).execute()) {
    references.set(row.id, row.reference)
  }
  return {
    closures: closed,
    rules,
    receivables,
    references,
    through,
    years: await agreementYears(db, closed, rules, through),
    yearEndDone: (year) => yearEndDone(year, options.today, closed),
    at: (day) => rules.at(day),
    receivableCredit: (id) => receivables.credits.get(id),
    t: (key, params) => translate(options.language, key, params),
  }
}

/** The entry a ledger event makes. */
export function ledgerEntry(row: LedgerRow, context: BooksContext): BookEntry {
  const unit = unitOf(row, context.closures)
  const { journal, lines } = postingLines(unit, context)
  const described = describeRow(row, context.t)
  const label =
    unit.bookedOn === row.entry_date
      ? described.label
      : context.t('accounting.label.late', { label: described.label, date: row.entry_date })
  const recorded = row.created_at.slice(0, 10)
  return {
    journal,
    number: 0,
    date: unit.bookedOn,
    pieceRef: described.pieceRef,
    pieceDate: row.entry_date,
    label,
    validDate: recorded > unit.bookedOn ? recorded : unit.bookedOn,
    lines: bookLines(lines, context.at(unit.bookedOn).plan, label, (id) =>
      id ? (context.references.get(id) ?? null) : null,
    ),
    origin: { kind: 'ledger', ledgerId: row.id, entryDate: row.entry_date },
    group: 1,
    sortKey: row.id,
  }
}

function yearEndEntry(agreementYear: AgreementYear, context: BooksContext): BookEntry | null {
  const { lines, kinds } = yearEndLines(agreementYear, context)
  if (lines.length === 0) return null
  const reference = agreementYear.reference
  const labels = kinds.map((kind) => context.t(`accounting.label.${kind}`, { reference }))
  const day = `${agreementYear.year}-12-31`
  const { plan } = context.at(day)
  return {
    journal: plan.general,
    number: 0,
    date: day,
    pieceRef: `INV${agreementYear.year}-${plainCode(reference, 20)}`,
    pieceDate: day,
    label: labels[0] ?? reference,
    validDate: day,
    lines: bookLines(
      lines,
      plan,
      labels[0] ?? reference,
      () => reference,
      (_, index) => labels[index] ?? reference,
    ),
    origin: { kind: 'year-end', agreementId: agreementYear.agreementId },
    group: 2,
    sortKey: `${reference}|${agreementYear.agreementId}`,
  }
}

function openingEntry(
  balances: readonly OpeningBalance[],
  year: number,
  context: BooksContext,
): BookEntry | null {
  const { lines } = openingLines(balances, context, year)
  if (lines.length === 0) return null
  const day = `${year}-01-01`
  const label = context.t('accounting.label.opening', { year })
  const { plan } = context.at(day)
  return {
    journal: plan.opening,
    number: 0,
    date: day,
    pieceRef: `AN${year}`,
    pieceDate: day,
    label,
    validDate: day,
    lines: bookLines(lines, plan, label, () => null),
    origin: { kind: 'opening' },
    group: 0,
    sortKey: '',
  }
}

/**
 * The books of a year: the opening entry, every ledger event booked in the year as one entry,
 * and, once the year is over, its year-end entries; numbered in each journal from 1.
 */
export async function deriveYear(
  db: DataFile['db'],
  year: number,
  options: DeriveOptions,
  shared?: BooksContext,
): Promise<YearBooks> {
  const context = shared && shared.through >= year ? shared : await booksContext(db, year, options)
  const start = `${year}-01-01`
  const end = `${year}-12-31`
  const booked = (row: LedgerRow) => context.closures.bookedOn(row.id, row.entry_date)
  const rows = (await ledgerRowsBetween(db, start, end)).filter((row) => booked(row) <= end)
  const movedIn = [...context.closures.movedEntries]
    .filter(([, day]) => day >= start && day <= end)
    .map(([id]) => id)
  rows.push(...(await ledgerRowsById(db, movedIn)).filter((row) => row.entry_date < start))

  const entries = rows.map((row) => ledgerEntry(row, context))
  const opening = await openingBalances(db, year, context)
  const openingOne = openingEntry(opening, year, context)
  if (openingOne) entries.push(openingOne)
  const yearOf = [...context.years.values()].flatMap((list) => list.filter((y) => y.year === year))
  if (context.yearEndDone(year)) {
    for (const agreementYear of yearOf) {
      const entry = yearEndEntry(agreementYear, context)
      if (entry) entries.push(entry)
    }
  }
  const closedThrough = context.closures.closedThrough
  return {
    year,
    entries: numberEntries(entries),
    opening,
    agreementYears: yearOf,
    plan: context.at(end).plan,
    closures: context.closures,
    provisional: closedThrough === null || closedThrough < end,
  }
}

/** The first year the ledger has an entry in (null for an empty ledger). */
export async function firstLedgerYear(db: DataFile['db']): Promise<number | null> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.min('entry_date').as('first'))
    .executeTakeFirst()
  const first = row?.first as string | null | undefined
  return first ? Number(first.slice(0, 4)) : null
}

/**
 * The entries booked after one day and up to another, across years (each year numbered on its
 * own), with the context that made them.
 */
export async function deriveRange(
  db: DataFile['db'],
  after: string | null,
  through: string,
  options: DeriveOptions,
  closures?: Closures,
): Promise<{ entries: BookEntry[]; context: BooksContext }> {
  const lastYear = Number(through.slice(0, 4))
  const context = await booksContext(db, lastYear, options, closures)
  const first =
    after === null ? ((await firstLedgerYear(db)) ?? lastYear) : Number(after.slice(0, 4))
  const entries: BookEntry[] = []
  for (let year = Math.min(first, lastYear); year <= lastYear; year += 1) {
    const books = await deriveYear(db, year, options, context)
    for (const entry of books.entries) {
      if ((after === null || entry.date > after) && entry.date <= through) entries.push(entry)
    }
  }
  return { entries, context }
}
