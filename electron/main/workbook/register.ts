import { z } from 'zod'
import type { Session } from '../app/session'
import { countryOptions } from '@shared/geo/country-names'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { type CurrencyCode, minorUnits } from '@shared/money/currencies'
import { minorToDecimalString } from '@shared/money/decimal'
import { parseAmount } from '@shared/money/parse'
import { basisPointsToPercent } from '@shared/validation/amounts'
import type { ExportRow, RegisterReader } from './register-reader'
import { nameKey } from './names'

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
  /**
   * For a reference known only within another (an indicator within its project): the key the
   * row names, made of several cells. The cell's own value by default.
   */
  referenceKey?: (row: Record<string, unknown>) => string
}

export type RegisterKey =
  | 'programmes'
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
  | 'projects'
  | 'namedProjects'
  | 'planLines'
  | 'tranches'
  | 'projectExpenses'
  | 'indicators'
  | 'indicatorValues'
  | 'budgetVersions'
  | 'budgetItems'
  | 'budgetExpenses'

/**
 * Finds the record a reference names: its id, or null when neither the file nor the workbook
 * has it. While checking, a record the workbook will create has a stand-in id.
 */
export type Resolve = (register: RegisterKey, key: string) => Promise<string | null>

export type { ExportRow } from './register-reader'

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
  /**
   * The registers its rows need imported first that no column names (a payment settles calls,
   * a budget line is in a version): with its columns' `references`, what orders the sheets.
   */
  references?: readonly RegisterKey[]
  /** The contract's schema a row must satisfy, once made an input by `toInput`. */
  schema: z.ZodType<Input>
  /** The contract's input from a row (references made ids); the row itself by default. */
  toInput?: (row: Record<string, unknown>, resolve: Resolve) => Promise<Record<string, unknown>>
  /** The order rows are written in, when it matters (payments settle the oldest calls first). */
  order?: (a: Record<string, unknown>, b: Record<string, unknown>) => number
  /** The row's identity: the same key finds the same record again. */
  identity: (row: Record<string, unknown>) => string
  /**
   * For a register other rows refer to: what they name its records by (a funder's name, a
   * project's code; an indicator's project code and name, "FC-2019-014|Taux").
   */
  name?: (row: Record<string, unknown>) => string
  /** Other names a row's record goes by for the rows that name it (a programme's names). */
  aliases?: (row: Record<string, unknown>) => string[]
  /** True when a reference gets the record's name (a programme's code), not its id. */
  referencedByName?: boolean
  /**
   * The column a refusal of the core concerns, by the field its failure names (when the
   * contract's field is not the column's) or by its message (when it names no field).
   */
  refusalColumns?: Partial<Record<string, string>>
  /** The rows of the export: all at once, or page by page for a register of many. */
  rows: (
    session: Session,
    reader: RegisterReader,
  ) => Promise<ExportRow[]> | AsyncIterable<ExportRow[]>
  apply: (session: Session, input: Input, author: string, memo: Memo) => Promise<ImportOutcome>
  /**
   * Writes all of a sheet's rows at once, for a register of many alike rows (expenses): as
   * `apply` would one by one, in a few statements. `at` is told the index of the row being
   * written — for the progress bar, for cancelling, and for the row a refusal names.
   */
  applyAll?: (
    session: Session,
    inputs: Input[],
    author: string,
    memo: Memo,
    at: (index: number) => void,
  ) => Promise<ImportOutcome[]>
  /**
   * For a register whose archived records are exported too (with their {@link ARCHIVED_ON}
   * date): archives a record once the whole workbook is in. Archiving twice changes nothing.
   */
  archive?: (session: Session, id: string, author: string) => Promise<void>
  /**
   * What a row asks that must wait for every sheet (a project is closed once its tranches are
   * paid): done once the whole workbook is in, before the archiving. Says whether it changed
   * anything.
   */
  finish?: (session: Session, input: Input, author: string, memo: Memo) => Promise<boolean>
}

/** The column of the day a record was archived, in the registers that export archived records. */
export const ARCHIVED_ON = 'archivedOn'

/**
 * What an import has already looked up, kept for its whole run: each register's records by
 * key, read once and kept current as rows are written (a 50,000-row import must not read a
 * register again for every row).
 */
export type Memo = Map<string, Map<string, unknown>>

/**
 * Forgets what an import remembered of the file (after a row's writing was undone), keeping
 * what it remembered of the workbook: the keys of that kind start with "workbook:".
 */
