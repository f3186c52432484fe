import { Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupFolder, BackupInfo } from '../../../../shared/backup/schema'
import { useAppStore } from '../../app/app-store'
import { StatusMessage } from '../../components/StatusMessage'
import { call, isCancelled } from '../../lib/api'
import { useBusyAction } from '../../lib/use-busy-action'
import { formatDateTime } from '../../../../shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'

/** Paramètres → Sauvegardes: the verified backups of the file, a backup now, a restore. */
export function BackupsSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const refresh = useAppStore((s) => s.refresh)
  const [backups, setBackups] = useState<BackupInfo[]>([])
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)
  const { busy, status, setStatus, run } = useBusyAction()
  const [folder, setFolder] = useState<BackupFolder | null>(null)
  useEffect(() => {
    let current = true
    void call('backups.list', {}).then((list) => current && setBackups(list))
    void call('backups.folder', {}).then((f) => current && setFolder(f))
    return () => {
      current = false
    }
  }, [])
  const size = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-backups">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="settings-backups">
            {t('backups.title')}
          </Title>
          <Button
            variant="light"
            loading={busy}
            onClick={() =>
              void run(async () => {
                setBackups(await call('backups.create', {}))
                setStatus({ ok: true, text: t('backups.created') })
              })
            }
          >
            {t('backups.create')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('backups.hint')}
        </Text>
        {folder && (
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
                      setFolder(await call('backups.chooseFolder', {}))
                      setBackups(await call('backups.list', {}))
                      setStatus({ ok: true, text: t('backups.folderSet') })
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
                    void run(async () => {
                      setFolder(await call('backups.useDefaultFolder', {}))
                      setBackups(await call('backups.list', {}))
                      setStatus({ ok: true, text: t('backups.folderSet') })
                    })
                  }
                >
                  {t('backups.useDefaultFolder')}
                </Button>
              )}
            </Group>
          </Group>
        )}
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        {backups.length === 0 ? (
          <Text c="dimmed">{t('backups.none')}</Text>
        ) : (
          <Table striped withTableBorder aria-label={t('backups.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.takenAt')}</Table.Th>
                <Table.Th>{t('backups.trigger')}</Table.Th>
                <Table.Th ta="right">{t('backups.size')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td title={b.name}>{formatDateTime(b.takenAt, language)}</Table.Td>
                  <Table.Td>{t(`backups.triggers.${b.trigger}`)}</Table.Td>
                  <Table.Td ta="right">
                    {size.format(Math.max(1, Math.round(b.size / 1024)))}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" onClick={() => setRestoring(b)}>
                      {t('backups.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal
        opened={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('backups.restore')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {restoring && (
          <Stack>
            <Text>
              {t('backups.restoreConfirm', { date: formatDateTime(restoring.takenAt, language) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="orange"
                onClick={() => {
                  const chosen = restoring
                  setRestoring(null)
                  void run(async () => {
                    await call('backups.restore', { name: chosen.name })
                    setBackups(await call('backups.list', {}))
                    setStatus({
                      ok: true,
                      text: t('backups.restored', {
                        date: formatDateTime(chosen.takenAt, language),
                      }),
                    })
                    await refresh()
                  })
                }}
              >
                {t('backups.restore')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  )
}
