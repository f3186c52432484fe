import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENTRY_EXPORT_FORMATS, type EntryExportFormat } from '@shared/accounting/schema'
import type { SavedFile } from '@shared/files/schema'
import type { Status } from '../../components/StatusMessage'
import { call, errorMessage, isCancelled } from '../../lib/api'

/** Rapports → the FEC of a fiscal year, or its entries for the accountant's software. */
export function EntriesExportSection({
  onExported,
}: {
  onExported: (status: Status, saved: SavedFile | null) => void
}) {
  const { t } = useTranslation()
  const thisYear = new Date().getFullYear()
  const [year, setYear] = useState(String(thisYear - 1))
  const [format, setFormat] = useState<EntryExportFormat>('fec')
  const [busy, setBusy] = useState(false)
  async function exportEntries() {
    setBusy(true)
    try {
      const done = await call('accounting.exportEntries', { year: Number(year), format })
      const text = t('accounting.entries.exported', {
        path: done.path,
        entries: done.entries,
        lines: done.lines,
      })
      onExported(
        {
          ok: true,
          text: done.provisional
            ? `${text} ${t('accounting.entries.provisional', { year })}`
            : text,
        },
        { path: done.path, file: done.file },
      )
    } catch (failure) {
      if (!isCancelled(failure))
        onExported({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }, null)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="accounting-entries" maw={720}>
      <Stack gap="sm">
        <Title order={2} size="h4" id="accounting-entries">
          {t('accounting.entries.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('accounting.entries.help')}
        </Text>
        <Group align="flex-end">
          <ListSelect
            label={t('accounting.entries.year')}
            data={Array.from({ length: 15 }, (_, i) => String(thisYear - i))}
            value={year}
            onChange={(value) => value && setYear(value)}
            allowDeselect={false}
            w={120}
          />
          <ListSelect
            label={t('accounting.entries.format')}
            data={ENTRY_EXPORT_FORMATS.map((f) => ({
              value: f,
              label: t(`accounting.entries.format_${f}`),
            }))}
            value={format}
            onChange={(value) => value && setFormat(value as EntryExportFormat)}
            allowDeselect={false}
            w={340}
          />
          <Button onClick={() => void exportEntries()} loading={busy}>
            {t('accounting.entries.export')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