export function forgetFileState(memo: Memo): void {
  for (const key of [...memo.keys()]) if (!key.startsWith('workbook:')) memo.delete(key)
}

/** Where {@link keptForSheet} keeps its objects in the memo. */
const SHEET_KEPT = 'sheet:'

/**
 * An object an import keeps across the actions writing one sheet's rows: forgotten once the
 * sheet is written ({@link forgetSheetState}) and with the file state (a row undone,
 * {@link forgetFileState}).
 */
export function keptForSheet<T>(memo: Memo, key: string, make: () => T): T {
  let entry = memo.get(SHEET_KEPT + key)
  if (!entry) {
    entry = new Map([['kept', make()]])
    memo.set(SHEET_KEPT + key, entry)
  }
  return entry.get('kept') as T
}

/** Forgets everything kept for the sheet just written (see {@link keptForSheet}). */
export function forgetSheetState(memo: Memo): void {
  for (const key of [...memo.keys()]) if (key.startsWith(SHEET_KEPT)) memo.delete(key)
}

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
 * Writes in one go the rows whose records the file does not hold yet (see {@link recordOnce}):
 * the rows of a register of thousands.
 */
export async function recordAllOnce<Row>(
  memo: Memo,
  memoKey: string,
  held: () => Promise<string[]>,
  rows: readonly Row[],
  keyOf: (row: Row) => string,
  writeMany: (rows: Row[], at: (index: number) => void) => Promise<unknown>,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  const recorded = await known(memo, memoKey, held, (k) => k)
  const outcomes: ImportOutcome[] = []
  const added: number[] = []
  for (const [index, row] of rows.entries()) {
    const wanted = keyOf(row).toLowerCase()
    if (recorded.has(wanted)) outcomes.push('unchanged')
    else {
      recorded.set(wanted, wanted)
      added.push(index)
      outcomes.push('created')
    }
  }
  await writeMany(
    added.map((index) => rows[index] as Row),
    (n) => at(added[n] ?? 0),
  )
  return outcomes
}

/**
 * A sheet's rows written one by one through the register's `apply`, in order: what a register
 * written in bulk falls back to when its rows are not all new (an update replaces a record).
 */
