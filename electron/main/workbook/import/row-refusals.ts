import { type AppFailure, type FailureParams, formatParams } from '../../failure'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import { sqliteCode } from '../../db/sqlite-native'
import type { Register, RegisterColumn } from '../register'
import type { ProblemAt } from './problems'
import type { ReadSheet, SheetRow } from './read-sheet'

/**
 * Messages of the core that speak of the window, said instead as a workbook needs: a missing
 * rate is added in the « Taux de change » sheet (or given in the row's own rate column).
 */
function workbookKey(key: MessageKey, register: Register): MessageKey {
  if (key === 'errors.noRate')
    return register.columns.some((c) => c.kind === 'rate')
      ? 'workbook.noRateOrGiven'
      : 'workbook.noRate'
  return key
}

/** The column a path of the contract's input is read from (`agreementId` → Convention). */
function columnOfPath(register: Register, path: string): RegisterColumn | undefined {
  const field = path.split('.')[0] ?? ''
  const named = register.refusalColumns?.[field] ?? field
  return (
    register.columns.find((c) => c.field === named) ??
    register.columns.find((c) => `${c.field}Id` === named)
  )
}

/** A cell's value as read, for a problem to recall (dates as AAAA-MM-JJ, amounts as decimals). */
function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (Array.isArray(value))
    return (
      value
        .map((v: { key?: unknown; amount?: unknown }) => `${String(v.key)} : ${String(v.amount)}`)
        .join(' ; ') || null
    )
  return String(value)
}

/**
 * The problems a refusal of the core makes, located on the row and the column each concerns:
 * a refusal naming a field is put on that field's column; one naming none, on the column the
 * register says its message concerns, or on the row's first column (what names the record).
 */
export function refusalProblems(
  error: AppFailure,
  sheet: ReadSheet,
  { row, input }: SheetRow,
  language: Language,
): ProblemAt[] {
  const at = (column: RegisterColumn | undefined, key: MessageKey, params: FailureParams) => {
    const located = column ?? register.columns[0]
    return {
      sheet: sheet.name,
      row,
      column: located
        ? (sheet.headings.get(located.field) ?? translate(language, located.heading))
        : null,
      value: located ? shown(input[located.field]) : null,
      key: workbookKey(key, register),
      params: formatParams(params, language),
      blocking: true,
    }
  }
  const register = sheet.register
  if (error.fields.length > 0) {
    return error.fields.map((field) =>
      at(columnOfPath(register, field.path), field.key, field.params ?? {}),
    )
  }
  const field = register.refusalColumns?.[error.key]
  return [
    at(
      field ? register.columns.find((c) => c.field === field) : undefined,
      error.key,
      error.params,
    ),
  ]
}

/** A refusal of the data file itself (a rule of its schema): said with SQLite's words. */
export function fileRuleProblem(
  error: unknown,
  sheet: ReadSheet,
  { row }: SheetRow,
): ProblemAt | null {
  if (sqliteCode(error) !== 'SQLITE_CONSTRAINT') return null
  return {
    sheet: sheet.name,
    row,
    column: null,
    value: null,
    key: 'workbook.fileRule',
    params: {
      detail: error instanceof Error ? error.message.replace(/^SQLITE_CONSTRAINT:\s*/, '') : '',
    },
    blocking: true,
  }
}
