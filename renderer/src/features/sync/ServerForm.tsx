import { Checkbox, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type SyncStatus, connectServerInput } from '@shared/sync/schema'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { useRecordForm } from '../../lib/use-record-form'

/**
 * The office's PostgreSQL server as the sync target: where it is and who connects. The server
 * is used only once it has let this copy in; its password then goes to the system's keychain.
 * The form starts from the server last connected (only this form changes it): `SyncSection`
 * draws it once the status is read.
 */
export function ServerForm({
  sync,
  onConnected,
}: {
  sync: SyncStatus
  onConnected: (status: SyncStatus) => void
}) {
  const { t } = useTranslation()
  const server = sync.server
  const form = useRecordForm({
    defaults: {
      host: server?.host ?? '',
      port: String(server?.port ?? 5432),
      database: server?.database ?? '',
      user: server?.user ?? '',
      password: '',
      ssl: server?.ssl ?? false,
    },
    schema: connectServerInput,
    // A port that is not a whole number is refused by the schema, on the port.
    prepare: (values) => ({
      input: {
        ...values,
        port: /^\d+$/.test(values.port.trim()) ? Number(values.port) : Number.NaN,
      },
      errors: {},
    }),
    send: (input) => call('sync.connectServer', input),
    onSaved: (status) => {
      // The password is kept by the system's keychain (or for the session), never in the form.
      form.resetField('password')
      onConnected(status)
    },
  })
  const kept = sync.serverPassword
  return (
    <Stack gap="xs">
      <Title order={3} size="h5" id="settings-sync-server">
        {t('sync.serverTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sync.serverHint')}
      </Text>
      {server && kept && (
        <Text size="sm">
          {kept === 'keychain'
            ? t('sync.passwordKeychain')
            : kept === 'session'
              ? t('sync.passwordSession')
              : t('sync.passwordNone')}
        </Text>
      )}
      <InlineAddForm form={form} label={t('sync.serverTitle')} action={t('sync.connectServer')}>
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          <TextInput {...form.field('host', t('sync.host'))} />
          <TextInput {...form.field('port', t('sync.port'))} inputMode="numeric" />
          <TextInput {...form.field('database', t('sync.database'))} />
          <TextInput {...form.field('user', t('sync.user'))} autoComplete="username" />
          <PasswordInput
            {...form.field('password', t('sync.password'))}
            autoComplete="current-password"
          />
          <Checkbox mt={30} label={t('sync.ssl')} {...form.register('ssl')} />
        </SimpleGrid>
      </InlineAddForm>
    </Stack>
  )
}
