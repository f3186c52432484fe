import { create } from 'zustand'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import type { Language } from '@shared/i18n/locale'
import { call } from '../lib/api'
import { applyLanguage } from '../lib/i18n'
import { hasUnsavedForm } from '../lib/unsaved-forms'
import type { Area } from './area-names'
import type { ProjectStatus } from '@shared/projects/schema'

/** The filter the Projets list opens on, when reached from a dashboard figure. */
export interface ProjectsFilter {
  status?: ProjectStatus
  country?: string
}

interface AppStore {
  state: AppState | null
  area: Area
  /** The agreement whose page is open in Conventions, if any. */
  openAgreementId: string | null
  /** The project whose page is open in Projets, if any. */
  openProjectId: string | null
  /** The member whose page is open in Membres, if any. */
  openMemberId: string | null
  /** The funder whose page is open in Bailleurs, if any. */
  openFunderId: string | null
  /** The class of funds the Conventions list opens filtered on, when reached from a figure. */
  agreementsClass: 'tied' | 'untied' | null
  /** The filter the Projets list opens on, when reached from a figure (read once by the list). */
  projectsFilter: ProjectsFilter | null
  /** The file the user has just created from the window: its lists open on the first steps. */
  newFilePath: string | null
  /** Bumped after a change made outside the screen (an undo): the screen reads its data again. */
  dataVersion: number
  /**
   * A move to another area or record asked while a form on the page holds changes: done once
   * the user agrees to discard them (`answerLeaving`), dropped otherwise.
   */
  leavingTo: (() => void) | null
  answerLeaving(discard: boolean): void
  /** Reads the state again from the core (after a file or language change). */
  refresh(): Promise<void>
  setArea(area: Area): void
  /** Opens an agreement's page, from anywhere (a dashboard figure, an alert). */
  openAgreement(id: string | null): void
  /** Opens a project's page, from anywhere (an agreement's list of projects). */
  openProject(id: string | null): void
  /** Opens a member's page, from anywhere (a project, the largest arrears). */
  openMember(id: string | null): void
  /** Opens a funder's page, from anywhere (an agreement's page, the funders' list). */
  openFunder(id: string | null): void
  /** Opens the Conventions list on one class of funds. */
  openAgreementsOf(fundClass: 'tied' | 'untied'): void
  /** Opens the Projets list filtered on a status or a country. */
  openProjectsWhere(filter: ProjectsFilter): void
  /** Tells the screen on show that data changed under it. */
  dataChanged(): void
  setLanguage(language: Language): Promise<void>
  fileOpened(file: OpenFileInfo): Promise<void>
  /** A new empty file created by the user, then opened. */
  fileCreated(file: OpenFileInfo): Promise<void>
}

type NavigationKey =
  | 'setArea'
  | 'openAgreement'
  | 'openProject'
  | 'openMember'
  | 'openFunder'
  | 'openAgreementsOf'
  | 'openProjectsWhere'

/** Every move of the window, asked first when a form on the page holds changes. */
function guarded(store: AppStore, set: (partial: Partial<AppStore>) => void): AppStore {
  const guard =
    <Args extends unknown[]>(move: (...args: Args) => void) =>
    (...args: Args) => {
      if (hasUnsavedForm()) set({ leavingTo: () => move(...args) })
      else move(...args)
    }
  const keys: NavigationKey[] = [
    'setArea',
    'openAgreement',
    'openProject',
    'openMember',
    'openFunder',
    'openAgreementsOf',
    'openProjectsWhere',
  ]
  const moves = Object.fromEntries(
    keys.map((key) => [key, guard(store[key] as (...args: unknown[]) => void)]),
  )
  return { ...store, ...moves }
}

export const useAppStore = create<AppStore>((set, get) =>
  guarded(
    {
      state: null,
      area: 'funders',
      openAgreementId: null,
      openProjectId: null,
      openMemberId: null,
      openFunderId: null,
      agreementsClass: null,
      projectsFilter: null,
      dataVersion: 0,
      newFilePath: null,
      leavingTo: null,
      answerLeaving(discard) {
        const move = get().leavingTo
        set({ leavingTo: null })
        if (discard) move?.()
      },
      async refresh() {
        const state = await call('app.getState', {})
        await applyLanguage(state.language)
        set({ state })
      },
      setArea(area) {
        set({
          area,
          openAgreementId: null,
          openProjectId: null,
          openMemberId: null,
          openFunderId: null,
          agreementsClass: null,
          projectsFilter: null,
        })
      },
      openProjectsWhere(filter) {
        set({ area: 'projects', openProjectId: null, projectsFilter: filter })
      },
      dataChanged() {
        set((s) => ({ dataVersion: s.dataVersion + 1 }))
      },
      openAgreementsOf(fundClass) {
        set({ area: 'agreements', openAgreementId: null, agreementsClass: fundClass })
      },
      openFunder(id) {
        set({ area: 'funders', openFunderId: id })
      },
      openMember(id) {
        set({ area: 'members', openMemberId: id })
      },
      openProject(id) {
        set({ area: 'projects', openProjectId: id })
      },
      openAgreement(id) {
        set({ area: 'agreements', openAgreementId: id })
      },
      async setLanguage(language) {
        const state = await call('app.setLanguage', { language })
        await applyLanguage(state.language)
        set({ state })
      },
      async fileOpened() {
        set({ area: 'funders' })
        await get().refresh()
      },
      async fileCreated(file) {
        set({ newFilePath: file.path })
        await get().fileOpened(file)
      },
    },
    set,
  ),
)
