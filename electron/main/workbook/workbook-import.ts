import { stat } from 'node:fs/promises'
import { type RawSheet, readWorkbookFile } from './workbook-reader'
import type { Session } from '../app/app-core'
import { AppFailure } from '../failure'
import { toAppError } from '../ipc/dispatch'
import type { Language } from '../../../shared/i18n/locale'
import type { MessageKey } from '../../../shared/i18n/messages/catalog'
import { translate } from '../../../shared/i18n/translate'
import { issueMessage, issuePath } from '../../../shared/validation/issues'
import type {
  WorkbookProblem,
  WorkbookReport,
  WorkbookSheetCount,
} from '../../../shared/workbook/schema'
import type { plainValue } from './cell-values'
import {
  type Read,
  readAmount,
  readCurrency,
  readDate,
  type DateOrder,
  readInteger,
  readText,
} from './cell-values'
import type { CurrencyCode } from '../../../shared/money/currencies'
import { REGISTERS } from './registers'
import {
  type Register,
  type RegisterColumn,
  type Memo,
  type ImportOutcome,
  type RegisterKey,
  type Resolve,
  ARCHIVED_ON,
  choiceCode,
  countryCode,
} from './register'
import { RegisterReader } from './register-reader'
import {
  agreementsByReference,
  fundersByName,
  indicatorsByProject,
  membersByCode,
  projectsByCode,
} from './references'

/**
 * Above this a workbook is refused before it is read: exceljs holds a whole workbook in memory
 * (about 10 kB a row), and 30 MB is several times the largest register a secretariat keeps.
 */
const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024

/** A register's rows read from its sheet, each with the contract input it makes. */
interface ReadSheet {
  register: Register
  name: string
  rows: { row: number; input: Record<string, unknown> }[]
}

export interface CheckedWorkbook {
  report: WorkbookReport
  sheets: ReadSheet[]
  /** The language the problems are said in, and a refusal during the import. */
  language: Language
}

/**
 * Reads a workbook and checks every row of every register sheet as the core would, without
 * writing anything: each problem located (sheet, row, column) and said in `language`, and what
 * the import would create or update.
 */
export async function checkWorkbook(
  session: Session,
  path: string,
  language: Language,
): Promise<CheckedWorkbook> {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params)
  const problems: WorkbookProblem[] = []
  const problem = (
    p: Omit<WorkbookProblem, 'message' | 'code'> & {
      key: MessageKey
      params?: Record<string, string>
    },
  ) =>
    problems.push({
      sheet: p.sheet,
      row: p.row,
      column: p.column,
      value: p.value,
      code: p.key.split('.').at(-1) ?? p.key,
      message: t(p.key, p.params),
      blocking: p.blocking,
    })
  /** A problem of the whole workbook, which stops it. */
  const refuseFile = (key: MessageKey) =>
    problem({ sheet: '', row: null, column: null, value: null, key, blocking: true })
  const sheets = await readRegisterSheets(path, language, problem)
  if (!sheets) return { report: { problems, sheets: [], imported: false }, sheets: [], language }
  if (sheets.length === 0) {
    refuseFile('workbook.noRegister')
  }
  // Checked first, so that a blocking problem is found before anything is written.
  const reader = new RegisterReader(session)
  const known = new Map<RegisterKey, Set<string>>()
  for (const register of REGISTERS) {
    const keys = new Set((await reader.rowsOf(register)).map((row) => register.identity(row)))
    for (const sheet of sheets.filter((s) => s.register === register)) {
      for (const { input } of sheet.rows) keys.add(register.identity(input))
    }
    known.set(register.key, keys)
  }
  // While checking, a record the file has or the workbook brings stands for itself.
  const standIn: Resolve = async (register, key) =>
    known.get(register)?.has(key.toLowerCase()) ? STAND_IN_ID : null
  for (const sheet of sheets) await checkRows(sheet, standIn, problem)
  const counts: WorkbookSheetCount[] = []
  for (const sheet of sheets) {
    const existing = new Set(
      (await reader.rowsOf(sheet.register)).map((row) => sheet.register.identity(row)),
    )
    const update = sheet.rows.filter((r) => existing.has(sheet.register.identity(r.input))).length
    counts.push({
      sheet: sheet.name,
      rows: sheet.rows.length,
      create: sheet.rows.length - update,
      update,
    })
  }
  return { report: { problems, sheets: counts, imported: false }, sheets, language }
}

