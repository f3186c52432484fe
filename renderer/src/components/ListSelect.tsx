import { type ComboboxData, type ComboboxItem, Select, type SelectProps } from '@mantine/core'
import { type KeyboardEvent, forwardRef, useRef } from 'react'
import { typeAheadPick } from '@shared/text/type-ahead'

/** The choices of a list as value and label, groups opened out, in the order shown. */
function choicesOf(data: ComboboxData | undefined): ComboboxItem[] {
  const choices: ComboboxItem[] = []
  for (const item of data ?? []) {
    if (typeof item === 'string') choices.push({ value: item, label: item })
    else if ('group' in item) choices.push(...choicesOf(item.items))
    else choices.push(item)
  }
  return choices
}

/** Letters typed within this many milliseconds of each other make one prefix, as natively. */
const TYPING_PAUSE_MS = 800

/**
 * Every select list of the app: a fixed list (no search box) takes type-ahead as a native list
 * does (« m » moves to the first choice starting with it, « ma » to « Mali », accents and case
 * aside), and Enter in any list never sends the form, matched or not (the list itself picks the
 * highlighted choice). A searchable list keeps its search box (the theme's folded filter).
 */
export const ListSelect = forwardRef<HTMLInputElement, SelectProps>(
  function ListSelect(props, ref) {
    const { data, searchable, value, onChange, onKeyDown } = props
    const typed = useRef({ text: '', at: 0 })
    const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      // The theme's own guard is replaced by a component's onKeyDown: it is kept here.
      if (event.key === 'Enter') event.preventDefault()
      onKeyDown?.(event)
      if (searchable || !onChange || event.key.length !== 1) return
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const now = event.timeStamp
      const text =
        now - typed.current.at < TYPING_PAUSE_MS ? typed.current.text + event.key : event.key
      typed.current = { text, at: now }
      const choices = choicesOf(data)
      const picked = typeAheadPick(choices, text, value ?? null)
      const option = choices.find((choice) => choice.value === picked)
      if (!option || option.disabled) return
      event.preventDefault()
      if (option.value !== value) onChange(option.value, option)
    }
    return <Select {...props} ref={ref} onKeyDown={keyDown} />
  },
)
