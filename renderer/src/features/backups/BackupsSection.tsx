import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo, ChosenBackup } from '@shared/backup/schema'
import { formatDateTime } from '@shared/i18n/format-dates'
import { formatSize } from '@shared/i18n/format-size'
import { useAppStore } from '../../app/app-store'
import { ConfirmModal } from '../../components/ConfirmModal'
import { StatusMessage } from '../../components/StatusMessage'
import { call, isCancelled } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'
import { useBusyAction } from '../../lib/use-busy-action'
import { useLanguage } from '../../lib/use-language'
import { BackupsFolder } from './BackupsFolder'
import { BackupsTable } from './BackupsTable'
import { ChosenBackupModal } from './ChosenBackupModal'

/**
 * Paramètres → Sauvegardes: the verified backups of the file with their size and the space they
 * take, a backup now, a restore (of a listed backup or of a file chosen on the disk), and the
 * deletion of a backup the user no longer wants — each asked first.
 */
export function BackupsSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const refresh = useAppStore((s) => s.refresh)
  const listed = useChannel('backups.list', {})
  const backups = listed.data ?? []
  const setBackups = listed.setData
  const [restoring, setRestoring] = useState<BackupInfo | null>(null)
  const [deleting, setDeleting] = useState<BackupInfo | null>(null)
  const [chosen, setChosen] = useState<ChosenBackup | null>(null)
  const { busy, status, setStatus, run } = useBusyAction()
  const { data: folder, setData: setFolder } = useChannel('backups.folder', {})
  const reload = async () => {
    setBackups(await call('backups.list', {}))
    setFolder(await call('backups.folder', {}))
  }
  const used = backups.reduce((sum, b) => sum + b.size, 0)
  const describe = (b: BackupInfo) => ({
    date: formatDateTime(b.takenAt, language),
    kind: t(`backups.triggers.${b.trigger}`),
    size: formatSize(b.size, language),
  })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-backups">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="settings-backups">
            {t('backups.title')}
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                void run(async () => {
                  try {
                    setChosen(await call('backups.chooseFile', {}))
                  } catch (failure) {
                    if (!isCancelled(failure)) throw failure
                  }
                })
              }
            >
              {t('backups.restoreFromFile')}
            </Button>
            <Button
              variant="light"
              loading={busy}
              onClick={() =>
                void run(async () => {
                  setBackups(await call('backups.create', {}))
                  setFolder(await call('backups.folder', {}))
                  setStatus({ ok: true, text: t('backups.created') })
                  // An alert about a failed automatic backup goes once one is made.
                  await refresh()
                })
              }
            >
              {t('backups.create')}
            </Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('backups.hint')}
        </Text>
        {folder && (
          <BackupsFolder
            folder={folder}
            busy={busy}
            run={run}
            onChanged={async (next) => {
              setFolder(next)
              setBackups(await call('backups.list', {}))
              setStatus({ ok: true, text: t('backups.folderSet') })
              // A backup was made in the new folder: an alert about a failed one goes.
              await refresh()
            }}
          />
        )}
        <Text size="sm">
          {t('backups.space', { used: formatSize(used, language), count: backups.length })}{' '}
          {folder?.freeBytes != null &&
            t('backups.free', { free: formatSize(folder.freeBytes, language) })}
        </Text>
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        {backups.length === 0 ? (
          <Text c="dimmed">{t('backups.none')}</Text>
        ) : (
          <BackupsTable backups={backups} onRestore={setRestoring} onDelete={setDeleting} />
        )}
      </Stack>
      <ConfirmModal
        opened={restoring !== null}
        title={t('backups.restore')}
        confirmLabel={t('backups.restore')}
        onClose={() => setRestoring(null)}
        onConfirm={() => {
          const backup = restoring
          setRestoring(null)
          if (backup)
            void run(async () => {
              await call('backups.restore', { name: backup.name })
              await reload()
              setStatus({ ok: true, text: t('backups.restored', describe(backup)) })
              await refresh()
            })
        }}
      >
        {restoring && <Text>{t('backups.restoreConfirm', describe(restoring))}</Text>}
      </ConfirmModal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('backups.deleteTitle')}
        confirmLabel={t('backups.delete')}
        color="red"
        onClose={() => setDeleting(null)}
        onConfirm={() => {
          const backup = deleting
          setDeleting(null)
          if (backup)
            void run(async () => {
              setBackups(await call('backups.delete', { name: backup.name }))
              setFolder(await call('backups.folder', {}))
              setStatus({ ok: true, text: t('backups.deleted', describe(backup)) })
            })
        }}
      >
        {deleting && <Text>{t('backups.deleteConfirm', describe(deleting))}</Text>}
      </ConfirmModal>
      <ChosenBackupModal
        chosen={chosen}
        question={(params) => t('backups.chosenConfirm', params)}
        onClose={() => setChosen(null)}
        onConfirm={(backup, force) => {
          setChosen(null)
          void run(async () => {
            await call('backups.restoreChosen', { token: backup.token, force })
            await reload()
            setStatus({
              ok: true,
              text: t('backups.restored', { date: formatDateTime(backup.takenAt, language) }),
            })
            await refresh()
          })
        }}
      />
    </Paper>
  )
}
