import { ApiError } from '../../lib/api'

/** The core's refusals of an entry's fields, by field (`dueOn`, `amount`). */
export function fieldErrors(failure: unknown): Record<string, string> {
  return failure instanceof ApiError
    ? Object.fromEntries((failure.error.fields ?? []).map((f) => [f.path, f.message]))
    : {}
}
