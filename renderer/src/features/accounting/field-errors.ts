import { ApiError } from '../../lib/api'

/** The core's refusal by field, to show each message next to its field. */
export function fieldErrors(failure: unknown): Record<string, string> {
  if (!(failure instanceof ApiError)) return {}
  return Object.fromEntries((failure.error.fields ?? []).map((f) => [f.path, f.message]))
}
