import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface Status {
  ok: boolean
  text: string
}

/** The outcome of the last action, announced to screen readers, closable. */
export function StatusMessage({ status, onClose }: { status: Status | null; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <div role="status" aria-live="polite">
      {status && (
        <Alert
          color={status.ok ? 'green' : 'red'}
          withCloseButton
          onClose={onClose}
          closeButtonLabel={t('common.close')}
        >
          {status.text}
        </Alert>
      )}
    </div>
  )
}
