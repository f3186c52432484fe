import {
  Alert,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import { LanguageSwitch } from '../../app/LanguageSwitch'
import { useAppStore } from '../../app/app-store'
import { useFileActions } from '../../app/use-file-actions'
import { call, errorMessage } from '../../lib/api'

/** The user of this computer: the name written in the history, and the language. */
export function UserSection({ state }: { state: AppState }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-user">
      <Stack>
        <Title order={2} size="h4" id="settings-user">
          {t('settings.user')}
        </Title>
        <UserNameField current={state.userName} />
        <Group>
          <Text size="sm" fw={500}>
            {t('settings.language')}
          </Text>
          <LanguageSwitch />
        </Group>
      </Stack>
    </Paper>
  )
}

function UserNameField({ current }: { current: string }) {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [name, setName] = useState(current)
  const [error, setError] = useState<string | null>(null)
  async function save() {
    try {
      await call('app.setUserName', { name })
      setError(null)
      await refresh()
    } catch (failure) {
      setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  return (
    <Group align="flex-end">
      <TextInput
        label={t('settings.userName')}
        description={t('settings.userNameHint')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={error}
        w={420}
      />
      <Button variant="default" onClick={() => void save()}>
        {t('common.save')}
      </Button>
    </Group>
  )
}

/** The data file: where it is, its version, and closing it. */
export function FileSection({ file }: { file: OpenFileInfo }) {
  const { t } = useTranslation()
  const files = useFileActions()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-file">
      <Stack>
        <Title order={2} size="h4" id="settings-file">
          {t('settings.file')}
        </Title>
        <Table variant="vertical" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={220}>{t('settings.filePath')}</Table.Th>
              <Table.Td>
                <Code>{file.path}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.fileSchema')}</Table.Th>
              <Table.Td>{file.schemaVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('settings.fileReplica')}</Table.Th>
              <Table.Td>
                <Code>{file.replicaId}</Code>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {files.error && <Alert color="red">{files.error}</Alert>}
        <Group>
          <Button variant="default" onClick={() => void call('file.showInFolder', {})}>
            {t('settings.showInFolder')}
          </Button>
          <Button variant="default" color="red" onClick={() => void files.close()}>
            {t('settings.closeFile')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
