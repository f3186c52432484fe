import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HISTORY_TABLES, type JournalEntry } from '@shared/history/schema'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { formatDateTime } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { tableLabel } from './record-labels'

type Table = (typeof HISTORY_TABLES)[number]

/** Paramètres → Journal: the change log of the whole file, searchable and exportable. */
export function JournalSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [search, setSearch] = useState('')
  const [table, setTable] = useState<Table | ''>('')
  const [entries, setEntries] = useState<JournalEntry[]>([])
  const [status, setStatus] = useState<Status | null>(null)
  const query = { ...(search.trim() ? { search: search.trim() } : {}), ...(table ? { table } : {}) }

  useEffect(() => {
    let current = true
    const filters = {
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(table ? { table } : {}),
    }
    void call('history.journal', filters).then((list) => current && setEntries(list))
    return () => {
      current = false
    }
    // The core describes the values in the interface's language: read again when it changes.
  }, [search, table, language])

  async function exportCsv() {
    try {
      const result = await call('history.exportJournal', query)
      setStatus({
        ok: true,
        text: t('journal.exported', { rows: result.rows, path: result.path }),
        saved: result,
      })
    } catch (failure) {
      if (!isCancelled(failure))
        setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-journal">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="settings-journal">
            {t('journal.title')}
          </Title>
          <Button variant="light" onClick={() => void exportCsv()}>
            {t('journal.export')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('journal.hint')}
        </Text>
        <Group align="flex-end">
          <TextInput
            type="search"
            label={t('journal.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={320}
          />
          <NativeSelect
            label={t('journal.table')}
            value={table}
            onChange={(e) => setTable(e.currentTarget.value as Table | '')}
            data={[
              { value: '', label: t('common.all') },
              ...HISTORY_TABLES.map((name) => ({ value: name, label: tableLabel(t, name) })),
            ]}
          />
        </Group>
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        {entries.length === 0 ? (
          <Text c="dimmed">{t('journal.none')}</Text>
        ) : (
          <div
            style={{ maxHeight: 420, overflow: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('journal.title')}
          >
            <Table striped withTableBorder aria-label={t('journal.title')}>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={`${entry.txId}-${entry.rowId}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      {formatDateTime(entry.recordedAt, language)}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>{entry.author}</Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      {t(`journal.ops.${entry.op}`)} — {tableLabel(t, entry.table)}
                      <Text size="xs" c="dimmed">
                        {entry.recordName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {entry.changes.map((change) => (
                        <Text size="xs" key={change.column}>
                          {change.label} : {change.before} → {change.after}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Stack>
    </Paper>
  )
}
