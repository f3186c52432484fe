import { Alert, Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RateImportReport } from '@shared/funds/rate-series'
import { formatDate } from '@shared/i18n/format-dates'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'

/**
 * Import of a rate file as published (ECB reference rates, InforEuro's monthly table as CSV or
 * XML), chosen in the system's dialog; the report says what went in, what was already there and
 * what was set aside, each set-aside rate with its line and column in the file.
 */
export function RateImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [month, setMonth] = useState('')
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<RateImportReport | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  async function importFile() {
    setBusy(true)
    setFailure(null)
    try {
      const done = await call('rates.import', month ? { month } : {})
      setReport(done)
      onImported()
    } catch (error) {
      if (!isCancelled(error)) {
        setReport(null)
        setFailure(errorMessage(error, t('errors.INTERNAL')))
      }
    } finally {
      setBusy(false)
    }
  }

  const day = (value: string | null) => (value ? formatDate(value, language) : '—')
  return (
    <Stack gap="xs" component="section" aria-labelledby="rates-import">
      <Title order={3} size="h5" id="rates-import">
        {t('rates.importTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('rates.importHint')}
      </Text>
      <Group align="end">
        <TextInput
          type="month"
          label={t('rates.importMonth')}
          value={month}
          onChange={(event) => setMonth(event.currentTarget.value)}
        />
        <Button variant="light" loading={busy} onClick={() => void importFile()}>
          {t('rates.importButton')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {failure && <Alert color="red">{failure}</Alert>}
        {report && (
          <Alert color={report.setAsideCount > 0 ? 'yellow' : 'green'}>
            <Text size="sm">
              {t(report.imported > 0 ? 'rates.imported' : 'rates.importedNothing', {
                file: report.fileName,
                imported: report.imported,
                series: t(`rates.seriesNames.${report.series}`),
                first: day(report.firstDate),
                last: day(report.lastDate),
                unchanged: report.unchanged,
                skipped: report.skipped,
              })}
            </Text>
            {report.setAsideCount > 0 && (
              <>
                <Text size="sm">{t('rates.setAside', { count: report.setAsideCount })}</Text>
                <List size="sm">
                  {report.setAside.map((rate) => (
                    <List.Item key={`${rate.line}-${rate.column}`}>
                      {t('rates.setAsideLine', {
                        line: rate.line,
                        column: rate.column,
                        currency: rate.currency,
                        date: day(rate.rateDate),
                        rate: rate.rate,
                        recorded: rate.recorded,
                      })}
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  )
}
