import i18next from 'i18next'

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** The field's name as its label shows it, without the asterisk of a required field. */
function fieldName(field: Field): string {
  const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? ''
  return label.replace(/\s*\*\s*$/, '').trim()
}

/**
 * The fields that hold the app's message, set when the browser found them empty. A message set
 * with `setCustomValidity` makes a field invalid whatever its value, until it is taken off.
 */
const flagged = new Set<Field>()

/**
 * Takes the message off a field that is no longer empty (or no longer on the page), so that the
 * browser checks its value afresh; an empty field keeps it.
 */
function recheck(field: Field): void {
  if (field.isConnected && field.validity.valueMissing) return
  field.setCustomValidity('')
  flagged.delete(field)
}

function recheckAll(): void {
  for (const field of [...flagged]) recheck(field)
}

/**
 * The events before which, and after which, a field may have been filled. A list (a Mantine
 * select) or a calendar fills its field by code, without any `input` or `change` event: the
 * click that picked the choice, or the key that did, is followed by a check once the page has
 * drawn the choice. The click on a submit button (an Enter in a field clicks it too) is seen
 * before the browser checks the form, so that a field filled meanwhile is never refused.
 */
const FILLING_EVENTS = ['input', 'change', 'click', 'keydown', 'focusout'] as const

/**
 * Where a form still lets the browser check a required field, its message is the app's, in the
 * user's language and naming the field — never the browser's « Please fill out this field. ».
 * The message lasts only as long as the field is empty, however the field was filled: typed,
 * picked in a list with the mouse or the keyboard, chosen in a calendar, or set by the form.
 */
export function installRequiredMessages(root: Document = document): void {
  root.addEventListener(
    'invalid',
    (event) => {
      const field = event.target as Field
      if (!field.validity?.valueMissing) {
        // A message left on a field filled without any event the page heard: taken off now, so
        // that the next attempt is checked on the value.
        if (flagged.has(field)) recheck(field)
        return
      }
      const name = fieldName(field)
      field.setCustomValidity(
        name
          ? i18next.t('validation.requiredNamed', { field: name })
          : i18next.t('validation.required'),
      )
      flagged.add(field)
    },
    true,
  )
  for (const type of FILLING_EVENTS) {
    root.addEventListener(
      type,
      () => {
        if (flagged.size === 0) return
        recheckAll()
        // Once the page has drawn what the event did (the choice picked, the day chosen).
        setTimeout(recheckAll, 0)
      },
      true,
    )
  }
}
