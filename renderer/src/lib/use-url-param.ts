import { useCallback, useEffect, useState } from 'react'

function read(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name)
}

/**
 * One value of the page's address (`?name=value`), such as the tab a record page shows: each
 * change is a new history entry, so Back returns to the previous value, and the value stays in
 * the address when the user leaves the page and comes back to it.
 */
export function useUrlParam(name: string): [string | null, (value: string) => void] {
  const [value, setValue] = useState(() => read(name))
  useEffect(() => {
    const followHistory = () => setValue(read(name))
    window.addEventListener('popstate', followHistory)
    return () => window.removeEventListener('popstate', followHistory)
  }, [name])
  const change = useCallback(
    (next: string) => {
      if (read(name) === next) return
      const url = new URL(window.location.href)
      url.searchParams.set(name, next)
      try {
        window.history.pushState(window.history.state, '', url)
      } catch {
        // An address that cannot change (a sandboxed page): the value still changes on screen.
      }
      setValue(next)
    },
    [name],
  )
  return [value, change]
}

/**
 * Moves the address to these values at once (one history entry, so Back returns) and tells the
 * pages on show, whose `useUrlParam` follow it as they follow Back.
 */
export function goToUrlParams(values: Readonly<Record<string, string>>): void {
  const url = new URL(window.location.href)
  for (const [name, value] of Object.entries(values)) url.searchParams.set(name, value)
  try {
    window.history.pushState(window.history.state, '', url)
  } catch {
    return
  }
  window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }))
}

/** A value of the address as it is now, for a part that reads it once when it is shown. */
export function urlParam(name: string): string | null {
  return read(name)
}

/**
 * An area's tab, opened on the one a link named in the address (`?budgetTab=expenses`, from the
 * journal's « Voir »), else on its first; the name is then taken out of the address, so that the
 * area comes back on its first tab next time, as it always did.
 */
export function useLinkedTab(name: string, first: string): [string, (tab: string) => void] {
  const [tab, setTab] = useState(() => read(name) ?? first)
  useEffect(() => dropUrlParam(name), [name])
  return [tab, setTab]
}

/**
 * Takes a value out of the address once it has done its work (a link's tab opened, its row
 * marked), in place: no history entry is added, and the pages holding it keep what they read.
 */
export function dropUrlParam(name: string): void {
  if (read(name) === null) return
  const url = new URL(window.location.href)
  url.searchParams.delete(name)
  try {
    window.history.replaceState(window.history.state, '', url)
  } catch {
    // An address that cannot change: what it asked for is shown all the same.
  }
}
