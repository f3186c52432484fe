import { Button, Group, Paper, SimpleGrid } from '@mantine/core'
import { type ReactNode, type Ref, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../ActionButton'
import { useEntriesClosed } from './entries-closed'

/**
 * A line of fields above a list, to add one entry to it (an agreement's report, an instalment),
 * opened on demand by a button of the form's own name, never always open. It is a form drawn on
 * the page, so that Enter adds and the page's guard (`InlineFormsGuard`) asks before « Annuler »,
 * Escape or a move elsewhere discards what was typed; « Annuler » empties and closes it, and so
 * does a save, as the dialogs of the other entries close once saved.
 */
export function EntryGrid({
  label,
  cols,
  submitLabel,
  onSubmit,
  onClear,
  gridRef,
  children,
}: {
  /** The form's name, on its opening button and for screen readers (« Prévoir un rapport »). */
  label: string
  cols: { base: number; lg: number }
  submitLabel: string
  /** Sends the entry; true once it is saved (the line then closes). */
  onSubmit: () => Promise<boolean>
  onClear: () => void
  /** Where the refusals of its fields are brought into view (`useRefusalsInView`). */
  gridRef?: Ref<HTMLDivElement>
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const opener = useRef<HTMLDivElement>(null)
  // Whether the line was open: focus goes into it when opened, back to its button when closed.
  const wasOpened = useRef(false)
  useEffect(() => {
    if (opened) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
    else if (wasOpened.current) opener.current?.querySelector('button')?.focus()
    wasOpened.current = opened
  }, [opened])

  // On a record closed to entries the button says why, disabled, and the line is never drawn.
  const closed = useEntriesClosed()
  if (!opened || closed)
    return (
      <Group mb="sm" ref={opener}>
        <ActionButton variant="light" onClick={() => setOpened(true)}>
          {label}
        </ActionButton>
      </Group>
    )
  return (
    <Paper withBorder p="sm" mb="sm">
      <form
        ref={form}
        aria-label={label}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void onSubmit().then((saved) => saved && setOpened(false))
        }}
      >
        <SimpleGrid cols={cols} ref={gridRef}>
          {children}
        </SimpleGrid>
        {/* Below the fields, not in a cell of their grid: at 1280 px a fifth of the line
            clipped « Prévoir un rapport » and « Annuler » to a few letters. */}
        <Group mt="sm" gap="xs" justify="flex-end">
          <ActionButton type="submit" variant="light">
            {submitLabel}
          </ActionButton>
          <Button
            variant="default"
            onClick={() => {
              onClear()
              setOpened(false)
            }}
            data-discards-form
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  )
}
