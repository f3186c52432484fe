import { Button, Group, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '@shared/backup/schema'
import { formatDateTime } from '@shared/i18n/format-dates'
import { formatSize } from '@shared/i18n/format-size'
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
  return (
    <Table striped withTableBorder aria-label={t('backups.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backups.takenAt')}</Table.Th>
          <Table.Th>{t('backups.trigger')}</Table.Th>
          <Table.Th>{t('backups.retention')}</Table.Th>
          <Table.Th ta="right">{t('backups.size')}</Table.Th>
          <Table.Th>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => {
          const when = formatDateTime(b.takenAt, language)
          return (
            <Table.Tr key={`${b.folder}/${b.name}`}>
              <Table.Td title={b.name}>{when}</Table.Td>
              <Table.Td>{t(`backups.triggers.${b.trigger}`)}</Table.Td>
              <Table.Td>{t(`backups.retentions.${b.retention}`)}</Table.Td>
              <Table.Td ta="right">{formatSize(b.size, language)}</Table.Td>
              <Table.Td>
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
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
