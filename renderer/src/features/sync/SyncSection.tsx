import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '@shared/i18n/format-dates'
import { StatusMessage } from '../../components/StatusMessage'
import { call } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'
import { useBusyAction } from '../../lib/use-busy-action'
import { ReviewItem } from './ReviewItem'
import { SetAsideList } from './SetAsideList'
import { ServerForm } from './ServerForm'
import { useLanguage } from '../../lib/use-language'

/**
 * Paramètres → Synchronisation: the shared folder or the server, "Synchroniser maintenant", a copy for a
 * mission, and "À vérifier" — what a merge kept that a person should look at, each with the
 * choice of the other value.
 */
export function SyncSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const syncRead = useChannel('sync.status', {})
  const conflictsRead = useChannel('sync.conflicts', {})
  const sync = syncRead.data
  const setSync = syncRead.setData
  const conflicts = conflictsRead.data ?? []
  const setConflicts = conflictsRead.setData
  const { busy, status, setStatus, run } = useBusyAction()
  const [passphrase, setPassphrase] = useState('')

  const refresh = async () => {
    setSync(await call('sync.status', {}))
    setConflicts(await call('sync.conflicts', {}))
  }
  /** Closes a review; taking the other value writes a change, which the status then counts. */
  const resolve = (id: string, choice: 'kept' | 'other') =>
    void run(async () => {
      setConflicts(await call('sync.resolve', { id, choice }))
      setSync(await call('sync.status', {}))
      setStatus({ ok: true, text: t('sync.resolved') })
    })
  /** Cancels one record of a money event entered on two copies (reversed, with its reason). */
  const cancelDuplicate = (id: string, recordId: string) =>
    void run(async () => {
      setConflicts(await call('sync.cancelDuplicate', { id, recordId }))
      setSync(await call('sync.status', {}))
      setStatus({ ok: true, text: t('sync.resolved') })
    })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-sync">
      <Stack>
        <Title order={2} size="h4" id="settings-sync">
          {t('sync.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sync.hint')}
        </Text>
        {sync && (
          <Text size="sm">
            {sync.server
              ? t('sync.serverLine', { ...sync.server })
              : sync.folder
                ? t('sync.folderLine', { folder: sync.folder })
                : t('sync.noFolder')}
          </Text>
        )}
        {sync && (
          <Text size="sm">{t('sync.status', { unsent: sync.unsent, review: sync.toReview })}</Text>
        )}
        {sync?.last && (
          <Text size="sm" c="dimmed">
            {t('sync.last', {
              when: formatDateTime(sync.last.at, language),
              sent: sync.last.sent,
              received: sync.last.received,
              conflicts: sync.last.conflicts,
            })}
          </Text>
        )}
        <Group gap="xs">
          <Button
            variant="default"
            loading={busy}
            onClick={() =>
              void run(async () => {
                setSync(await call('sync.chooseFolder', {}))
                setConflicts(await call('sync.conflicts', {}))
              })
            }
          >
            {t('sync.chooseFolder')}
          </Button>
          <Button
            loading={busy}
            disabled={!sync?.folder && !sync?.server}
            onClick={() =>
              void run(async () => {
                const report = await call('sync.now', {})
                await refresh()
                setStatus({
                  ok: true,
                  text: t('sync.synced', { ...report, aside: report.skipped.length }),
                })
              })
            }
          >
            {t('sync.now')}
          </Button>
          <Button
            variant="light"
            loading={busy}
            onClick={() =>
              void run(async () => {
                const copy = await call('sync.missionCopy', {})
                setStatus({
                  ok: true,
                  text: t('sync.missionCopied', { path: copy.path }),
                  saved: copy,
                })
              })
            }
          >
            {t('sync.missionCopy')}
          </Button>
        </Group>
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={t('sync.passphrase')}
            description={sync?.sealed ? t('sync.sealed') : t('sync.passphraseHint')}
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            style={{ flex: 1 }}
            autoComplete="new-password"
          />
          <Button
            variant="default"
            loading={busy}
            disabled={passphrase.length === 0}
            onClick={() =>
              void run(async () => {
                setSync(await call('sync.setPassphrase', { passphrase }))
                setPassphrase('')
                setStatus({ ok: true, text: t('sync.passphraseSet') })
              })
            }
          >
            {t('sync.setPassphrase')}
          </Button>
        </Group>
        {sync && (
          <ServerForm
            sync={sync}
            onConnected={(connected) => {
              setSync(connected)
              void call('sync.conflicts', {}).then(setConflicts)
              setStatus({ ok: true, text: t('sync.serverConnected') })
            }}
          />
        )}
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        <SetAsideList files={sync?.setAside ?? []} />
        <Title order={3} size="h5" id="settings-sync-review">
          {t('sync.review')}
        </Title>
        {conflicts.length === 0 ? (
          <Text c="dimmed">{t('sync.reviewEmpty')}</Text>
        ) : (
          <Stack component="ul" aria-labelledby="settings-sync-review" gap="sm" p={0} m={0}>
            {conflicts.map((conflict) => (
              <ReviewItem
                key={conflict.id}
                conflict={conflict}
                busy={busy}
                onResolve={(choice) => resolve(conflict.id, choice)}
                onCancel={(recordId) => cancelDuplicate(conflict.id, recordId)}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
