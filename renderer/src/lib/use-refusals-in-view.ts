import { useEffect, useRef } from 'react'
import { firstRefusedField, revealField } from './reveal-refusal'

/**
 * For a form that keeps the core's refusals in its own state (by field, as the accounting tabs
 * do): once they are drawn, the first refused field of the form (in the page's order) takes the
 * focus and is brought into view with its message. The ref is to be set on the form.
 */
export function useRefusalsInView<E extends HTMLElement>(errors: Record<string, string>) {
  const ref = useRef<E>(null)
  useEffect(() => {
    if (Object.keys(errors).length > 0) revealField(firstRefusedField(ref.current))
  }, [errors])
  return ref
}
