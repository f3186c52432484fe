import { Select } from '@mantine/core'
import { useRef } from 'react'
import { typeAheadPick } from '@shared/text/type-ahead'
import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form'

/** A select list bound to a form field, its error shown under it. */
export function FormSelect<Values extends FieldValues>({
  control,
  name,
  label,
  data,
  required = false,
  searchable = false,
  clearable = false,
  onPick,
}: {
  control: Control<Values>
  name: Path<Values>
  label: string
  data: { value: string; label: string }[]
  required?: boolean
  searchable?: boolean
  clearable?: boolean
  /** Called with the value the user picked (e.g. to fill a dependent field). */
  onPick?: (value: string) => void
}) {
  // Letters typed within a moment of each other make one prefix, as in a native list.
  const typed = useRef({ text: '', at: 0 })
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          withAsterisk={required}
          data={data}
          searchable={searchable}
          clearable={clearable}
          value={field.value || null}
          onChange={(value) => {
            field.onChange(value ?? '')
            if (value) onPick?.(value)
          }}
          onBlur={field.onBlur}
          onKeyDown={(event) => {
            // A fixed list has no search box: a letter picks the first choice it starts.
            if (searchable || event.key.length !== 1 || event.ctrlKey || event.metaKey) return
            const now = event.timeStamp
            const text = now - typed.current.at < 800 ? typed.current.text + event.key : event.key
            typed.current = { text, at: now }
            const picked = typeAheadPick(data, text, field.value || null)
            if (!picked) return
            event.preventDefault()
            field.onChange(picked)
            onPick?.(picked)
          }}
          error={fieldState.error?.message}
          allowDeselect={clearable}
        />
      )}
    />
  )
}
