import { Button, Group, Paper, SimpleGrid } from '@mantine/core'
import type { ReactNode, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../ActionButton'

/**
 * A line of fields below a list, to add one entry to it (an agreement's report, an
 * instalment): a form, so that Enter adds and the page's guard (`InlineFormsGuard`) asks before
 * « Annuler », Escape or a move elsewhere discards what was typed; « Annuler » empties it.
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
  /** The form's name for screen readers (« Ajouter un rapport »). */
  label: string
  cols: { base: number; lg: number }
  submitLabel: string
  onSubmit: () => void
  onClear: () => void
  /** Where the refusals of its fields are brought into view (`useRefusalsInView`). */
  gridRef?: Ref<HTMLDivElement>
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" mt="sm">
      <form
        aria-label={label}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
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
          <Button variant="default" onClick={onClear} data-discards-form>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  )
}
