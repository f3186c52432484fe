import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupFolder } from '@shared/backup/schema'
import { call, isCancelled } from '../../lib/api'

/** Where the backups go: beside the file, or a folder chosen on this machine. */
export function BackupsFolder({
  folder,
  busy,
  run,
  onChanged,
}: {
  folder: BackupFolder
  busy: boolean
  run: (action: () => Promise<void>) => Promise<void>
  onChanged: (folder: BackupFolder) => Promise<void>
}) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" align="center">
      <Text size="sm">
        {t(folder.isDefault ? 'backups.folderDefault' : 'backups.folderChosen', {
          folder: folder.folder,
        })}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          loading={busy}
          onClick={() =>
            void run(async () => {
              try {
                await onChanged(await call('backups.chooseFolder', {}))
              } catch (failure) {
                if (!isCancelled(failure)) throw failure
              }
            })
          }
        >
          {t('backups.chooseFolder')}
        </Button>
        {!folder.isDefault && (
          <Button
            size="xs"
            variant="subtle"
            loading={busy}
            onClick={() =>
              void run(async () => onChanged(await call('backups.useDefaultFolder', {})))
            }
          >
            {t('backups.useDefaultFolder')}
          </Button>
        )}
      </Group>
    </Group>
  )
}
