import { useEffect, useMemo } from 'react'
import { create } from 'zustand'
import { type Programme, programmeLabel } from '@shared/programmes/schema'
import type { AppState } from '@shared/app/schema'
import { useAppStore } from '../../app/app-store'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'

interface ProgrammesStore {
  /**
   * The open file's programmes, archived ones included, and the application state they were
   * read under: a new state (another file, an import, a sync, a restore) reads them again.
   */
  readUnder: AppState | null
  all: Programme[] | null
  load(state: AppState): Promise<void>
}

/** The programmes of the open file, read again after a change in Paramètres or of the state. */
export const useProgrammesStore = create<ProgrammesStore>((set) => ({
  readUnder: null,
  all: null,
  async load(state) {
    const all = await call('programmes.list', { includeArchived: true })
    set({ readUnder: state, all })
  },
}))

/**
 * The AIMF programmes as the screens use them: each one's name in the interface's language
 * by its code, and the choices a form offers (the live programmes, and the one a record
 * already has if it was archived since).
 */
export function useProgrammes() {
  const state = useAppStore((s) => s.state)
  const { all, readUnder, load } = useProgrammesStore()
  const language = useLanguage()
  const open = state?.file ? state : null
  useEffect(() => {
    if (open && open !== readUnder) void load(open)
  }, [open, readUnder, load])
  // Until read again, the names of the same file still hold (a new state of the same file).
  const known = open && readUnder?.file?.path === open.file?.path ? all : null
  return useMemo(() => {
    const list = known ?? []
    const byCode = new Map(list.map((p) => [p.code, programmeLabel(p, language)]))
    return {
      all: list,
      name: (code: string | null | undefined) => (code ? (byCode.get(code) ?? code) : ''),
      choices: (current?: string | null) =>
        list
          .filter((p) => !p.archivedAt || p.code === current)
          .map((p) => ({ value: p.code, label: programmeLabel(p, language) })),
    }
  }, [known, language])
}
