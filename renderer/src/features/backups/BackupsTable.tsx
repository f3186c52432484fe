import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '@shared/backup/schema'
import { formatDateTime } from '@shared/i18n/format-dates'
import { formatSize } from '@shared/i18n/format-size'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useLanguage } from '../../lib/use-language'

/** The file's backups, newest first: when, why, how long they are kept, their size. */
export function BackupsTable({
  backups,
  onRestore,
  onDelete,
}: {
  backups: BackupInfo[]
  onRestore: (backup: BackupInfo) => void
  onDelete: (backup: BackupInfo) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [view, setView] = useListView('backups')
  return (
    <RegisterList
      listId="backups"
      label={t('backups.title')}
      rows={backups}
      columns={[
        {
          id: 'takenAt',
          kind: 'text',
          header: t('backups.takenAt'),
          // The moment sorts as written (ISO), and is shown in the user's format.
          value: (b) => b.takenAt,
          cell: (b) => <span title={b.name}>{formatDateTime(b.takenAt, language)}</span>,
          width: 170,
          groupable: false,
        },
        {
          id: 'trigger',
          kind: 'text',
          header: t('backups.trigger'),
          value: (b) => t(`backups.triggers.${b.trigger}`),
          width: 120,
        },
        {
          id: 'retention',
          kind: 'text',
          header: t('backups.retention'),
          value: (b) => t(`backups.retentions.${b.retention}`),
          width: 180,
          // How long a backup is kept decides which to delete: kept before its kind and size.
          priority: 0,
        },
        {
          id: 'size',
          kind: 'number',
          header: t('backups.size'),
          value: (b) => b.size,
          cell: (b) => formatSize(b.size, language),
          width: 90,
        },
      ]}
      getRowId={(b) => `${b.folder}/${b.name}`}
      view={view}
      onView={setView}
      searchPlaceholder={t('backups.searchPlaceholder')}
      initialSort={{ id: 'takenAt', desc: true }}
      height="calc(100vh - 380px)"
      actionsWidth={200}
      rowActions={(b) => {
        const when = formatDateTime(b.takenAt, language)
        return (
          <Group gap={4} wrap="nowrap">
            {b.restorable && (
              <Button
                size="compact-xs"
                variant="subtle"
                aria-label={`${t('backups.restore')} — ${when}`}
                onClick={() => onRestore(b)}
              >
                {t('backups.restore')}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              aria-label={`${t('backups.delete')} — ${when}`}
              onClick={() => onDelete(b)}
            >
              {t('backups.delete')}
            </Button>
          </Group>
        )
      }}
    />
  )
}
