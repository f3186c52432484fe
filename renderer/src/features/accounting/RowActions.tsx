import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A row's "Modifier" and, where it can go, its removal. */
export function RowActions({
  onEdit,
  onRemove,
  removeLabel,
  editLabel,
}: {
  onEdit: () => void
  onRemove?: (() => void) | null
  removeLabel?: string
  /** What the edit button says to a screen reader, when several rows read alike. */
  editLabel?: string
}) {
  const { t } = useTranslation()
  return (
    <Group gap="xs">
      <Button size="xs" variant="subtle" aria-label={editLabel} onClick={onEdit}>
        {t('accounting.edit')}
      </Button>
      {onRemove && (
        <Button size="xs" variant="subtle" color="red" onClick={onRemove}>
          {removeLabel ?? t('accounting.remove')}
        </Button>
      )}
    </Group>
  )
}

/** The buttons under a form of the tabs: save it, or put it away. */
export function SaveOrCancel({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation()
  return (
    <Group mt="sm">
      <Button type="submit">{t('accounting.save')}</Button>
      <Button variant="default" onClick={onCancel} data-discards-form>
        {t('accounting.cancel')}
      </Button>
    </Group>
  )
}
