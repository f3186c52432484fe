import { Paper, Stack, Tabs, Text, Title } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountingPlanView } from '@shared/accounting/schema'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { errorMessage } from '../../lib/api'
import { AccountsTab } from './AccountsTab'
import { BanksTab } from './BanksTab'
import { JournalsTab } from './JournalsTab'
import { PeriodsTab } from './PeriodsTab'
import { RulesTab } from './RulesTab'
import { useChannel } from '../../lib/use-api-data'
import { useLinkedTab } from '../../lib/use-url-param'

/**
 * Paramètres → Comptabilité: the chart of accounts, the mapping of the ledger's events to
 * accounts, the bank accounts, the journals and the closed periods.
 */
export function AccountingSection() {
  const { t } = useTranslation()
  // A link (« Voir » in the journal) may name the tab to open on.
  const [tab, setTab] = useLinkedTab('accountingTab', 'rules')
  const { data: plan, setData: setPlan } = useChannel('accounting.plan', {})
  const [status, setStatus] = useState<Status | null>(null)
  const change = useCallback(
    async (action: () => Promise<AccountingPlanView>) => {
      try {
        setPlan(await action())
        setStatus({ ok: true, text: t('accounting.saved') })
        return null
      } catch (failure) {
        setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
        return failure
      }
    },
    [t, setPlan],
  )
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-accounting">
      <Stack>
        <Title order={2} size="h4" id="settings-accounting">
          {t('accounting.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('accounting.intro')}
        </Text>
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        {plan && (
          <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="rules">{t('accounting.tabs.rules')}</Tabs.Tab>
              <Tabs.Tab value="accounts">{t('accounting.tabs.accounts')}</Tabs.Tab>
              <Tabs.Tab value="banks">{t('accounting.tabs.banks')}</Tabs.Tab>
              <Tabs.Tab value="journals">{t('accounting.tabs.journals')}</Tabs.Tab>
              <Tabs.Tab value="periods">{t('accounting.tabs.periods')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="rules" pt="md">
              <RulesTab plan={plan} change={change} />
            </Tabs.Panel>
            <Tabs.Panel value="accounts" pt="md">
              <AccountsTab plan={plan} change={change} />
            </Tabs.Panel>
            <Tabs.Panel value="banks" pt="md">
              <BanksTab plan={plan} change={change} />
            </Tabs.Panel>
            <Tabs.Panel value="journals" pt="md">
              <JournalsTab plan={plan} change={change} />
            </Tabs.Panel>
            <Tabs.Panel value="periods" pt="md">
              <PeriodsTab onStatus={setStatus} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Paper>
  )
}
