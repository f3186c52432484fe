import { Modal, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The progress of a batch of letters, while it runs. */
export function LetterProgress({ progress }: { progress: { done: number; total: number } | null }) {
  const { t } = useTranslation()
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  return (
    <Modal
      opened={progress !== null}
      onClose={() => undefined}
      withCloseButton={false}
      title={t('letters.title')}
      centered
    >
      {progress && (
        <>
          <Progress value={percent} aria-label={t('letters.progress', progress)} mb="xs" />
          <Text size="sm" aria-live="polite">
            {t('letters.progress', progress)}
          </Text>
        </>
      )}
    </Modal>
  )
}
