import { useState } from 'react'
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type UseFormReturn,
  useForm,
} from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ProjectDetail } from '@shared/projects/schema'
import { applyServerErrors, schemaResolver } from '../../lib/form'

/**
 * A form of the project page: its text values turned into a channel's input, checked with the
 * channel's schema as the user types, sent, and the project page answered back. The core's
 * refusals land on their fields, or above the form when they name none of them.
 */
export function useProjectForm<Values extends FieldValues>({
  defaults,
  schema,
  prepare,
  send,
  onSaved,
}: {
  defaults: Values
  schema: z.ZodType
  prepare: (values: Values) => { input: unknown; errors: Record<string, string> }
  send: (input: never) => Promise<ProjectDetail>
  onSaved: (project: ProjectDetail) => void
}): UseFormReturn<Values> & {
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>
  formError: string | null
  errors: FieldErrors<Values>
} {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    defaultValues: defaults as DefaultValues<Values>,
    resolver: schemaResolver<Values>(schema, t, prepare),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      const saved = await send(prepare(values).input as never)
      form.reset(defaults)
      onSaved(saved)
    } catch (failure) {
      setFormError(
        applyServerErrors(failure, Object.keys(defaults), form.setError, t('errors.INTERNAL')),
      )
    }
  })
  return { ...form, submit, formError, errors: form.formState.errors }
}
