import type { Session } from '../../app/session'
import { translate } from '@shared/i18n/translate'
import { issueMessage, issuePath } from '@shared/validation/issues'
import { ARCHIVED_ON, type Register, type RegisterKey, type Resolve } from '../register'
import type { Problems } from './problems'
import type { ReadSheet } from './read-sheet'
import { quotedNames } from '../names'
import { NameResolver, STAND_IN_ID, spellings } from './resolve'

/**
 * Checks every row before anything is written, as a form would: what each reference names
 * (in the file, or in the workbook's own sheets), the contract's rules, and no row twice. What
 * only writing can tell (a fund's balance, a project's lifecycle) is found by the import itself,
 * run in a transaction that a dry run rolls back.
 */
export async function checkSheets(
  session: Session,
  sheets: readonly ReadSheet[],
  problems: Problems,
): Promise<void> {
  const standIns = new Map<RegisterKey, [name: string, value: string][]>()
  for (const sheet of sheets) {
    const { name, aliases, referencedByName } = sheet.register
    if (!name) continue
    const names = standIns.get(sheet.register.key) ?? []
    for (const { input } of sheet.rows) {
      const value = referencedByName ? name(input) : STAND_IN_ID
      for (const alias of [name(input), ...(aliases?.(input) ?? [])]) names.push([alias, value])
    }
    standIns.set(sheet.register.key, names)
  }
  const resolver = new NameResolver(session, new Map(), standIns)
  for (const sheet of sheets) await checkRows(sheet, resolver, problems)
}

async function checkRows(sheet: ReadSheet, resolver: NameResolver, problems: Problems) {
  const register = sheet.register
  const language = problems.language
  const seen = new Map<string, number>()
  const columnName = (field: string) => {
    const column = register.columns.find((c) => c.field === field)
    return sheet.headings.get(field) ?? (column ? translate(language, column.heading) : field)
  }
  // Worked out once for the sheet, not for each of its thousands of rows.
  const referring = register.columns.filter((c) => c.references)
  for (const sheetRow of sheet.rows) {
    const { row, input } = sheetRow
    if (unreadCell(input)) continue
    let unresolved = false
    for (const column of referring) {
      if (!input[column.field]) continue
      const target = column.references as RegisterKey
      const name = column.referenceKey?.(input) ?? String(input[column.field])
      const found = await resolver.find(target, name)
      if (found.kind === 'one') continue
      unresolved = true
      const close = spellings(found, name, await resolver.names(target), language)
      const choices = close ? [] : await resolver.choices(target, language)
      problems.add({
        sheet: sheet.name,
        row,
        column: columnName(column.field),
        value: String(input[column.field]),
        key:
          found.kind === 'ambiguous'
            ? 'workbook.ambiguousReference'
            : close
              ? 'workbook.unknownReferenceClose'
              : choices.length > 0
                ? 'workbook.unknownReferenceChoices'
                : 'workbook.unknownReference',
        params: { names: close || quotedNames(choices, language) },
        blocking: true,
      })
    }
    if (unresolved) continue
    let named = referring.some((c) => input[c.field])
    const resolve: Resolve = (target, name) => {
      named = true
      return resolver.resolve(target, name)
    }
    const parsed = register.schema.safeParse(await contractOf(register, input, resolve))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issuePath(issue).split('.')[0] ?? ''
        // A required column missing from the sheet is said once, on its heading row.
        const column = register.columns.find((c) => c.field === field)
        if (column?.required && !sheet.headings.has(field)) continue
        const { key, params } = issueMessage(issue)
        problems.add({
          sheet: sheet.name,
          row,
          column: columnName(register.refusalColumns?.[field] ?? field),
          value: input[field] === null || input[field] === undefined ? null : String(input[field]),
          key,
          params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
          blocking: true,
        })
      }
      continue
    }
    // Named no record: the writing's contract is this one (a record named stands for its id).
    if (!named) sheetRow.contract = parsed.data as Record<string, unknown>
    const identity = register.identity(input)
    const first = seen.get(identity)
    if (first !== undefined) {
      problems.add({
        sheet: sheet.name,
        row,
        column: columnName(register.columns[0]?.field ?? ''),
        value: String(input[register.columns[0]?.field ?? ''] ?? ''),
        key: 'workbook.duplicate',
        params: { row: String(first) },
        blocking: true,
      })
    } else seen.set(identity, row)
  }
}

/** True when a cell of the row could not be read (said when it was read). */
function unreadCell(input: Record<string, unknown>): boolean {
  for (const field in input) if (input[field] === undefined) return true
  return false
}

/** A row as its register's contract takes it, references standing for their records. */
async function contractOf(register: Register, input: Record<string, unknown>, resolve: Resolve) {
  const fields = register.archive
    ? Object.fromEntries(Object.entries(input).filter(([field]) => field !== ARCHIVED_ON))
    : input
  return register.toInput ? register.toInput(fields, resolve) : fields
}
