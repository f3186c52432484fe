import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesSummary } from '@shared/dues/schema'
import { formatPercent } from '@shared/i18n/format-percent'
import { Amount } from '../../components/Amount'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { CollectionLists } from './CollectionLists'
import { LetterProgress } from './LetterProgress'
import { useLetters } from './use-letters'

/** The collection dashboard: called and collected, the rate, arrears by age, who owes most. */
export function CollectionTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [summary, setSummary] = useState<DuesSummary | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [into, setInto] = useState<'pdf' | 'folder'>('pdf')
  const failed = (failure: unknown) =>
    setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
  const { run, progress } = useLetters(
    (written) =>
      setStatus({
        ok: true,
        text: t('letters.written', { count: written.letters, path: written.path }),
        saved: written,
      }),
    failed,
  )
  useEffect(() => {
    let current = true
    call('dues.summary', { year }).then(
      (s) => current && setSummary(s),
      (failure: unknown) =>
        current && setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }),
    )
    return () => {
      current = false
    }
  }, [year, t])
  if (!summary) return <StatusMessage status={status} onClose={() => setStatus(null)} />

  async function remindAll() {
    const members = await call('members.list', {})
    const ids = members.filter((m) => m.arrearsEur > 0).map((m) => m.id)
    if (ids.length > 0) await run({ kind: 'reminder', ids, into })
  }
  const figure = (label: string, value: React.ReactNode) => (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Paper>
  )
  return (
    <Stack gap="lg">
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }}>
        {figure(
          t('dues.summary.called', { year }),
          <Amount minor={summary.calledEur} currency="EUR" />,
        )}
        {figure(
          t('dues.summary.collected', { year }),
          <Amount minor={summary.collectedEur} currency="EUR" />,
        )}
        {figure(t('dues.summary.rate'), formatPercent(summary.rate, language))}
        {figure(
          t('dues.summary.voluntary', { year }),
          <Amount minor={summary.voluntaryEur} currency="EUR" />,
        )}
        {figure(t('dues.summary.upToDate'), summary.membersUpToDate)}
        {figure(t('dues.summary.inArrears'), summary.membersInArrears)}
      </SimpleGrid>
      <Group align="flex-end">
        <SegmentedControl
          value={into}
          onChange={(value) => setInto(value === 'folder' ? 'folder' : 'pdf')}
          data={[
            { value: 'pdf', label: t('letters.intoPdf') },
            { value: 'folder', label: t('letters.intoFolder') },
          ]}
        />
        <Button onClick={() => void remindAll()} disabled={summary.membersInArrears === 0}>
          {t('letters.reminders')}
        </Button>
      </Group>
      <LetterProgress progress={progress} />
      <CollectionLists summary={summary} />
    </Stack>
  )
}
