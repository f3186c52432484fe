import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** « Abandonner la saisie ? », asked before a changed form is discarded. */
export function DiscardQuestion({
  opened,
  onKeep,
  onDiscard,
}: {
  opened: boolean
  onKeep: () => void
  onDiscard: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onKeep}
      title={t('forms.discardTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // Above the drawer it is asked from.
      zIndex={400}
    >
      <Stack>
        <Text>{t('forms.discardText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep} data-autofocus>
            {t('forms.keepEditing')}
          </Button>
          <Button color="red" onClick={onDiscard}>
            {t('forms.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
