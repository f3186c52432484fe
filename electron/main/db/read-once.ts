/**
 * Reads something once per action and keeps it for the rest of it: an import checks thousands
 * of alike rows against the same few projects, lines and agreements.
 */
export function readOnce<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  read: () => Promise<T>,
): Promise<T> {
  let found = cache.get(key)
  if (!found) {
    found = read()
    cache.set(key, found)
  }
  return found
}
