import { Button, Group, NumberInput, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppState } from '@shared/app/schema'
import { useAppStore } from '../../app/app-store'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { ApiError, call, errorMessage } from '../../lib/api'

/** Paramètres → Verrouillage: an optional password that locks the window after inactivity. */
export function LockSection({ state }: { state: AppState }) {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  // Once a lock is set, any change asks for the password in force (the core checks it).
  const [current, setCurrent] = useState('')
  const [minutes, setMinutes] = useState<number>(state.lock.minutes)
  const [error, setError] = useState<string | null>(null)
  const [currentError, setCurrentError] = useState<string | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  async function save(remove: boolean) {
    setCurrentError(null)
    if (!remove && password !== confirm) return setError(t('lock.mismatch'))
    try {
      await call('app.setLock', {
        password: remove ? null : password,
        minutes,
        ...(state.lock.enabled ? { currentPassword: current } : {}),
      })
      setPassword('')
      setConfirm('')
      setCurrent('')
      setError(null)
      setStatus({ ok: true, text: remove ? t('lock.disabled') : t('lock.enabled', { minutes }) })
      await refresh()
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.error.fields?.[0] : undefined
      if (field?.path === 'currentPassword') {
        setCurrentError(field.message)
      } else if (field) {
        setError(field.message)
      } else {
        setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
      }
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-lock">
      <Stack>
        <Title order={2} size="h4" id="settings-lock">
          {t('lock.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('lock.hint')}
        </Text>
        {state.lock.enabled && (
          <Text size="sm">{t('lock.active', { minutes: state.lock.minutes })}</Text>
        )}
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        <Group align="flex-start">
          {state.lock.enabled && (
            <PasswordInput
              label={t('lock.current')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              error={currentError}
              autoComplete="current-password"
              w={220}
            />
          )}
          <PasswordInput
            label={t('lock.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error}
            w={220}
          />
          <PasswordInput
            label={t('lock.confirm')}
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            w={220}
          />
          <NumberInput
            label={t('lock.minutes')}
            value={minutes}
            onChange={(value) => setMinutes(typeof value === 'number' ? value : 10)}
            min={1}
            max={240}
            w={140}
          />
        </Group>
        <Group>
          <Button variant="light" onClick={() => void save(false)} disabled={password === ''}>
            {t(state.lock.enabled ? 'lock.change' : 'lock.enable')}
          </Button>
          {state.lock.enabled && (
            <>
              <Button variant="subtle" color="red" onClick={() => void save(true)}>
                {t('lock.disable')}
              </Button>
              <Button variant="default" onClick={() => void call('app.lock', {}).then(refresh)}>
                {t('lock.lockNow')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
