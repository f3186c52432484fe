import { useState } from 'react'
import { type DefaultValues, type FieldValues, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { applyServerErrors, schemaResolver } from './form'

/**
 * The form that adds a row to a record (a contact, a seat): checked with the core's schema as
 * the user types, sent with `save`, emptied once saved; the core's refusal shown on its fields,
 * or above the form when it names none.
 */
export function useAddForm<Values extends FieldValues, Input, Saved>({
  schema,
  defaults,
  toInput,
  save,
  onSaved,
}: {
  schema: z.ZodType
  defaults: Values
  toInput: (values: Values) => Input
  save: (input: Input) => Promise<Saved>
  onSaved: (saved: Saved) => void
}) {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    defaultValues: defaults as DefaultValues<Values>,
    resolver: schemaResolver<Values>(schema, t, (values) => ({
      input: toInput(values),
      errors: {},
    })),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      onSaved(await save(toInput(values)))
      form.reset(defaults)
    } catch (failure) {
      setFormError(
        applyServerErrors(failure, Object.keys(defaults), form.setError, t('errors.INTERNAL')),
      )
    }
  })
  return { form, formError, submit: () => void submit() }
}
