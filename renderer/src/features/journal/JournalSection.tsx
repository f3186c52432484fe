import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { HISTORY_TABLES, type JournalEntry } from '@shared/history/schema'
import { formatDateTime } from '@shared/i18n/format-dates'
import { RegisterList } from '../../components/list/RegisterList'
import type { ListColumn } from '../../components/list/list-columns'
import { useListView } from '../../components/list/use-list-url-state'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import type { Language } from '@shared/i18n/locale'
import { tableLabel } from './record-labels'
import { usePlaceOpener } from './use-place-opener'
import { textColumn } from '../../components/list/column-factory'

type Table = (typeof HISTORY_TABLES)[number]

/** A moment of each month, late in the day: one of them is the widest a moment is written. */
const widestMoments = (language: Language) =>
  Array.from({ length: 12 }, (_, month) =>
    formatDateTime(`2026-${String(month + 1).padStart(2, '0')}-28T23:59:00`, language),
  )
const isTable = (value: string | undefined): value is Table =>
  HISTORY_TABLES.some((name) => name === value)

/**
 * Paramètres → Journal: the change log of the whole file as a register. The core searches it
 * (in the values' codes too, which the columns do not show), the list sorts, groups by author
 * or register, exports what is shown to Excel and prints it; the whole journal goes to CSV.
 */
export function JournalSection() {
  const { t } = useTranslation()
  const opener = usePlaceOpener()
  const language = useLanguage()
  const [view, setView] = useListView('journal')
  const search = (view.q ?? '').trim()
  const table = isTable(view.table) ? view.table : ''
  const [entries, setEntries] = useState<JournalEntry[]>([])
  const [error, setError] = useState<unknown>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const query = { ...(search ? { search } : {}), ...(table ? { table } : {}) }

  useEffect(() => {
    let current = true
    const filters = { ...(search ? { search } : {}), ...(table ? { table } : {}) }
    call('history.journal', filters).then(
      (list) => current && (setEntries(list), setError(null)),
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
    // The core describes the values in the interface's language: read again when it changes.
  }, [search, table, language])

  // What changed and on which record come first when room is short; who and how, after.
  const columns = useMemo<ListColumn<JournalEntry>[]>(
    () => [
      // ISO, so that it sorts in time; drawn in the language's format.
      textColumn('recordedAt', t('journal.when'), (e) => e.recordedAt, {
        cell: (e) => formatDateTime(e.recordedAt, language),
        // Shown whole, as wide as its widest month (« 28 févr. 2026, 23:59 »).
        widest: widestMoments,
        groupable: false,
        priority: 0,
      }),
      textColumn('author', t('journal.author'), (e) => e.author, { width: 120, priority: 4 }),
      textColumn(
        'action',
        t('journal.action'),
        (e) => `${t(`journal.ops.${e.op}`)} — ${tableLabel(t, e.table)}`,
        { width: 160, priority: 3 },
      ),
      // A record's name holds a day and an amount (« 04/12/2026 — 1 250,50 € »): on several
      // lines rather than cut.
      textColumn('record', t('journal.record'), (e) => e.recordName, {
        width: 160,
        wrap: true,
        groupable: false,
        priority: 2,
      }),
      {
        id: 'changes',
        kind: 'text',
        value: (e) => e.changes.map((c) => `${c.label} : ${c.before} → ${c.after}`).join('\n'),
        cell: (e) =>
          e.changes.map((c) => (
            <Text size="xs" key={c.column}>
              {c.label} : {c.before} → {c.after}
            </Text>
          )),
        header: t('journal.changes'),
        // Its lines hold amounts (« Montant : 1 250,50 € → 1 300,00 € »): wrapped, never cut.
        wrap: true,
        width: 280,
        priority: 1,
        groupable: false,
      },
    ],
    [t, language],
  )

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
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        <RegisterList
          listId="journal"
          label={t('journal.title')}
          rows={entries}
          columns={columns}
          getRowId={(e) => `${e.txId}-${e.rowId}`}
          view={view}
          onView={setView}
          searchRows={false}
          searchPlaceholder={t('journal.search')}
          filters={
            <NativeSelect
              label={t('journal.table')}
              value={table}
              onChange={(e) => setView({ table: e.currentTarget.value })}
              data={[
                { value: '', label: t('common.all') },
                ...HISTORY_TABLES.map((name) => ({ value: name, label: tableLabel(t, name) })),
              ]}
            />
          }
          parameters={table ? [{ label: t('journal.table'), value: tableLabel(t, table) }] : []}
          error={error}
          height="60vh"
          // One small « Voir » button: the record and what changed keep their room.
          actionsWidth={80}
          rowActions={(entry) => {
            const open = opener(entry)
            return (
              open && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  aria-label={t('journal.openRecord', { name: entry.recordName })}
                  onClick={open}
                >
                  {t('journal.open')}
                </Button>
              )
            )
          }}
        />
      </Stack>
    </Paper>
  )
}
