import { RegisterList, type RegisterListProps } from './RegisterList'
import { useListView } from './use-list-url-state'

/** A list inside a record's tab: it scrolls in its own box rather than lengthening the page. */
export const TAB_LIST_HEIGHT = '45vh'

/**
 * A record's list in one of its tabs (an agreement's receipts, a project's tranches…): the
 * register list of every area, its view kept in the address under its own name.
 */
export function TabRegister<Row>(
  props: Omit<RegisterListProps<Row>, 'view' | 'onView' | 'height'> & { height?: string },
) {
  const [view, onView] = useListView(props.listId)
  return (
    <RegisterList {...props} view={view} onView={onView} height={props.height ?? TAB_LIST_HEIGHT} />
  )
}