type Problem = (
  p: Omit<WorkbookProblem, 'message' | 'code'> & {
    key: MessageKey
    params?: Record<string, string>
  },
) => void

/**
 * Reads the register sheets of a workbook into rows of contract input, or says why it cannot
 * (null).
 */
async function readRegisterSheets(
  path: string,
  language: Language,
  problem: Problem,
): Promise<ReadSheet[] | null> {
  const refuseFile = (key: MessageKey) =>
    problem({ sheet: '', row: null, column: null, value: null, key, blocking: true })
  const namesOf = (key: MessageKey) =>
    (['fr', 'en'] as const).map((l) => translate(l, key).toLowerCase())
  const notesNames = namesOf('workbook.sheet.notes')
  const registerNames = REGISTERS.map((register) => namesOf(register.sheet))
  const known = (name: string) => {
    const wanted = name.trim().toLowerCase()
    return notesNames.includes(wanted) || registerNames.some((names) => names.includes(wanted))
  }
  let raw: RawSheet[]
  try {
    if ((await stat(path)).size > MAX_WORKBOOK_BYTES) {
      refuseFile('workbook.tooLarge')
      return null
    }
    raw = await readWorkbookFile(path, known)
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new AppFailure('FILE_NOT_FOUND', 'errors.FILE_NOT_FOUND', { path })
    }
    refuseFile('workbook.notXlsx')
    return null
  }
  const named = (names: string[]) =>
    raw.find((sheet) => names.includes(sheet.name.trim().toLowerCase()))
  const order = declaredDateOrder(named(notesNames), problem)
  const sheets: ReadSheet[] = []
  for (const [index, register] of REGISTERS.entries()) {
    const sheet = named(registerNames[index] ?? [])
    if (!sheet) {
      problem({
        sheet: translate(language, register.sheet),
        row: null,
        column: null,
        value: null,
        key: 'workbook.missingSheet',
        blocking: false,
      })
      continue
    }
    sheets.push(readSheet(sheet, register, language, order, problem))
  }
  return sheets
}

/**
 * The order of dates typed as text, as the Notes sheet declares it (day first when it says
 * nothing): "JJ/MM/AAAA" or "DD/MM/YYYY", or "MM/JJ/AAAA" or "MM/DD/YYYY" for a US workbook.
 */
