import {
  Alert,
  Button,
  Card,
  CloseButton,
  Container,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppState } from '@shared/app/schema'
import { useFileActions } from '../app/use-file-actions'
import { LanguageSwitch } from '../app/LanguageSwitch'
import { ChosenBackupModal } from '../features/backups/ChosenBackupModal'

/** First screen when no file is open: demo, new file, existing file, recent files. */
export function StartScreen({ state }: { state: AppState }) {
  const { t } = useTranslation()
  const files = useFileActions()
  const { showDamage } = files
  const damagedAtOpen = state.damagedAtOpen
  // The file open a moment ago was found damaged by its full check, and closed.
  useEffect(() => {
    if (damagedAtOpen) showDamage(damagedAtOpen)
  }, [damagedAtOpen, showDamage])
  const choices = [
    { label: t('start.openDemo'), hint: t('start.openDemoHint'), action: files.openDemo },
    { label: t('start.createEmpty'), hint: t('start.createEmptyHint'), action: files.createNew },
    {
      label: t('start.openExisting'),
      hint: t('start.openExistingHint'),
      action: files.openExisting,
    },
  ]
  return (
    <Container size="md" py="xl" component="main" id="content">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-start">
          <Title order={1}>{t('start.title')}</Title>
          <LanguageSwitch />
        </Group>
        <Text>{t('start.intro')}</Text>
        {files.error && (
          <Alert color="red" role="alert">
            <Stack gap="xs" align="flex-start">
              {files.error}
              {files.damaged && (
                <Group gap="xs">
                  <Button
                    color="red"
                    variant="light"
                    size="xs"
                    onClick={() => files.damaged && files.recover(files.damaged)}
                  >
                    {t('start.recover')}
                  </Button>
                  <Button
                    color="red"
                    variant="light"
                    size="xs"
                    onClick={() => files.damaged && void files.chooseBackupFor(files.damaged)}
                  >
                    {t('start.recoverFromFile')}
                  </Button>
                  <Button
                    color="red"
                    variant="subtle"
                    size="xs"
                    onClick={() => files.damaged && files.view(files.damaged)}
                  >
                    {t('start.viewReadOnly')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <ChosenBackupModal
          chosen={files.chosen?.backup ?? null}
          question={(params) =>
            t('start.recoverFromFileConfirm', { ...params, file: files.chosen?.path ?? '' })
          }
          onClose={files.dismissChosen}
          onConfirm={(backup, force) =>
            files.chosen && void files.recoverFromChosen(files.chosen.file, backup, force)
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {choices.map((choice) => (
            <Card key={choice.label} withBorder padding="lg">
              <Stack justify="space-between" h="100%">
                <Text size="sm" c="dimmed">
                  {choice.hint}
                </Text>
                <Button
                  onClick={choice.action}
                  loading={files.busy}
                  fullWidth
                  h="auto"
                  py={8}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                >
                  {choice.label}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        <section aria-labelledby="recent-files">
          <Title order={2} size="h4" id="recent-files" mb="xs">
            {t('start.recent')}
          </Title>
          {state.recentFiles.length === 0 ? (
            <Text c="dimmed">{t('start.noRecent')}</Text>
          ) : (
            <List listStyleType="none" spacing="xs">
              {state.recentFiles.map((file) => (
                <List.Item key={file.path}>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="subtle"
                      disabled={!file.exists}
                      onClick={() => files.openRecent(file.file)}
                      aria-label={t('start.openRecent', { name: file.name })}
                    >
                      {file.name}
                    </Button>
                    <Text size="xs" c="dimmed" truncate="start" maw={420}>
                      {file.path}
                    </Text>
                    <CloseButton
                      size="sm"
                      aria-label={t('start.forgetRecent', { name: file.name })}
                      onClick={() => files.forgetRecent(file.file)}
                    />
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </section>
      </Stack>
    </Container>
  )
}
