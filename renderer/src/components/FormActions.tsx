import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Cancel and Create/Save at the foot of a record's form. */
export function FormActions({
  isNew,
  submitting,
  onCancel,
}: {
  isNew: boolean
  submitting: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} data-discards-form>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {isNew ? t('common.create') : t('common.save')}
      </Button>
    </Group>
  )
}
