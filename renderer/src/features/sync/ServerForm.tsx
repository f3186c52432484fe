import {
  Button,
  Checkbox,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type SyncStatus, connectServerInput } from '@shared/sync/schema'
import { call } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'

interface Values {
  host: string
  port: string
  database: string
  user: string
  password: string
  ssl: boolean
}

const FIELDS = ['host', 'port', 'database', 'user', 'password', 'ssl']

const toInput = (values: Values) => ({
  input: { ...values, port: /^\d+$/.test(values.port.trim()) ? Number(values.port) : Number.NaN },
  errors: {},
})

/**
 * The office's PostgreSQL server as the sync target: where it is and who connects. The server
 * is used only once it has let this copy in; its password then goes to the system's keychain.
 */
export function ServerForm({
  sync,
  onConnected,
  onFailure,
}: {
  sync: SyncStatus | null
  onConnected: (status: SyncStatus) => void
  onFailure: (text: string) => void
}) {
  const { t } = useTranslation()
  const server = sync?.server
  const { register, handleSubmit, setError, resetField, formState } = useForm<Values>({
    values: {
      host: server?.host ?? '',
      port: String(server?.port ?? 5432),
      database: server?.database ?? '',
      user: server?.user ?? '',
      password: '',
      ssl: server?.ssl ?? false,
    },
    resetOptions: { keepDirtyValues: true },
    resolver: schemaResolver<Values>(connectServerInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors
  const submit = handleSubmit(async (values) => {
    try {
      onConnected(await call('sync.connectServer', toInput(values).input))
      resetField('password')
    } catch (failure) {
      const text = applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL'))
      if (text) onFailure(text)
    }
  })
  const kept = sync?.serverPassword
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
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="settings-sync-server"
      >
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          <TextInput label={t('sync.host')} {...register('host')} error={errors.host?.message} />
          <TextInput
            label={t('sync.port')}
            inputMode="numeric"
            {...register('port')}
            error={errors.port?.message}
          />
          <TextInput
            label={t('sync.database')}
            {...register('database')}
            error={errors.database?.message}
          />
          <TextInput
            label={t('sync.user')}
            autoComplete="username"
            {...register('user')}
            error={errors.user?.message}
          />
          <PasswordInput
            label={t('sync.password')}
            autoComplete="current-password"
            {...register('password')}
            error={errors.password?.message}
          />
          <Checkbox mt={30} label={t('sync.ssl')} {...register('ssl')} />
        </SimpleGrid>
        <Button type="submit" mt="sm" loading={formState.isSubmitting}>
          {t('sync.connectServer')}
        </Button>
      </form>
    </Stack>
  )
}
