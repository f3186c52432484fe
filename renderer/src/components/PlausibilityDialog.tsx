import { Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePlausibility } from '../lib/confirm-call'

/**
 * The one confirmation of unlikely money values: each warning of the core with its figures, then
 * « Confirmer » (the form is sent again, confirmed) or back to the form (nothing is saved).
 */
export function PlausibilityDialog() {
  const { t } = useTranslation()
  const pending = usePlausibility((s) => s.pending)
  return (
    <Modal
      opened={pending !== null}
      onClose={() => pending?.answer(false)}
      title={t('plausibility.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
      // Asked from within another dialog too (a project's move to « Approuvé »): drawn above it,
      // or that dialog's overlay would take the clicks (Mantine's modals sit at 200).
      zIndex={400}
    >
      <Stack data-testid="plausibility">
        <Text size="sm">{t('plausibility.intro')}</Text>
        <div role="alert">
          <List spacing="xs">
            {(pending?.warnings ?? []).map((warning) => (
              <List.Item key={`${warning.path}|${warning.message}`}>{warning.message}</List.Item>
            ))}
          </List>
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => pending?.answer(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => pending?.answer(true)}>
            {t('plausibility.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