function declaredDateOrder(notes: RawSheet | undefined, problem: Problem): DateOrder {
  const labels = (['fr', 'en'] as const).map((l) =>
    translate(l, 'workbook.notes.dateOrder').toLowerCase(),
  )
  let order: DateOrder = 'day_first'
  for (const { row, cells } of notes?.rows ?? []) {
    const label = String(cells[1] ?? '')
      .trim()
      .toLowerCase()
    if (!labels.includes(label)) continue
    const declared = String(cells[2] ?? '')
      .replace(/\s/g, '')
      .toUpperCase()
    if (/^(JJ|DD)\/MM\//.test(declared)) order = 'day_first'
    else if (/^MM\/(JJ|DD)\//.test(declared)) order = 'month_first'
    else {
      problem({
        sheet: notes?.name ?? '',
        row,
        column: null,
        value: declared,
        key: 'workbook.badDateOrder',
        blocking: true,
      })
    }
  }
  return order
}

function readSheet(
  sheet: RawSheet,
  register: Register,
  language: Language,
  order: DateOrder,
  problem: Problem,
): ReadSheet {
  const name = sheet.name
  const [first, ...data] = sheet.rows
  const headings = first?.row === 1 ? first.cells : []
  const body = first?.row === 1 ? data : sheet.rows
  const columnOf = new Map<string, number>()
  headings.forEach((cell, index) => {
    const text = String(cell ?? '')
      .trim()
      .toLowerCase()
    const column = register.columns.find((c) =>
      (['fr', 'en'] as const).some((l) => translate(l, c.heading).toLowerCase() === text),
    )
    if (column) columnOf.set(column.field, index)
    else if (text) {
      problem({
        sheet: name,
        row: 1,
        column: String(cell),
        value: null,
        key: 'workbook.unknownColumn',
        blocking: false,
      })
    }
  })
  for (const column of register.columns.filter((c) => c.required && !columnOf.has(c.field))) {
    problem({
      sheet: name,
      row: 1,
      column: translate('fr', column.heading),
      value: null,
      key: 'workbook.missingColumn',
      blocking: true,
    })
  }
  // Merged cells repeat one value over several columns or rows: said, as the rows may be wrong.
  for (const range of sheet.merges) {
    problem({
      sheet: name,
      row: null,
      column: range,
      value: null,
      key: 'workbook.mergedCells',
      blocking: false,
    })
  }
  const headingOf = (field: string) => {
    const index = columnOf.get(field)
    return index === undefined ? null : String(headings[index] ?? '')
  }
  const currencyColumn = register.columns.findIndex((c) => c.kind === 'currency')
  const rows: ReadSheet['rows'] = []
  for (const { row: rowNumber, cells: all } of body) {
    const cells = register.columns.map((column) => {
      const index = columnOf.get(column.field)
      return index === undefined ? null : (all[index] ?? null)
    })
    if (cells.every((cell) => cell === null)) continue
    // A hidden row is data all the same: it is imported, and said.
    if (sheet.hiddenRows.has(rowNumber)) {
      problem({
        sheet: name,
        row: rowNumber,
        column: null,
        value: null,
        key: 'workbook.hiddenRow',
        blocking: false,
      })
    }
    const input: Record<string, unknown> = {}
    const currencyRead = readCurrency(cells[currencyColumn] ?? null)
    const currency = currencyRead.ok && currencyRead.value ? currencyRead.value : 'EUR'
    register.columns.forEach((column, i) => {
      const read = readCell(column, cells[i] ?? null, currency, language, order)
      if (read.ok) input[column.field] = read.value
      else {
        problem({
          sheet: name,
          row: rowNumber,
          column: headingOf(column.field),
          value: cells[i] === null ? null : String(cells[i]),
          key: read.key,
          params: read.params,
          blocking: true,
        })
        input[column.field] = undefined
      }
    })
    rows.push({ row: rowNumber, input })
  }
  return { register, name, rows }
}

function readCell(
  column: RegisterColumn,
  value: ReturnType<typeof plainValue>,
  currency: CurrencyCode,
  language: Language,
  order: DateOrder,
): Read<unknown> {
  switch (column.kind) {
    case 'date':
      return readDate(value, order)
    case 'integer':
      return readInteger(value)
    case 'currency':
      return readCurrency(value)
    case 'amount':
      return readAmount(value, currency, language)
    case 'percent': {
      const text = readText(value)
      return text.ok && text.value
        ? { ok: true, value: text.value.replace('%', '').trim().replace(',', '.') }
        : text
    }
    case 'rate': {
      const text = readText(value)
      return text.ok && text.value ? { ok: true, value: text.value.replace(',', '.') } : text
    }
    case 'country': {
      if (value === null) return { ok: true, value: null }
      const code = countryCode(String(value))
      return code ? { ok: true, value: code } : { ok: false, key: 'workbook.badCountry' }
    }
    case 'choice': {
      if (value === null) return { ok: true, value: null }
      const code = choiceCode(column, String(value))
      return code ? { ok: true, value: code } : { ok: false, key: 'workbook.badChoice' }
    }
    default:
      // A formula typed as text (=HYPERLINK(...)) stays text: cells are never evaluated.
      return readText(value)
  }
}

/** The contract's own rules on each row, and no row twice. */
async function checkRows(sheet: ReadSheet, resolve: Resolve, problem: Problem): Promise<void> {
  const seen = new Map<string, number>()
  for (const { row, input } of sheet.rows) {
    if (Object.values(input).some((value) => value === undefined)) continue
    let unresolved = false
    for (const column of sheet.register.columns.filter((c) => c.references && input[c.field])) {
      const key = column.referenceKey?.(input) ?? String(input[column.field])
      if (await resolve(column.references as RegisterKey, key)) continue
      unresolved = true
      problem({
        sheet: sheet.name,
        row,
        column: translate('fr', column.heading),
        value: String(input[column.field]),
        key: 'workbook.unknownReference',
        blocking: true,
      })
    }
    if (unresolved) continue
    const parsed = sheet.register.schema.safeParse(await contractOf(sheet.register, input, resolve))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issuePath(issue).split('.')[0] ?? ''
        const column = sheet.register.columns.find((c) => c.field === field)
        const { key, params } = issueMessage(issue)
        problem({
          sheet: sheet.name,
          row,
          column: column ? translate('fr', column.heading) : field,
          value: input[field] === null || input[field] === undefined ? null : String(input[field]),
          key,
          params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
          blocking: true,
        })
      }
      continue
    }
    const identity = sheet.register.identity(input)
    const first = seen.get(identity)
    if (first !== undefined) {
      problem({
        sheet: sheet.name,
        row,
        column: null,
        value: identity,
        key: 'workbook.duplicate',
        params: { row: String(first) },
        blocking: true,
      })
    } else seen.set(identity, row)
  }
}

