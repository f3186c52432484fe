/** The value a test expects to exist, or a failure that says what was missing. */
export function found<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} not found`)
  return value
}
