import { Stack, Tabs, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CallsTab } from './CallsTab'
import { CollectionTab } from './CollectionTab'
import { PaymentsTab } from './PaymentsTab'
import { ScaleTab } from './ScaleTab'
import { useLinkedTab } from '../../lib/use-url-param'

/** Cotisations: collection, calls, payments and the scale, for the year chosen. */
export function DuesPage() {
  const { t } = useTranslation()
  // A link (« Voir » in the journal) may name the tab to open on.
  const [tab, setTab] = useLinkedTab('duesTab', 'summary')
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(thisYear)
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i))
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('dues.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('dues.subtitle')}
        </Text>
      </div>
      <ListSelect
        label={t('dues.year')}
        data={years}
        value={String(year)}
        onChange={(value) => value && setYear(Number(value))}
        allowDeselect={false}
        w={120}
      />
      <Tabs value={tab} onChange={(value) => value && setTab(value)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="summary">{t('dues.tabs.summary')}</Tabs.Tab>
          <Tabs.Tab value="calls">{t('dues.tabs.calls')}</Tabs.Tab>
          <Tabs.Tab value="payments">{t('dues.tabs.payments')}</Tabs.Tab>
          <Tabs.Tab value="scale">{t('dues.tabs.scale')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary" pt="md">
          <CollectionTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="calls" pt="md">
          <CallsTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md">
          <PaymentsTab year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="scale" pt="md">
          <ScaleTab year={year} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
