import type { JournalEntry } from '@shared/history/schema'
import { useAppStore } from '../../app/app-store'
import { MARK_PARAM } from '../../lib/use-marked-row'
import { goToUrlParams } from '../../lib/use-url-param'
import { destinationOf, TAB_PARAMS } from './record-destinations'

/**
 * « Voir » for a journal line: opens the page or area where its record is shown, on the tab
 * that lists it, with its row marked (`?mark=`). Null when the record is shown nowhere.
 */
export function usePlaceOpener(): (entry: JournalEntry) => (() => void) | null {
  const pages = {
    agreement: useAppStore((s) => s.openAgreement),
    project: useAppStore((s) => s.openProject),
    member: useAppStore((s) => s.openMember),
    funder: useAppStore((s) => s.openFunder),
  }
  const setArea = useAppStore((s) => s.setArea)
  return (entry) => {
    const place = entry.place
    const destination = destinationOf(place)
    if (!place || !destination) return null
    const mark = { [MARK_PARAM]: place.rowId }
    if ('area' in destination)
      return () => {
        goToUrlParams({ ...destination.params, ...mark })
        setArea(destination.area)
      }
    const { page, tab } = destination
    const parentId = place.parentId
    if (parentId === null) return null
    return () => {
      goToUrlParams({ ...(tab ? { [TAB_PARAMS[page]]: tab } : {}), ...mark })
      pages[page](parentId)
    }
  }
}
