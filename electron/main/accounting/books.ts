import type { DataFile } from '../db/data-file'
import type { Language } from '../../../shared/i18n/locale'
import { translate } from '../../../shared/i18n/translate'
import { Auxiliaries, plainCode } from './auxiliaries'
import { type BookEntry, bookLines, numberEntries } from './book-entry'
import { type Closures, loadClosures } from './closures'
import { describeRow, type Translate } from './entry-labels'
import { type LedgerRow, ledgerRowsBetween, ledgerRowsById } from './ledger-rows'
import { type OpeningBalance, openingBalances, openingLines } from './opening'
import { type AccountingPlan, loadPlan } from './plan'
import { type PostingContext, postingLines } from './postings'
import { type Receivables, receivablesThrough } from './receivables'
import { unitOf } from './units'
import { type AgreementYear, agreementYears, yearEndDone } from './year-end'
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

/** What every derivation of a file reads once: the plan, the closings, the third parties. */
export interface BooksContext extends PostingContext {
  closures: Closures
  receivables: Receivables
  budgetLines: ReadonlyMap<string, string>
  years: ReadonlyMap<string, AgreementYear[]>
  yearEndDone: (year: number) => boolean
  references: ReadonlyMap<string, string>
  t: Translate
}

async function booksContext(
  db: DataFile['db'],
  through: number,
  options: DeriveOptions,
  closures?: Closures,
): Promise<BooksContext> {
  const plan = await loadPlan(db)
  const closed = closures ?? (await loadClosures(db))
  const auxiliaries = await Auxiliaries.load(db)
  const receivables = await receivablesThrough(db, closed, `${through}-12-31`)
  const budgetLines = new Map<string, string>()
  for (const row of await db
    .selectFrom('budget_items')
    .select(['line_key', 'code'])
    .where('item_kind', '=', 'line')
    .orderBy('created_at')
    .execute()) {
    budgetLines.set(row.line_key, row.code)
  }
  const references = new Map<string, string>()
  for (const row of await db.selectFrom('agreements').select(['id', 'reference']).execute()) {
    references.set(row.id, row.reference)
  }
  return {
    plan,
    closures: closed,
    receivables,
    budgetLines,
    references,
    years: await agreementYears(db, closed, through),
    yearEndDone: (year) => yearEndDone(year, options.today, closed),
    receivableCredit: (id) => receivables.credits.get(id),
    funderAux: (id) => auxiliaries.funder(id),
    cityAux: (id) => auxiliaries.city(id),
    t: (key, params) => translate(options.language, key, params),
  }
}

/** The entry a ledger event makes. */
export function ledgerEntry(row: LedgerRow, context: BooksContext): BookEntry {
  const unit = unitOf(row, context.closures, context.budgetLines)
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
    lines: bookLines(lines, context.plan, label, (id) => (id ? (context.references.get(id) ?? null) : null)),
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
  return {
    journal: context.plan.general,
    number: 0,
    date: day,
    pieceRef: `INV${agreementYear.year}-${plainCode(reference, 20)}`,
    pieceDate: day,
    label: labels[0] ?? reference,
    validDate: day,
    lines: bookLines(
      lines,
      context.plan,
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
  return {
    journal: context.plan.opening,
    number: 0,
    date: day,
    pieceRef: `AN${year}`,
    pieceDate: day,
    label,
    validDate: day,
    lines: bookLines(lines, context.plan, label, () => null),
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
  closures?: Closures,
): Promise<YearBooks> {
  const context = await booksContext(db, year, options, closures)
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
    plan: context.plan,
    closures: context.closures,
    provisional: closedThrough === null || closedThrough < end,
  }
}
