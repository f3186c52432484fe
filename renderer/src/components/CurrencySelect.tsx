import { ListSelect } from './ListSelect'
import { type Control, Controller, type FieldValues, type Path } from 'react-hook-form'
import { CURRENCY_CODES } from '@shared/money/currencies'

/** A currency picked from the ISO list, bound to a form field; never left empty. */
export function CurrencySelect<Values extends FieldValues>({
  control,
  name,
  label,
  fallback = 'EUR',
}: {
  control: Control<Values>
  name: Path<Values>
  label: string
  fallback?: string
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ListSelect
          ref={field.ref}
          label={label}
          data={[...CURRENCY_CODES]}
          value={field.value}
          onChange={(value) => field.onChange(value ?? fallback)}
          searchable
          allowDeselect={false}
        />
      )}
    />
  )
}