/**
 * Writes the checked rows through each register's service, in order. The caller makes it all
 * or nothing: it takes a backup first and restores it if this throws.
 */
export interface ImportOptions {
  /** Told the share of rows written, from 0 to 1. */
  onProgress?: (share: number) => void
  /** Stops the import between two rows; everything written is then rolled back. */
  signal?: AbortSignal
}

export async function applyWorkbook(
  session: Session,
  checked: CheckedWorkbook,
  author: string,
  options: ImportOptions = {},
): Promise<WorkbookReport> {
  const counts = checked.report.sheets.map((count) => ({
    ...count,
    created: 0,
    updated: 0,
    unchanged: 0,
  }))
  const total = checked.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0)
  let done = 0
  const memo: Memo = new Map()
  const resolve = resolverOf(session, memo)
  // Records the workbook says are archived: written as they were, archived once every sheet is
  // in (a member's calls and payments are recorded while it is still active).
  const archived: { register: Register; key: string }[] = []
  const finishing: {
    register: Register
    input: Record<string, unknown>
    count: (typeof counts)[number] | undefined
    outcome: ImportOutcome
    sheet: string
    row: number
  }[] = []
  for (const [index, sheet] of checked.sheets.entries()) {
    const count = counts[index]
    const order = sheet.register.order
    const rows = order ? [...sheet.rows].sort((a, b) => order(a.input, b.input)) : sheet.rows
    const applyAll = sheet.register.applyAll
    if (applyAll) {
      // A few thousand rows at a time: a register of 35,000 expenses written at once held
      // every row's record, ledger entry and change-log text together (130 MB more).
      for (let start = 0; start < rows.length; start += ROWS_PER_BULK_WRITE) {
        const slice = rows.slice(start, start + ROWS_PER_BULK_WRITE)
        const inputs = []
        for (const { input } of slice) {
          inputs.push(sheet.register.schema.parse(await contractOf(sheet.register, input, resolve)))
        }
        const before = done
        let current = slice[0]?.row ?? 0
        const outcomes = await applyAll(session, inputs, author, memo, (index) => {
          if (options.signal?.aborted) throw new AppFailure('CANCELLED')
          current = slice[index]?.row ?? current
          if (index % 50 === 0) options.onProgress?.((before + index) / total)
        }).catch((error: unknown) => refusedOn(sheet.name, current, checked.language)(error))
        for (const outcome of outcomes) if (count) count[outcome] += 1
        done += slice.length
      }
      continue
    }
    for (const { row, input } of rows) {
      if (options.signal?.aborted) throw new AppFailure('CANCELLED')
      const contract = await contractOf(sheet.register, input, resolve)
      if (sheet.register.archive && input[ARCHIVED_ON])
        archived.push({ register: sheet.register, key: sheet.register.identity(input) })
      const parsed = sheet.register.schema.parse(contract)
      const outcome = await sheet.register
        .apply(session, parsed, author, memo)
        .catch(refusedOn(sheet.name, row, checked.language))
      if (count) count[outcome] += 1
      if (sheet.register.finish) {
        finishing.push({
          register: sheet.register,
          input: parsed,
          count,
          outcome,
          sheet: sheet.name,
          row,
        })
      }
      done += 1
      if (done % 50 === 0) options.onProgress?.(done / total)
    }
  }
  for (const { register, input, count, outcome, sheet, row } of finishing) {
    const changed = await register
      .finish?.(session, input, author, memo)
      .catch(refusedOn(sheet, row, checked.language))
    // A row found unchanged whose ending is now recorded (a project closed since) was updated.
    if (changed && outcome === 'unchanged' && count) {
      count.unchanged -= 1
      count.updated += 1
    }
  }
  for (const { register, key } of archived) {
    const id = await resolve(register.key, key)
    if (id) await register.archive?.(session, id, author)
  }
  return { problems: checked.report.problems, sheets: counts, imported: true }
}

