import { useEffect } from 'react'
import { dropUrlParam, useUrlParam } from './use-url-param'

/** The address's name for the row a link asked to mark (`?mark=<record id>`). */
export const MARK_PARAM = 'mark'

function rowOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`)
}

/**
 * Marks the row of the record the address names (a receipt opened from the journal): the row,
 * wherever a list draws it (`data-record-id`), is outlined and told to screen readers as the
 * current one, and scrolled into view once, when it first appears — a tab or a list read after
 * the page opens draws it late, so the document is watched until then. A list drawn again
 * keeps the mark. Once shown, the name is taken out of the address (no history entry), so that
 * a tab changed or a page opened after it does not carry it on.
 */
export function useMarkedRow(): void {
  const [marked] = useUrlParam(MARK_PARAM)
  useEffect(() => {
    if (!marked) return
    let scrolled = false
    const mark = () => {
      const row = rowOf(marked)
      for (const other of document.querySelectorAll<HTMLElement>('[data-marked]'))
        if (other !== row) {
          other.removeAttribute('data-marked')
          other.removeAttribute('aria-current')
        }
      if (!row || row.dataset.marked === 'true') return
      row.dataset.marked = 'true'
      row.setAttribute('aria-current', 'true')
      if (!scrolled) row.scrollIntoView({ block: 'center' })
      scrolled = true
      dropUrlParam(MARK_PARAM)
    }
    mark()
    const watcher = new MutationObserver(mark)
    watcher.observe(document.body, { childList: true, subtree: true })
    return () => watcher.disconnect()
  }, [marked])
}
