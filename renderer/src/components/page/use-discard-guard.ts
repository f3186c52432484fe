import { useCallback, useEffect, useState } from 'react'
import { trackFieldChanges } from './field-changes'

/** For each form's element, whether one of its fields changed since this opening. */
const changeChecks = new WeakMap<HTMLElement, () => boolean>()

/**
 * Keeps a changed form from being discarded without a question, whatever discards it: Escape,
 * the close button, a click beside the drawer, or a cancel button inside the form (one marked
 * `data-discards-form`, as `FormActions`' is).
 *
 * The form's fields are read from the page itself, so every form is covered without wiring
 * (`trackFieldChanges`).
 *
 * `content` is to be set as the ref of the element that holds the form.
 */
export function useDiscardGuard(opened: boolean, close: () => void) {
  // The drawer's content is mounted in a portal after the drawer itself: held in state, so that
  // the listeners are set once it is there.
  const [root, content] = useState<HTMLElement | null>(null)
  const [asking, setAsking] = useState(false)

  const changed = useCallback(() => (root ? (changeChecks.get(root)?.() ?? false) : false), [root])

  /** Closes at once when nothing changed; otherwise asks first. */
  const requestClose = useCallback(() => {
    if (changed()) setAsking(true)
    else close()
  }, [changed, close])

  useEffect(() => {
    if (!opened || !root) return
    // Each opening starts with nothing noted (the drawer may keep its content element).
    const changes = trackFieldChanges(root)
    changeChecks.set(root, () => changes.changed())
    // A cancel button's own click would discard the form: stopped here, before React sees it.
    const cancelClicked = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null
      if (!target?.closest('[data-discards-form]') || !changed()) return
      event.preventDefault()
      event.stopPropagation()
      setAsking(true)
    }
    root.addEventListener('click', cancelClicked, true)
    return () => {
      changes.stop()
      root.removeEventListener('click', cancelClicked, true)
      changeChecks.delete(root)
    }
  }, [opened, root, changed])

  return {
    content,
    requestClose,
    asking,
    keepEditing: () => setAsking(false),
    discard: () => {
      setAsking(false)
      close()
    },
  }
}
