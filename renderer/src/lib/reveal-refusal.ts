/**
 * Brings a refused field into view with its message, and the focus into it, so that a refusal
 * of the core is seen where the user acts: not drawn above the visible part of a long page or
 * drawer while the button pressed seems to do nothing.
 *
 * The message is drawn by React after the refusal is set: the field and the elements that
 * describe it (its message, `aria-describedby`) are scrolled to once the page has been drawn.
 */
export function revealField(field: HTMLElement | null): void {
  if (!field) return
  if (document.activeElement !== field) field.focus({ preventScroll: true })
  // Two frames: the first lets React draw the message, the second scrolls to it once laid out.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const described = (field.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id) : null))
      field.scrollIntoView?.({ block: 'center' })
      for (const message of described) message?.scrollIntoView?.({ block: 'nearest' })
    }),
  )
}

/** The first field a form shows as refused (`aria-invalid`), in the order of the page. */
export function firstRefusedField(root: ParentNode | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null
}

/**
 * Reveals the first refused field of the form that holds `inside` (the field the core named, or
 * any element of the form), once React has drawn the refusals: used where the form's fields are
 * not held by react-hook-form (the accounting tabs' rows, the schedules).
 */
export function revealFirstRefusal(inside: Element | null): void {
  const root = inside?.closest('form') ?? inside
  requestAnimationFrame(() => revealField(firstRefusedField(root)))
}
