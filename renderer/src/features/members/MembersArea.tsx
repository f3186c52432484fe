import { Tabs } from '@mantine/core'
import { useLinkedTab } from '../../lib/use-url-param'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../app/app-store'
import { DuesPage } from '../dues/DuesPage'
import { MembersPage } from './MembersPage'

/** Membres & cotisations: the register, and the dues. */
export function MembersArea() {
  const { t } = useTranslation()
  const openMemberId = useAppStore((s) => s.openMemberId)
  const openMember = useAppStore((s) => s.openMember)
  // A link (« Voir » in the journal) may name the tab to open on.
  const [tab, setTab] = useLinkedTab('membersTab', 'members')
  // A member opened from the dues (the largest arrears) is shown in the register's tab.
  return (
    <Tabs
      value={openMemberId ? 'members' : tab}
      onChange={(value) => {
        // A member's page is open in the register's tab: leaving the tab closes it, so that
        // « Cotisations » shows the dues (it did nothing while a member's page was open).
        if (value !== 'members') openMember(null)
        setTab(value ?? 'members')
      }}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="members">{t('members.tabMembers')}</Tabs.Tab>
        <Tabs.Tab value="dues">{t('members.tabDues')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="members">
        <MembersPage />
      </Tabs.Panel>
      <Tabs.Panel value="dues">
        <DuesPage />
      </Tabs.Panel>
    </Tabs>
  )
}
