import { Button, Group, Modal, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetVersion } from '@shared/budget/schema'
import type { Agreement } from '@shared/funds/schema'
import { formatPercent } from '@shared/i18n/format-percent'
import { SENDABLE_REPORTS } from '@shared/accounting/schema'
import {
  ACCOUNTING_REPORT_KINDS,
  REPORT_KINDS,
  type ReportDocument,
  type ReportFormat,
  type ReportKind,
  type ReportRequest,
} from '@shared/reports/model'
import { StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage, isCancelled } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { ReportView } from './ReportView'
import { useReportExport } from './use-report-export'
import { EntriesExportSection } from '../accounting/EntriesExportSection'
import { MarkSentButton } from '../accounting/MarkSentButton'
import { SentReportsNotice } from '../accounting/SentReportsNotice'
import { DateField } from '../../components/DateField'

const today = () => new Date().toISOString().slice(0, 10)

/**
 * Rapports: choose a report and its parameters, see it, and export it to Excel or PDF in French
 * or English; the preview and the files are made from the same report.
 */
export function ReportsPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const thisYear = new Date().getFullYear()
  const [kind, setKind] = useState<ReportKind>('donor')
  const [agreementId, setAgreementId] = useState<string | null>(null)
  const [versionId, setVersionId] = useState<string | null>(null)
  const [year, setYear] = useState(String(thisYear))
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reportLanguage, setReportLanguage] = useState<'fr' | 'en'>(language)
  const [format, setFormat] = useState<ReportFormat>('xlsx')
  const [agreements, setAgreements] = useState<Agreement[]>([])
  const [versions, setVersions] = useState<BudgetVersion[]>([])
  const [report, setReport] = useState<ReportDocument | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const exporter = useReportExport()
  const [sentVersion, setSentVersion] = useState(0)
  const books = (ACCOUNTING_REPORT_KINDS as readonly string[]).includes(kind)

  useEffect(() => {
    void call('agreements.list', {}).then(setAgreements)
    void call('budget.versions', {}).then(setVersions)
  }, [])

  const request: ReportRequest = {
    kind,
    agreementId: kind === 'donor' ? agreementId : null,
    versionId: kind === 'budget' ? versionId : null,
    year:
      kind === 'dues' || kind === 'budget' || kind === 'projects' || books ? Number(year) : null,
    from:
      (kind === 'donor' || kind === 'projects' || kind === 'general-ledger') && from ? from : null,
    to: kind !== 'dues' && kind !== 'dedicated-funds' && kind !== 'trial-balance' && to ? to : null,
    language: reportLanguage,
  }
  const preview = async () => {
    setFailure(null)
    try {
      setReport(await call('reports.preview', request))
    } catch (error) {
      setReport(null)
      setFailure(errorMessage(error, t('errors.INTERNAL')))
    }
  }
  const exportIati = async () => {
    setFailure(null)
    try {
      const saved = await call('reports.iati', {})
      exporter.announce(t('reporting.exported', { path: saved.path }), saved)
    } catch (error) {
      if (!isCancelled(error)) setFailure(errorMessage(error, t('errors.INTERNAL')))
    }
  }
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i))
  const yearVersions = versions.filter((v) => String(v.year) === year)

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('reporting.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('reporting.intro')}
        </Text>
      </div>
      <form
        // The report's choices: nothing entered to lose by leaving.
        data-not-an-entry
        aria-label={t('reporting.title')}
        onSubmit={(event) => {
          event.preventDefault()
          void preview()
        }}
      >
        <Stack gap="sm" maw={720}>
          <ListSelect
            label={t('reporting.choose')}
            data={REPORT_KINDS.map((k) => ({ value: k, label: t(`reporting.kind.${k}`) }))}
            value={kind}
            onChange={(value) => {
              if (value) setKind(value as ReportKind)
              setReport(null)
            }}
            allowDeselect={false}
            description={t(`reporting.describe.${kind}`)}
          />
          {kind === 'donor' && (
            <ListSelect
              label={t('reporting.param.agreement')}
              data={agreements.map((a) => ({ value: a.id, label: `${a.reference} — ${a.title}` }))}
              value={agreementId}
              onChange={setAgreementId}
              searchable
              required
            />
          )}
          {(kind === 'budget' || kind === 'dues' || kind === 'projects' || books) && (
            <ListSelect
              label={t('reporting.param.year')}
              data={years}
              value={year}
              onChange={(value) => {
                if (value) setYear(value)
                setVersionId(null)
              }}
              allowDeselect={false}
              w={160}
            />
          )}
          {kind === 'budget' && yearVersions.length > 0 && (
            <ListSelect
              label={t('reporting.param.version')}
              data={yearVersions.map((v) => ({
                value: v.id,
                label: `${v.number === 0 ? t('budget.initial') : t('budget.revision', { number: v.number })}${v.isCurrent ? ` (${t('budget.current')})` : ''}`,
              }))}
              value={versionId}
              onChange={setVersionId}
              placeholder={t('budget.current')}
              clearable
            />
          )}
          {(kind === 'donor' ||
            kind === 'projects' ||
            kind === 'fund' ||
            kind === 'budget' ||
            kind === 'general-ledger') && (
            <Group grow>
              {(kind === 'donor' || kind === 'projects' || kind === 'general-ledger') && (
                <DateField
                  choosesView
                  label={t('reporting.param.from')}
                  value={from}
                  onChange={setFrom}
                />
              )}
              <DateField
                label={
                  kind === 'fund' || kind === 'budget'
                    ? t('reporting.param.asOf')
                    : t('reporting.param.to')
                }
                choosesView
                value={to}
                onChange={setTo}
                placeholder={today()}
              />
            </Group>
          )}
          <Group align="end">
            <SegmentedControl
              aria-label={t('reporting.language')}
              value={reportLanguage}
              onChange={(value) => setReportLanguage(value as 'fr' | 'en')}
              data={[
                { value: 'fr', label: t('language.fr') },
                { value: 'en', label: t('language.en') },
              ]}
            />
            <Button type="submit">{t('reporting.preview')}</Button>
            <Button variant="default" onClick={() => void exportIati()}>
              {t('reporting.iati')}
            </Button>
          </Group>
        </Stack>
      </form>
      <StatusMessage
        status={failure === null ? exporter.status : { ok: false, text: failure }}
        onClose={() => {
          setFailure(null)
          exporter.clearStatus()
        }}
      />
      <SentReportsNotice agreementId={null} version={sentVersion} />
      {report && (
        <>
          <Group align="end">
            <SegmentedControl
              aria-label={t('reporting.format')}
              value={format}
              onChange={(value) => setFormat(value as ReportFormat)}
              data={[
                { value: 'xlsx', label: t('reporting.formatXlsx') },
                { value: 'pdf', label: t('reporting.formatPdf') },
              ]}
            />
            <Button onClick={() => void exporter.start(request, format)}>
              {t('reporting.export')}
            </Button>
            {(SENDABLE_REPORTS as readonly string[]).includes(kind) && (
              <MarkSentButton
                request={request}
                format={format}
                onSent={() => setSentVersion((v) => v + 1)}
              />
            )}
          </Group>
          <ReportView report={report} />
        </>
      )}
      <Modal
        opened={exporter.job !== null}
        onClose={() => undefined}
        withCloseButton={false}
        title={t('reporting.export')}
        centered
      >
        {exporter.job && (
          <Stack gap="xs">
            <Progress
              value={Math.round(exporter.job.progress * 100)}
              aria-label={t('reporting.export')}
            />
            <Text size="sm" aria-live="polite">
              {t('reporting.exporting', {
                percent: formatPercent(exporter.job.progress, language),
              })}
            </Text>
            <Button variant="default" onClick={() => void exporter.cancel()}>
              {t('reporting.cancelExport')}
            </Button>
          </Stack>
        )}
      </Modal>
      {/* The books' exports stand apart: below the report, never between its form and its export. */}
      <EntriesExportSection
        onExported={(status, saved) => {
          if (status.ok && saved) exporter.announce(status.text, saved)
          else setFailure(status.text)
        }}
      />
    </Stack>
  )
}
