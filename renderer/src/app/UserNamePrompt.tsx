import { Button, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../lib/api'
import { useAppStore } from './app-store'

/** Asked once per machine: the name stamped on every change. */
export function UserNamePrompt() {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function save() {
    try {
      await call('app.setUserName', { name })
      await refresh()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      title={t('settings.userName')}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Stack>
          <Text size="sm">{t('settings.userNameHint')}</Text>
          <TextInput
            label={t('settings.userName')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            data-autofocus
            required
          />
          <Button type="submit">{t('common.save')}</Button>
        </Stack>
      </form>
    </Modal>
  )
}
