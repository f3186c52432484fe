import { Button, type ButtonProps, Group, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import type { RecordFormState } from '../lib/use-record-form'
import { FormActions } from './FormActions'
import { FormError } from './FormError'

type FrameProps<Values extends FieldValues> = {
  form: RecordFormState<Values>
  /** The form's accessible name: what it creates or edits. */
  label: string
  children: ReactNode
}

/** The form element every record form shares: its refusal above the fields, its foot below. */
function FormFrame<Values extends FieldValues>({
  form,
  label,
  gap,
  foot,
  children,
}: FrameProps<Values> & { gap?: 'sm'; foot: ReactNode }) {
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate aria-label={label}>
      <Stack gap={gap}>
        <FormError message={form.formError} />
        {children}
        {foot}
      </Stack>
    </form>
  )
}

/** A record's form in its drawer: the fields, then « Annuler » and « Créer » or « Enregistrer ». */
export function RecordForm<Values extends FieldValues>({
  isNew,
  onCancel,
  ...frame
}: FrameProps<Values> & { isNew: boolean; onCancel: () => void }) {
  return (
    <FormFrame
      {...frame}
      foot={<FormActions isNew={isNew} submitting={frame.form.submitting} onCancel={onCancel} />}
    />
  )
}

/** A short entry form beside a list (a plan line, an expense): one button, named as the form. */
export function InlineAddForm<Values extends FieldValues>({
  variant,
  ...frame
}: FrameProps<Values> & { variant?: ButtonProps['variant'] }) {
  return (
    <FormFrame
      {...frame}
      gap="sm"
      foot={
        <Group justify="flex-end">
          <Button type="submit" variant={variant} loading={frame.form.submitting}>
            {frame.label}
          </Button>
        </Group>
      }
    />
  )
}
