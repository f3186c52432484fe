import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form'
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import { issueMessage, issuePath } from '@shared/validation/issues'
import { ApiError } from './api'
import { revealField } from './reveal-refusal'

/** The type of a form's error for a required field left empty. */
const REQUIRED = 'required'

/**
 * The message shown under a field: a required field left empty is said naming the field
 * (« Renseignez « Ligne du budget » : ce champ est obligatoire. »), as the browser's own check
 * says it (required-messages.ts), whether the form, the text's preparation or the core found it
 * empty. `empty`: a required list left without a choice, whatever the schema said of it (« Valeur
 * invalide. », « Choisissez une valeur de la liste. »), is a field to fill in too.
 */
export function fieldMessage(
  error: { type?: string | number; message?: string } | undefined,
  label: string,
  t: TFunction,
  { empty = false }: { empty?: boolean } = {},
): string | undefined {
  const message = error?.message
  if (!message) return undefined
  if (empty || error.type === REQUIRED || message === t('validation.required'))
    return t('validation.requiredNamed', { field: label })
  return message
}

/**
 * Validates a form with the same zod schema the core applies, so a message appears next to its
 * field as the user types; the core still validates again, whatever the form let through.
 */
export function schemaResolver<Values extends FieldValues>(
  schema: z.ZodType,
  t: TFunction,
  /** Turns the form's text into the contract's input; field errors found on the way. */
  prepare?: (values: Values) => { input: unknown; errors: Record<string, string> },
): Resolver<Values> {
  return async (values) => {
    const prepared = prepare ? prepare(values) : { input: values, errors: {} }
    const result = await schema.safeParseAsync(prepared.input)
    const errors: Record<string, { type: string; message: string }> = {}
    for (const [path, message] of Object.entries(prepared.errors))
      errors[path] = { type: 'prepare', message }
    if (result.success && Object.keys(errors).length === 0) return { values, errors: {} }
    const issues = result.success ? [] : result.error.issues
    for (const issue of issues) {
      const path = issuePath(issue)
      if (errors[path]) continue
      const { key, params } = issueMessage(issue)
      // A required field left empty: shown naming the field (`fieldMessage`).
      const type = key === 'validation.required' ? REQUIRED : issue.code
      errors[path] = { type, message: t(key, params) }
    }
    return { values: {}, errors: errors as FieldErrors<Values> }
  }
}

/**
 * Shows the core's refusal next to the fields it names, the first of them (in the form's order,
 * `fieldNames`) focused and brought into view with its message, however far the page or drawer
 * was scrolled. Returns the message to show above the form when the refusal names no field of
 * the form (`FormError` brings that one into view).
 */
export function applyServerErrors<Values extends FieldValues>(
  error: unknown,
  fieldNames: readonly string[],
  setError: UseFormSetError<Values>,
  fallback: string,
): string | null {
  if (!(error instanceof ApiError)) return fallback
  const fields = error.error.fields ?? []
  const known = fields
    .filter((field) => fieldNames.includes(field.path))
    .sort((a, b) => fieldNames.indexOf(a.path) - fieldNames.indexOf(b.path))
  known.forEach((field, index) =>
    setError(
      field.path as Path<Values>,
      { type: 'server', message: field.message },
      // react-hook-form focuses the field it holds (a select too: `FormSelect` gives its ref).
      { shouldFocus: index === 0 },
    ),
  )
  const focused = document.activeElement
  if (known.length > 0 && focused instanceof HTMLElement && focused.matches('input, textarea'))
    revealField(focused)
  return known.length === fields.length && known.length > 0 ? null : error.error.message
}
