import { Autocomplete, MultiSelect, Select, createTheme } from '@mantine/core'
import type { FocusEvent, KeyboardEvent } from 'react'
import { foldedOptionsFilter } from '../lib/select-filter'

/**
 * A searchable list's text is selected when it takes the focus, so that what is typed replaces
 * the current choice (« USD » over « EUR ») instead of being added to it (« EURUSD »).
 */
const selectOnFocus = (event: FocusEvent<HTMLInputElement>) => event.currentTarget.select()

/**
 * Enter in a list picks the highlighted choice (the list does that itself) and never sends the
 * whole form, even when nothing matches what was typed.
 */
const enterNeverSubmits = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.preventDefault()
}

export const theme = createTheme({
  primaryColor: 'blue',
  // Darker shades than the defaults so that text on buttons meets WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  // Every list searched alike: case and accents ignored, codes found by their start.
  components: {
    Select: Select.extend({
      defaultProps: {
        filter: foldedOptionsFilter,
        onFocus: selectOnFocus,
        onKeyDown: enterNeverSubmits,
      },
    }),
    MultiSelect: MultiSelect.extend({
      defaultProps: { filter: foldedOptionsFilter, onKeyDown: enterNeverSubmits },
    }),
    Autocomplete: Autocomplete.extend({
      defaultProps: { filter: foldedOptionsFilter, onKeyDown: enterNeverSubmits },
    }),
  },
})
