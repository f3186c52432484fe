import { useState } from 'react'
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useForm,
} from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useEditSavedNotice } from '../app/use-undo'
import { applyServerErrors, fieldMessage, schemaResolver } from './form'

/** What a form's text turns into on its way to the core, with the field errors found meanwhile. */
export type Prepared = { input: unknown; errors: Record<string, string> }

export type RecordFormOptions<Values extends FieldValues, Saved> = {
  /** The form's text values: the record's, or a new record's defaults. Their keys are the fields. */
  defaults: Values
  /** The channel's input schema, applied as the user types (the core applies it again). */
  schema: z.ZodType
  /** Turns the text into the channel's input (amounts typed the user's way…); none: as typed. */
  prepare?: (values: Values) => Prepared
  /** Sends the input to the core: the create or the update channel. */
  send: (input: never) => Promise<Saved>
  onSaved: (saved: Saved) => void
  /**
   * Where an existing record is edited: its name once saved, for the notice that offers to undo
   * the change (said only when a field changed).
   */
  editedName?: (saved: Saved) => string
  /** An entry form beside a list starts empty again once saved. */
  resetOnSave?: boolean
  /**
   * Where a refusal may also name rows drawn outside the form's fields (an expense's shares):
   * shows them there, and returns the message still to show above the form (`above`, or null
   * when the refusal is all shown on fields and rows).
   */
  onRefused?: (failure: unknown, above: string | null) => string | null
}

export type RecordFormState<Values extends FieldValues> = UseFormReturn<Values> & {
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>
  /** The core's refusal that names no field of the form, shown above it. */
  formError: string | null
  errors: UseFormReturn<Values>['formState']['errors']
  submitting: boolean
  /** A text field's props (TextInput, Textarea): its label, its binding and its message. */
  field: (
    name: Path<Values>,
    label: string,
  ) => ReturnType<UseFormReturn<Values>['register']> & { label: string; error?: string }
  /** A select's binding (FormSelect): the form's control, the field and its label. */
  select: (
    name: Path<Values>,
    label: string,
  ) => { control: UseFormReturn<Values>['control']; name: Path<Values>; label: string }
  /** A date's binding (FormDateField), as a select's. */
  date: RecordFormState<Values>['select']
}

/**
 * A record's form: its text values checked with the channel's schema as the user types, turned
 * into the channel's input, sent; the core's refusals shown on the fields they name, or above
 * the form when they name none of them. Each form of a record declares only its fields.
 */
export function useRecordForm<Values extends FieldValues, Saved>({
  defaults,
  schema,
  prepare = (values) => ({ input: values, errors: {} }),
  send,
  onSaved,
  editedName,
  resetOnSave = false,
  onRefused = (_failure, above) => above,
}: RecordFormOptions<Values, Saved>): RecordFormState<Values> {
  const { t } = useTranslation()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    defaultValues: defaults as DefaultValues<Values>,
    resolver: schemaResolver<Values>(schema, t, prepare),
    // Validated on submit, then again as each field changes: validating on blur races the submit.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = form.formState.errors
  // Read while rendering, so that the form follows them (react-hook-form subscribes on read).
  const changed = editedName ? form.formState.isDirty : false
  const submitting = form.formState.isSubmitting
  const editSaved = useEditSavedNotice()

  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      const saved = await send(prepare(values).input as never)
      if (resetOnSave) form.reset(defaults)
      if (editedName) editSaved(editedName(saved), changed)
      onSaved(saved)
    } catch (failure) {
      const fields = Object.keys(defaults)
      const above = applyServerErrors(failure, fields, form.setError, t('errors.INTERNAL'))
      setFormError(onRefused(failure, above))
    }
  })

  return {
    ...form,
    submit,
    formError,
    errors,
    submitting,
    field: (name, label) => ({
      label,
      ...form.register(name),
      error: fieldMessage(
        (errors as Record<string, { type?: string; message?: string } | undefined>)[name],
        label,
        t,
      ),
    }),
    select: (name, label) => ({ control: form.control, name, label }),
    date: (name, label) => ({ control: form.control, name, label }),
  }
}
