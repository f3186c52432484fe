import { List, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '@shared/history/schema'
import type { HISTORY_TABLES } from '@shared/history/schema'
import { isLanguage } from '@shared/i18n/locale'
import { call } from '../lib/api'
import { formatDateTime } from '@shared/i18n/format-dates'

/** Who changed what on a record, and when: read from the change log. */
export function RecordHistory({
  table,
  id,
  version,
}: {
  table: (typeof HISTORY_TABLES)[number]
  id: string
  /** Changes when the record is saved, to read the history again. */
  version: string
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'fr'
  const [entries, setEntries] = useState<HistoryEntry[]>([])
  useEffect(() => {
    void call('history.forRecord', { table, id }).then(setEntries, () => setEntries([]))
    // The core describes the values in the interface's language: read again when it changes.
  }, [table, id, version, language])
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('common.history')}
      </Title>
      {entries.length === 0 && <Text c="dimmed">{t('common.historyEmpty')}</Text>}
      <List spacing="xs" size="sm" listStyleType="none">
        {entries.map((entry) => (
          <List.Item key={entry.txId}>
            <Text size="sm" fw={600}>
              {t('common.historyEntry', {
                when: formatDateTime(entry.recordedAt, language),
                author: entry.author,
              })}
            </Text>
            {entry.changes.map((change) => (
              <Text size="sm" key={change.column}>
                {change.label} : {change.before} → {change.after}
              </Text>
            ))}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}