/** The core's refusal of a row, said with the row it came from: the whole import is undone. */
function refusedOn(sheet: string, row: number, language: Language) {
  return (error: unknown): never => {
    if (!(error instanceof AppFailure) || error.code === 'CANCELLED') throw error
    throw new AppFailure(error.code, 'workbook.rowRefused', {
      sheet,
      row: String(row),
      reason: toAppError(error, language).message,
    })
  }
}

/** A row as its register's contract takes it: references made ids, the archive date aside. */
async function contractOf(
  register: Register,
  input: Record<string, unknown>,
  resolve: Resolve,
): Promise<Record<string, unknown>> {
  const fields = register.archive
    ? Object.fromEntries(Object.entries(input).filter(([field]) => field !== ARCHIVED_ON))
    : input
  return register.toInput ? register.toInput(fields, resolve) : fields
}

/**
 * Imports all or nothing, in one transaction of the data file: a refused row undoes every row
 * before it. A verified backup is taken first all the same, for the user's peace of mind.
 */
export async function importAllOrNothing(
  session: Session,
  checked: CheckedWorkbook,
  author: string,
  options: ImportOptions = {},
): Promise<WorkbookReport> {
  await session.backups.create('import')
  return session.file.batch(author, () => applyWorkbook(session, checked, author, options))
}

/** Rows of a bulk register (expenses, payments) written in one action of the import. */
const ROWS_PER_BULK_WRITE = 5000

const STAND_IN_ID = '00000000-0000-7000-8000-000000000000'

/** Finds a record of the file by the key its register's rows carry. */
function resolverOf(session: Session, memo: Memo): Resolve {
  return async (register, key) => {
    const wanted = key.toLowerCase()
    if (register === 'funders') return (await fundersByName(session, memo)).get(wanted)?.id ?? null
    if (register === 'agreements')
      return (await agreementsByReference(session, memo)).get(wanted)?.id ?? null
    if (register === 'members') return (await membersByCode(session, memo)).get(wanted)?.id ?? null
    if (register === 'projects')
      return (await projectsByCode(session, memo)).get(wanted)?.id ?? null
    if (register === 'indicators') {
      // An indicator is named within its project: "project code|indicator name".
      const [code = '', ...name] = wanted.split('|')
      const project = (await projectsByCode(session, memo)).get(code)
      if (!project) return null
      const key = `${project.id}|${name.join('|')}`.toLowerCase()
      return (await indicatorsByProject(session, memo)).get(key)?.id ?? null
    }
    return null
  }
}
