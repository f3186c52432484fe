import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import type { SkippedFile } from '@shared/sync/schema'
import { setAsideMessage } from '@shared/sync/set-aside-message'

/**
 * The files of other copies the last sync set aside, each with the copy, the file and why — a
 * change the application never writes, a record not received yet, a file that is not one to
 * read. Nothing of them was written; each is tried again at the next sync.
 */
export function SetAsideList({ files }: { files: readonly SkippedFile[] }) {
  const { t } = useTranslation()
  const say = (key: MessageKey, params?: Record<string, string | number>) => t(key, params)
  return (
    <>
      <Title order={3} size="h5" id="settings-sync-aside">
        {t('sync.setAsideTitle')}
      </Title>
      {files.length === 0 ? (
        <Text c="dimmed">{t('sync.setAsideEmpty')}</Text>
      ) : (
        <Stack component="ul" aria-labelledby="settings-sync-aside" gap={4} p={0} m={0}>
          {files.map((file) => (
            <Text component="li" key={file.name} size="sm" style={{ listStyle: 'none' }}>
              {setAsideMessage(file, say)}
            </Text>
          ))}
        </Stack>
      )}
    </>
  )
}