export async function oneByOne<Input>(
  apply: Register<Input>['apply'],
  session: Session,
  inputs: readonly Input[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  for (const [index, input] of inputs.entries()) {
    at(index)
    outcomes.push(await apply(session, input, author, memo))
  }
  return outcomes
}

export const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(b).every((key) => (a[key] ?? null) === (b[key] ?? null))

export function percentOf(bp: number | null): string | null {
  return bp === null ? null : basisPointsToPercent(bp)
}

/** What finds a row's record again, from its parts: the same without case or blanks. */
export function keyOf(...parts: unknown[]): string {
  return parts.map((part) => String(part ?? '').toLowerCase()).join('|')
}

/** An amount in minor units as a decimal string in its currency (150000, 1234.50). */
export function amountText(minor: number, currency: string): string {
  return minorToDecimalString(minor, minorUnits(currency as CurrencyCode))
}

/** A decimal amount already read from a cell, in minor units of its currency. */
export function minorOf(text: string, currency: string): number {
  const parsed = parseAmount(text, currency as CurrencyCode, 'en')
  if (!parsed.ok) throw new RangeError(`Not an amount: ${text}`)
  return parsed.value.minor
}

/** An amount's decimal string as the core writes it for a currency (1234.5 → 1234.50). */
export function normalAmount(text: string, currency: CurrencyCode): string {
  const parsed = parseAmount(text, currency, 'en')
  return parsed.ok ? minorToDecimalString(parsed.value.minor, minorUnits(currency)) : text
}

/** A choice's label in a language, as the template and the export write it. */
export function choiceLabel(column: RegisterColumn, code: string, language: Language): string {
  return column.choices ? translate(language, column.choices.label(code)) : code
}

/** The labels a choice column takes, in a language, for a refusal to list them. */
export function choiceLabels(column: RegisterColumn, language: Language): string[] {
  return (column.choices?.codes ?? []).map((code) => choiceLabel(column, code, language))
}

/**
 * The code of a choice typed as its code or its label (or its first words), in French or
 * English, without regard to case, accents or the kind of apostrophe.
 */
export function choiceCode(column: RegisterColumn, text: string): string | null {
  if (!column.choices) return null
  // A sheet repeats a handful of values thousands of times: each is looked up once.
  let known = CHOICES_READ.get(column)
  if (!known) {
    known = new Map()
    CHOICES_READ.set(column, known)
  }
  const found = known.get(text)
  if (found !== undefined) return found
  const code = lookUpChoice(column, text)
  if (known.size < MAX_CHOICES_READ) known.set(text, code)
  return code
}

/** The codes {@link choiceCode} has found, by column and text (at most a thousand a column). */
const CHOICES_READ = new WeakMap<RegisterColumn, Map<string, string | null>>()
const MAX_CHOICES_READ = 1000

function lookUpChoice(column: RegisterColumn, text: string): string | null {
  if (!column.choices) return null
  const wanted = nameKey(text)
  for (const code of column.choices.codes) {
    if (nameKey(code) === wanted) return code
    for (const language of ['fr', 'en'] as const) {
      const label = nameKey(choiceLabel(column, code, language))
      // "Ville" for "Ville / commune / district": the label's first words are enough.
      const short = label.split(/ \/ | \(/)[0]
      if (label === wanted || short === wanted) return code
    }
  }
  return null
}

/** The ISO code of a country typed as its code or its French or English name. */
export function countryCode(text: string): string | null {
  const wanted = nameKey(text)
  if (/^[a-z]{2}$/.test(wanted)) return wanted.toUpperCase()
  for (const language of ['fr', 'en'] as const) {
    const found = countryOptions(language).find((c) => nameKey(c.name) === wanted)
    if (found) return found.code
  }
  return null
}

/**
 * Amounts named by a key, written in one cell: "KEY : 12 000,00 ; KEY2 : 3 000" — the planned
 * sources of a budget line by agreement, the calls a payment settles by number.
 */
export const keyedAmounts = z
  .string()
  .max(5000)
  .nullish()
  .transform((text, ctx) => {
    const amounts: { key: string; amount: string }[] = []
    for (const part of (text ?? '').split(';')) {
      if (!part.trim()) continue
      const at = part.lastIndexOf(':')
      const parsed = parseAmount(part.slice(at + 1).trim(), 'EUR', 'fr')
      if (at <= 0 || !parsed.ok) {
        ctx.addIssue({ code: 'custom', message: 'workbook.badKeyedAmounts' })
        return z.NEVER
      }
      amounts.push({
        key: part.slice(0, at).trim(),
        amount: minorToDecimalString(parsed.value.minor, 2),
      })
    }
    return amounts
  })

/** Amounts named by a key as {@link keyedAmounts} reads them. */
export function keyedAmountsText(
  amounts: readonly { key: string; amount: string }[],
): string | null {
  return amounts.map((a) => `${a.key} : ${a.amount}`).join(' ; ') || null
}

/** A register's rows page by page, however it gives them. */
export async function* pagesOf(
  rows: Promise<ExportRow[]> | AsyncIterable<ExportRow[]>,
): AsyncIterable<ExportRow[]> {
  if (Symbol.asyncIterator in rows) yield* rows
  else yield await rows
}

/** Rows read a page at a time, each page after the last one's key (keyset paging). */
export const EXPORT_PAGE = 5000

/**
 * A register's rows read a page at a time in the order they were recorded (ids are
 * time-ordered): `page` reads the EXPORT_PAGE rows after an id, `toRow` says each for the sheet.
 */
export async function* pagesById<Record extends { id: string }>(
  page: (after: string) => Promise<Record[]>,
  toRow: (record: Record) => ExportRow,
): AsyncIterable<ExportRow[]> {
  let after = ''
  for (;;) {
    const records = await page(after)
    const last = records.at(-1)
    if (!last) return
    after = last.id
    yield records.map(toRow)
  }
}

/**
 * `apply` and `applyAll` of a register written in bulk (expenses, payments): one row is a bulk
 * of one. `bulk` tells `write` which it serves: only the import's actions of many rows share
 * what they read from one action to the next; a row written alone reads afresh, as a form does.
 */
export function bulkWrites<Input>(
  write: (
    session: Session,
    rows: Input[],
    author: string,
    memo: Memo,
    at: (index: number) => void,
    bulk: boolean,
  ) => Promise<ImportOutcome[]>,
): Pick<Register<Input>, 'apply' | 'applyAll'> {
  return {
    apply: async (session, row, author, memo) =>
      (await write(session, [row], author, memo, () => undefined, false))[0] ?? 'unchanged',
    applyAll: (session, rows, author, memo, at) => write(session, rows, author, memo, at, true),
  }
}
