type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement

/** What a field shows (a choice's shown text included). */
function fieldState(field: Field): string {
  if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio'))
    return String(field.checked)
  return field.value
}

function isField(target: EventTarget | null): target is Field {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

/** The changes made to the fields under one element, as `trackFieldChanges` follows them. */
export interface FieldChanges {
  /** Whether a field (under `scope`, when given) no longer shows what it showed when entered. */
  changed(scope?: Element): boolean
  /** Forgets the fields under `scope`: what they show now is their starting point. */
  forget(scope: Element): void
  stop(): void
}

/**
 * Follows the changes made to the fields under `root`, read from the page itself, so that every
 * form is covered without wiring: each field's value is noted when the user first goes into it
 * (before anything is typed or chosen there), and a field has changed when it no longer shows
 * that value. Lists that load after opening are not changes; typing a value and putting the old
 * one back is none. `follows` says which fields count (all of them unless given).
 */
export function trackFieldChanges(
  root: HTMLElement,
  follows: (field: Field) => boolean = () => true,
): FieldChanges {
  const noted = new Map<Field, string>()
  const entered = (event: FocusEvent) => {
    if (isField(event.target) && !noted.has(event.target) && follows(event.target))
      noted.set(event.target, fieldState(event.target))
  }
  root.addEventListener('focusin', entered, true)
  return {
    changed: (scope) =>
      Array.from(noted).some(
        ([field, was]) =>
          field.isConnected && (!scope || scope.contains(field)) && fieldState(field) !== was,
      ),
    forget: (scope) => {
      for (const field of noted.keys()) if (scope.contains(field)) noted.delete(field)
    },
    stop: () => root.removeEventListener('focusin', entered, true),
  }
}
