import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useAppStore } from '../../app/app-store'
import { setUnsavedCheck } from '../../lib/unsaved-forms'
import { DiscardQuestion } from './DiscardQuestion'
import { trackFieldChanges } from './field-changes'

/**
 * A field of a form drawn on the page, unless the form holds no entry (a report's choices) or
 * the field is not one of the entry's (the search and filters of a list edited in a form).
 */
function inInlineForm(field: Element): boolean {
  return field.closest('form') !== null && field.closest('[data-not-an-entry]') === null
}

/**
 * Keeps the forms drawn on the page (outside drawers, which guard themselves) from being
 * discarded without a question, as drawers are: their cancel button (one marked
 * `data-discards-form`), Escape in one of their fields (which presses that button), and a move
 * to another area or record (the store asks `hasUnsavedForm` first). A form once sent counts as
 * kept: its fields are followed again from what they then show. A form whose rows are its own
 * state (a table edited in place) also marks itself `data-changed` while it differs from what
 * was saved.
 */
export function InlineFormsGuard({ children }: { children: ReactNode }) {
  const [root, setRoot] = useState<HTMLDivElement | null>(null)
  // What to do once the user agrees to discard: press the cancel button asked from.
  const [pending, setPending] = useState<(() => void) | null>(null)
  const leaving = useAppStore((s) => s.leavingTo !== null)
  const answerLeaving = useAppStore((s) => s.answerLeaving)
  const changes = useRef<ReturnType<typeof trackFieldChanges> | null>(null)

  useEffect(() => {
    if (!root) return
    const tracked = trackFieldChanges(root, inInlineForm)
    changes.current = tracked
    // A form that knows better than its fields (rows added, removed, or redrawn by a search)
    // says so itself with `data-changed`.
    const changed = (form: HTMLFormElement) =>
      tracked.changed(form) || form.getAttribute('data-changed') === 'true'
    setUnsavedCheck(
      () => tracked.changed() || root.querySelector('form[data-changed="true"]') !== null,
    )
    // The cancel button pressed once the user agreed: let through.
    let agreed = false
    const discardWith = (form: HTMLFormElement, cancel: HTMLElement) => () => {
      tracked.forget(form)
      agreed = true
      cancel.click()
      agreed = false
    }
    const cancelClicked = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null
      const cancel = target?.closest<HTMLElement>('[data-discards-form]')
      const form = cancel?.closest('form')
      if (agreed || !cancel || !form || !inInlineForm(cancel) || !changed(form)) return
      event.preventDefault()
      event.stopPropagation()
      setPending(() => discardWith(form, cancel))
    }
    const escapePressed = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null
      // Escape in an open list closes the list, not the form (Mantine's lists name their open
      // dropdown in aria-controls, and this runs before their own handler closes it).
      const listOpen =
        target?.getAttribute('aria-expanded') === 'true' || target?.hasAttribute('aria-controls')
      if (event.key !== 'Escape' || !target || listOpen) return
      const form = target.closest('form')
      const cancel = form?.querySelector<HTMLElement>('[data-discards-form]')
      if (!form || !cancel || !inInlineForm(target)) return
      event.preventDefault()
      if (changed(form)) setPending(() => discardWith(form, cancel))
      else cancel.click()
    }
    const submitted = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement) tracked.forget(event.target)
    }
    root.addEventListener('click', cancelClicked, true)
    root.addEventListener('keydown', escapePressed)
    root.addEventListener('submit', submitted, true)
    return () => {
      tracked.stop()
      setUnsavedCheck(null)
      changes.current = null
      root.removeEventListener('click', cancelClicked, true)
      root.removeEventListener('keydown', escapePressed)
      root.removeEventListener('submit', submitted, true)
    }
  }, [root])

  const keep = () => {
    setPending(null)
    answerLeaving(false)
  }
  const discard = () => {
    if (leaving) {
      if (root) changes.current?.forget(root)
      answerLeaving(true)
    }
    pending?.()
    setPending(null)
  }
  return (
    <div ref={setRoot}>
      {children}
      <DiscardQuestion opened={pending !== null || leaving} onKeep={keep} onDiscard={discard} />
    </div>
  )
}
