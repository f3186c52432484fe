import { Box, Group, NavLink, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppState, OpenFileInfo } from '@shared/app/schema'
import { AccountingSection } from '../accounting/AccountingSection'
import { BackupsSection } from '../backups/BackupsSection'
import { DuesSettingsSection } from '../dues/DuesSettingsSection'
import { JournalSection } from '../journal/JournalSection'
import { LockSection } from '../lock/LockSection'
import { RatesSection } from '../rates/RatesSection'
import { ProgrammesSection } from '../programmes/ProgrammesSection'
import { WorkbookSection } from '../workbook/WorkbookSection'
import { SyncSection } from '../sync/SyncSection'
import { useUrlParam } from '../../lib/use-url-param'
import { OrganisationSection } from './OrganisationSection'
import { FileSection, UserSection } from './UserFileSections'

/**
 * Paramètres: one section at a time, chosen in a side menu; the section is in the address
 * (`?settings=rates`), so Back returns to the previous one and a link can name one.
 */
export function SettingsPage({ state, file }: { state: AppState; file: OpenFileInfo }) {
  const { t } = useTranslation()
  const [chosen, choose] = useUrlParam('settings')
  const sections: readonly { key: string; label: string; content: ReactNode }[] = [
    { key: 'organisation', label: t('settings.organisation'), content: <OrganisationSection /> },
    { key: 'user', label: t('settings.user'), content: <UserSection state={state} /> },
    { key: 'lock', label: t('lock.title'), content: <LockSection state={state} /> },
    { key: 'rates', label: t('rates.title'), content: <RatesSection /> },
    { key: 'programmes', label: t('programmes.title'), content: <ProgrammesSection /> },
    { key: 'dues', label: t('dues.settings.title'), content: <DuesSettingsSection /> },
    { key: 'accounting', label: t('accounting.title'), content: <AccountingSection /> },
    { key: 'workbook', label: t('workbook.title'), content: <WorkbookSection /> },
    { key: 'backups', label: t('backups.title'), content: <BackupsSection /> },
    { key: 'sync', label: t('sync.title'), content: <SyncSection /> },
    { key: 'journal', label: t('journal.title'), content: <JournalSection /> },
    { key: 'file', label: t('settings.file'), content: <FileSection file={file} /> },
  ]
  const current = sections.find((s) => s.key === chosen) ?? sections[0]
  return (
    <Stack gap="lg">
      <Title order={1}>{t('settings.title')}</Title>
      <Group align="flex-start" wrap="nowrap" gap="xl">
        <Box
          component="nav"
          aria-label={t('recordPage.settingsMenu')}
          w={220}
          style={{ flexShrink: 0, position: 'sticky', top: 16 }}
        >
          {sections.map((section) => (
            <NavLink
              key={section.key}
              component="button"
              label={section.label}
              active={section.key === current?.key}
              aria-current={section.key === current?.key ? 'page' : undefined}
              onClick={() => choose(section.key)}
            />
          ))}
        </Box>
        <Box maw={820} style={{ flex: 1, minWidth: 0 }}>
          {current?.content}
        </Box>
      </Group>
    </Stack>
  )
}
