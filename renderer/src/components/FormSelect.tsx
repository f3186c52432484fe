import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { fieldMessage } from '../lib/form'
import { ListSelect } from './ListSelect'

/**
 * A select list bound to a form field, its error shown under it (a required list left empty
 * names itself); type-ahead and Enter as every list (`ListSelect`), and focused by a refusal of
 * the core on its field (its ref given).
 */
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
  data: { value: string; label: string; disabled?: boolean }[]
  required?: boolean
  searchable?: boolean
  clearable?: boolean
  /** Called with the value the user picked (e.g. to fill a dependent field). */
  onPick?: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <ListSelect
          ref={field.ref}
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
          error={fieldMessage(fieldState.error, label, t, { empty: required && !field.value })}
          allowDeselect={clearable}
        />
      )}
    />
  )
}
