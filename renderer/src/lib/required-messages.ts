import i18next from 'i18next'

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** The field's name as its label shows it, without the asterisk of a required field. */
function fieldName(field: Field): string {
  const label = field.labels?.[0]?.textContent ?? field.getAttribute('aria-label') ?? ''
  return label.replace(/\s*\*\s*$/, '').trim()
}

/**
 * Where a form still lets the browser check a required field, its message is the app's, in the
 * user's language and naming the field — never the browser's « Please fill out this field. ».
 */
export function installRequiredMessages(root: Document = document): void {
  root.addEventListener(
    'invalid',
    (event) => {
      const field = event.target as Field
      if (!field.validity?.valueMissing) return
      const name = fieldName(field)
      field.setCustomValidity(
        name
          ? i18next.t('validation.requiredNamed', { field: name })
          : i18next.t('validation.required'),
      )
    },
    true,
  )
  // Typing clears the message, so that the browser checks the new value afresh.
  root.addEventListener(
    'input',
    (event) => {
      const field = event.target as Field
      if (typeof field.setCustomValidity === 'function') field.setCustomValidity('')
    },
    true,
  )
}
