import { Badge, Group, NativeSelect, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, REPORT_STATUSES, type ReportStatus } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { ReportEntry } from './ReportEntry'

/** The reports due to the funder: plan them, mark them sent or accepted. */
export function ReportsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [error, setError] = useState<string | null>(null)
  const editable = agreement.archivedAt === null

  async function setStatus(id: string, status: ReportStatus) {
    try {
      onSaved(await call('agreements.setReportStatus', { id, status }), t('common.saved'))
    } catch (failure) {
      setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  return (
    <section aria-labelledby="agreement-reports">
      <Title order={2} size="h4" id="agreement-reports" mb="xs">
        {t('reports.title')}
      </Title>
      {error && <Text c="red">{error}</Text>}
      {editable && <ReportEntry agreement={agreement} onSaved={onSaved} onError={setError} />}
      {agreement.reports.length === 0 ? (
        <Text c="dimmed">{t('reports.none')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('reports.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.kind')}</Table.Th>
              <Table.Th>{t('reports.dueOn')}</Table.Th>
              <Table.Th>{t('reports.periodFrom')}</Table.Th>
              <Table.Th>{t('reports.status')}</Table.Th>
              <Table.Th>{t('reports.sentOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.reports.map((r) => (
              <Table.Tr key={r.id} data-record-id={r.id}>
                <Table.Td>{t(`reports.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {formatDate(r.dueOn, language)}
                    {r.overdue && (
                      <Badge color="red" size="sm">
                        {t('reports.overdue')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {r.periodFrom
                    ? `${formatDate(r.periodFrom, language)} – ${formatDate(r.periodTo, language)}`
                    : ''}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    aria-label={`${t('reports.status')} ${t(`reports.kinds.${r.kind}`)} ${r.dueOn}`}
                    value={r.status}
                    disabled={!editable}
                    onChange={(e) => void setStatus(r.id, e.currentTarget.value as ReportStatus)}
                    data={REPORT_STATUSES.map((s) => ({
                      value: s,
                      label: t(`reports.statuses.${s}`),
                    }))}
                  />
                </Table.Td>
                <Table.Td>{formatDate(r.sentOn, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
