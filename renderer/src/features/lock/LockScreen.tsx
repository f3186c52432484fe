import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../app/app-store'
import { ApiError, call } from '../../lib/api'

/** The window while it is locked: nothing of the file shows, only the password field. */
export function LockScreen() {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function unlock() {
    try {
      await call('app.unlock', { password })
      setPassword('')
      setError(null)
      await refresh()
    } catch (failure) {
      setError(
        failure instanceof ApiError
          ? (failure.error.fields?.[0]?.message ?? failure.error.message)
          : t('errors.INTERNAL'),
      )
    }
  }
  return (
    <Center h="100vh" component="main">
      <Paper withBorder p="xl" w={400}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void unlock()
          }}
        >
          <Stack>
            <Title order={1} size="h3">
              {t('lock.lockedTitle')}
            </Title>
            <Text size="sm">{t('lock.lockedHint')}</Text>
            <PasswordInput
              label={t('lock.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={error}
              data-autofocus
              autoFocus
            />
            <Button type="submit">{t('lock.unlock')}</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
