import type { TextInputProps } from '@mantine/core'
import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { fieldMessage } from '../lib/form'
import { DateField } from './DateField'

/**
 * The one date field (DateField) bound to a react-hook-form field: the form's own checks and
 * the core's refusals of that field shown under it, as for any other field.
 */
export function FormDateField<Values extends FieldValues>({
  control,
  name,
  label,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'label' | 'error' | 'name'> & {
  control: Control<Values>
  name: Path<Values>
  label: string
}) {
  const { t } = useTranslation()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField
          {...rest}
          ref={field.ref}
          name={field.name}
          label={label}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldMessage(fieldState.error, label, t)}
        />
      )}
    />
  )
}
