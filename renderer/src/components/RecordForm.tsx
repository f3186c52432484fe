import { Button, type ButtonProps, Group, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import type { RecordFormState } from '../lib/use-record-form'
import { FormActions } from './FormActions'
import { FormError } from './FormError'

type FrameProps<Values extends FieldValues> = {
  form: RecordFormState<Values>
  /** The form's accessible name: what it creates or edits (none where a dialog names it). */
  label?: string
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
}: FrameProps<Values> & { label: string; isNew: boolean; onCancel: () => void }) {
  return (
    <FormFrame
      {...frame}
      foot={<FormActions isNew={isNew} submitting={frame.form.submitting} onCancel={onCancel} />}
    />
  )
}

/**
 * A short entry form beside a list or in a dialog (a plan line, an expense, a tranche cancelled):
 * one button, which says what the form does (its name, unless told otherwise).
 */
export function InlineAddForm<Values extends FieldValues>({
  action,
  variant,
  color,
  ...frame
}: FrameProps<Values> & {
  /** The button's words, where they are not the form's name. */
  action?: string
  variant?: ButtonProps['variant']
  color?: ButtonProps['color']
}) {
  return (
    <FormFrame
      {...frame}
      gap="sm"
      foot={
        <Group justify="flex-end">
          <Button type="submit" variant={variant} color={color} loading={frame.form.submitting}>
            {action ?? frame.label}
          </Button>
        </Group>
      }
    />
  )
}
