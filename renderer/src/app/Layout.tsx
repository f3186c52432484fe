import {
  Alert,
  AppShell,
  Button,
  Center,
  Kbd,
  Loader,
  NavLink,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import { Suspense, useEffect } from 'react'
import { useAppStore } from './app-store'
import { useMarkedRow } from '../lib/use-marked-row'
import { type Area, AREA_SCREENS, AREAS } from './areas'
import { InlineFormsGuard } from '../components/page/InlineFormsGuard'
import { NoticeArea } from '../components/NoticeArea'
import { PlausibilityDialog } from '../components/PlausibilityDialog'
import { LanguageSwitch } from './LanguageSwitch'
import { UserNamePrompt } from './UserNamePrompt'
import { CommandPalette, usePalette } from './palette/CommandPalette'
import { FirstSteps } from './FirstSteps'
import { useEmptyFile } from './use-empty-file'
import { useShortcuts } from './use-shortcuts'

/**
 * The areas an empty file shows its first steps in, instead of empty lists: the dashboard
 * always (rather than zero figures), the registers when the user has just created the file.
 */
const FIRST_STEPS_AREAS: readonly Area[] = [
  'dashboard',
  'funders',
  'agreements',
  'projects',
  'members',
]

/** How often the state is read again while the file opened is still being checked in full. */
const CHECK_POLL_MS = 700

/**
 * The status line of a file still being checked in full after it opened: said calmly (changes
 * wait a moment), and gone when the check has passed — the state is read again meanwhile.
 */
function FileCheckStatus({ checking }: { checking: boolean }) {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  useEffect(() => {
    if (!checking) return
    const timer = setInterval(() => void refresh(), CHECK_POLL_MS)
    return () => clearInterval(timer)
  }, [checking, refresh])
  return (
    <Text size="xs" c="dimmed" role="status" aria-live="polite">
      {checking ? t('app.fileChecking') : ''}
    </Text>
  )
}

/** The window with a file open: the sidebar of areas and the chosen area. */
export function Layout({ state, file }: { state: AppState; file: OpenFileInfo }) {
  const { t } = useTranslation()
  const area = useAppStore((s) => s.area)
  const setArea = useAppStore((s) => s.setArea)
  useMarkedRow()
  const dataVersion = useAppStore((s) => s.dataVersion)
  const openPalette = usePalette((s) => s.setOpened)
  const firstSteps = useEmptyFile(file.path)
  const justCreated = useAppStore((s) => s.newFilePath === file.path)
  const showFirstSteps =
    firstSteps.empty && (area === 'dashboard' || (justCreated && FIRST_STEPS_AREAS.includes(area)))
  useShortcuts()
  const Screen = AREA_SCREENS[area]
  return (
    <AppShell navbar={{ width: 240, breakpoint: 0 }} padding="md">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')} component="nav">
        <Stack justify="space-between" h="100%">
          <Stack gap={4}>
            <Title order={2} size="h4" px="xs" pb="sm">
              {t('app.name')}
            </Title>
            <Button
              variant="default"
              size="xs"
              justify="space-between"
              mb="xs"
              onClick={() => openPalette(true)}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
            >
              {t('palette.button')}
            </Button>
            {AREAS.map((key) => (
              <NavLink
                key={key}
                component="button"
                label={t(`nav.${key}`)}
                active={area === key}
                aria-current={area === key ? 'page' : undefined}
                onClick={() => setArea(key)}
              />
            ))}
          </Stack>
          <Stack gap="xs" px="xs">
            {file.isDemo && (
              <Text size="xs" fw={700} c="var(--mantine-color-orange-light-color)" tt="uppercase">
                {t('app.demoBadge')}
              </Text>
            )}
            <Text size="xs" c="dimmed" title={file.path} truncate="start">
              {file.name}
            </Text>
            <FileCheckStatus checking={file.checking} />
            <LanguageSwitch />
          </Stack>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="content" component="main">
        {file.isDemo && (
          <Alert color="orange" mb="md" variant="light">
            {t('app.demoNotice')}
          </Alert>
        )}
        {file.backupFailure && (
          <Alert color="orange" mb="md" variant="light" title={t('app.backupFailedTitle')}>
            {file.backupFailure} {t('app.backupFailedHint')}
          </Alert>
        )}
        {file.readOnly && (
          <Alert color="red" mb="md" variant="light" title={t('app.readOnlyTitle')}>
            {t('app.readOnlyNotice')}
          </Alert>
        )}
        <InlineFormsGuard>
          <Suspense
            fallback={
              <Center p="xl">
                <Loader aria-label={t('app.loading')} />
              </Center>
            }
          >
            {showFirstSteps ? (
              <FirstSteps area={area} onDone={firstSteps.dismiss} />
            ) : (
              // Read again from the start after a change made outside the screen (an undo).
              <Screen key={dataVersion} state={state} file={file} />
            )}
          </Suspense>
        </InlineFormsGuard>
        {state.userName === '' && <UserNamePrompt />}
        <NoticeArea />
        <PlausibilityDialog />
        <CommandPalette />
      </AppShell.Main>
    </AppShell>
  )
}
