import { Alert, Badge, Paper, Stack, Table, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SentReportView } from '@shared/accounting/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'

/**
 * The reports sent to funders that concern one agreement (or every one), and a warning when the
 * figures behind one of them changed since it was sent. `version` makes it look again after a
 * change on the page.
 */
export function SentReportsNotice({
  agreementId,
  version,
}: {
  agreementId: string | null
  version?: unknown
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [reports, setReports] = useState<SentReportView[]>([])
  useEffect(() => {
    let current = true
    void call('accounting.sentReports', { agreementId }).then(
      (list) => current && setReports(list),
      () => current && setReports([]),
    )
    return () => {
      current = false
    }
  }, [agreementId, version])
  if (reports.length === 0) return null
  const changed = reports.filter((r) => r.changed)
  return (
    <Stack gap="xs">
      {changed.length > 0 && (
        <Alert color="orange" role="alert" title={t('accounting.sent.changed')}>
          {t('accounting.sent.warning', {
            count: changed.length,
            titles: changed.map((r) => `${r.title} (${formatDate(r.sentOn, language)})`).join(', '),
          })}
        </Alert>
      )}
      <Paper withBorder p="sm" component="section" aria-labelledby="sent-reports">
        <Title order={2} size="h5" id="sent-reports" mb="xs">
          {t('accounting.sent.title')}
        </Title>
        <Table>
          <Table.Tbody>
            {reports.map((report) => (
              <Table.Tr key={report.id} data-record-id={report.id}>
                <Table.Td>{report.title}</Table.Td>
                <Table.Td>{formatDate(report.sentOn, language)}</Table.Td>
                <Table.Td>{report.recipient}</Table.Td>
                <Table.Td>
                  <Badge color={report.changed ? 'orange' : 'green'} variant="light">
                    {report.changed ? t('accounting.sent.changed') : t('accounting.sent.unchanged')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
