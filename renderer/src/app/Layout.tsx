import { Alert, AppShell, Center, Loader, NavLink, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import { type ComponentType, lazy, Suspense } from 'react'
import { AREAS, type Area, useAppStore } from './app-store'
import { StatusMessage } from '../components/StatusMessage'
import { NoticeArea } from '../components/NoticeArea'
import { PlausibilityDialog } from '../components/PlausibilityDialog'
import { LanguageSwitch } from './LanguageSwitch'
import { UserNamePrompt } from './UserNamePrompt'

/**
 * An area's screen, loaded when it is first shown, so that the window opens on what the first
 * screen needs (the dashboard's charts, the report and import screens come later).
 */
function screen<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
) {
  return lazy(async () => ({ default: (await load())[name] }))
}

const AgreementsPage = screen(
  () => import('../features/agreements/AgreementsPage'),
  'AgreementsPage',
)
const DashboardPage = screen(() => import('../features/dashboard/DashboardPage'), 'DashboardPage')
const FundersPage = screen(() => import('../features/funders/FundersPage'), 'FundersPage')
const MembersArea = screen(() => import('../features/members/MembersArea'), 'MembersArea')
const ProjectsPage = screen(() => import('../features/projects/ProjectsPage'), 'ProjectsPage')
const BudgetPage = screen(() => import('../features/budget/BudgetPage'), 'BudgetPage')
const ReportsPage = screen(() => import('../features/reports/ReportsPage'), 'ReportsPage')
const SettingsPage = screen(() => import('../features/settings/SettingsPage'), 'SettingsPage')

/** The window with a file open: the sidebar of areas and the chosen area. */
export function Layout({ state, file }: { state: AppState; file: OpenFileInfo }) {
  const { t } = useTranslation()
  const area = useAppStore((s) => s.area)
  const setArea = useAppStore((s) => s.setArea)
  const failure = useAppStore((s) => s.failure)
  const reportFailure = useAppStore((s) => s.reportFailure)
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
        <StatusMessage
          status={failure === null ? null : { ok: false, text: failure }}
          onClose={() => reportFailure(null)}
        />
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
        <Suspense
          fallback={
            <Center p="xl">
              <Loader aria-label={t('app.loading')} />
            </Center>
          }
        >
          <AreaPage area={area} state={state} file={file} />
        </Suspense>
        {state.userName === '' && <UserNamePrompt />}
        <NoticeArea />
        <PlausibilityDialog />
      </AppShell.Main>
    </AppShell>
  )
}

function AreaPage({ area, state, file }: { area: Area; state: AppState; file: OpenFileInfo }) {
  switch (area) {
    case 'funders':
      return <FundersPage />
    case 'agreements':
      return <AgreementsArea />
    case 'projects':
      return <ProjectsPage />
    case 'members':
      return <MembersArea />
    case 'dashboard':
      return <DashboardPage />
    case 'budget':
      return <BudgetPage />
    case 'reports':
      return <ReportsPage />
    case 'settings':
      return <SettingsPage state={state} file={file} />
  }
}

/** Conventions, opened afresh when reached on another class of funds. */
function AgreementsArea() {
  const fundClass = useAppStore((s) => s.agreementsClass)
  return <AgreementsPage key={fundClass ?? 'all'} />
}
