import { createContext, type ReactNode, useContext } from 'react'

/**
 * Why no entry can be made anywhere below on the page (a closed agreement): every ActionButton
 * and EntryButton inside shows itself disabled with that reason, so that a section need not be
 * told of each state of its record. Null where entries are taken.
 */
const EntriesClosedContext = createContext<string | null>(null)

export function EntriesClosed({
  reason,
  children,
}: {
  reason: string | null
  children: ReactNode
}) {
  return <EntriesClosedContext.Provider value={reason}>{children}</EntriesClosedContext.Provider>
}

/** The reason entries are closed here, if they are. */
export function useEntriesClosed(): string | null {
  return useContext(EntriesClosedContext)
}
