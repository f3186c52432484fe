import { useCallback, useState } from 'react'

/** What a list keeps in the address: its search, filters, sort and grouping, as text. */
export type ListView = Readonly<Record<string, string>>

function read(listId: string): ListView {
  const view: Record<string, string> = {}
  const prefix = `${listId}.`
  for (const [key, value] of new URLSearchParams(window.location.search)) {
    if (key.startsWith(prefix)) view[key.slice(prefix.length)] = value
  }
  return view
}

function write(listId: string, view: ListView): void {
  const url = new URL(window.location.href)
  const prefix = `${listId}.`
  for (const key of [...url.searchParams.keys()]) {
    if (key.startsWith(prefix)) url.searchParams.delete(key)
  }
  for (const [key, value] of Object.entries(view)) {
    if (value !== '') url.searchParams.set(`${prefix}${key}`, value)
  }
  window.history.replaceState(window.history.state, '', url)
}

/**
 * A list's view kept in the address (`?projects.q=eau&projects.status=ongoing`): the page
 * opened again — back from a record, or on Back — finds its search and filters as they were.
 */
export function useListView(
  listId: string,
  /** A patch over the address's view when the list opens (e.g. a dashboard figure's filter). */
  opening?: () => ListView,
): [ListView, (patch: ListView) => void] {
  const [view, setView] = useState<ListView>(() => {
    const patch = opening?.() ?? {}
    if (Object.keys(patch).length === 0) return read(listId)
    const next = { ...read(listId), ...patch }
    write(listId, next)
    return next
  })
  const update = useCallback(
    (patch: ListView) => {
      setView((current) => {
        const next = { ...current, ...patch }
        write(listId, next)
        return next
      })
    },
    [listId],
  )
  return [view, update]
}
