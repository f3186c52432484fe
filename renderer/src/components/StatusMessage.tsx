import { Alert, Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedFile } from '@shared/files/schema'
import { call, errorMessage } from '../lib/api'
import { useScrollIntoView } from '../lib/use-scroll-into-view'

export interface Status {
  ok: boolean
  text: string
  /** A file the action wrote: the message offers to show it in its folder. */
  saved?: SavedFile
}

/** The outcome of the last action, announced to screen readers, closable. */
export function StatusMessage({ status, onClose }: { status: Status | null; onClose: () => void }) {
  const { t } = useTranslation()
  const saved = status?.saved
  const ref = useScrollIntoView<HTMLDivElement>(status)
  const [revealFailure, setRevealFailure] = useState<{ of: SavedFile; text: string } | null>(null)
  const reveal = (file: SavedFile) =>
    call('file.reveal', { file: file.file }).then(
      () => setRevealFailure(null),
      (error: unknown) =>
        setRevealFailure({ of: file, text: errorMessage(error, t('errors.INTERNAL')) }),
    )
  return (
    <div role="status" aria-live="polite" ref={ref} style={{ scrollMargin: 16 }}>
      {status && (
        <Alert
          color={status.ok ? 'green' : 'red'}
          withCloseButton
          onClose={onClose}
          closeButtonLabel={t('common.close')}
        >
          {status.text}
          {saved && (
            <Group mt="xs">
              {/* The token, never the path: the core shows only a file it wrote. */}
              <Button size="xs" variant="light" onClick={() => void reveal(saved)}>
                {t('common.showInFolder')}
              </Button>
              {revealFailure?.of === saved && (
                <Text size="sm" c="red">
                  {revealFailure.text}
                </Text>
              )}
            </Group>
          )}
        </Alert>
      )}
    </div>
  )
}
