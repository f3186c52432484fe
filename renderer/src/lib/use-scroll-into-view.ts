import { useEffect, useRef } from 'react'

/**
 * Brings a message into the visible part of the window when it appears or changes, so that a
 * refusal drawn far above the button that caused it is still seen (and announced where it sits).
 */
export function useScrollIntoView<E extends HTMLElement>(shown: unknown) {
  const ref = useRef<E>(null)
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [shown])
  return ref
}
