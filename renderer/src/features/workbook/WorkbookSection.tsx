import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRef, SavedFile } from '@shared/files/schema'
import type { Job } from '@shared/jobs/schema'
import type { WorkbookReport } from '@shared/workbook/schema'
import { useAppStore } from '../../app/app-store'
import { StatusMessage } from '../../components/StatusMessage'
import { call } from '../../lib/api'
import { useBusyAction } from '../../lib/use-busy-action'

/**
 * Paramètres → Import / export: the template to fill, the full export of the file, and the
 * import of a workbook — checked first, every problem listed, then imported all or nothing.
 */
export function WorkbookSection() {
  const { t } = useTranslation()
  const refresh = useAppStore((s) => s.refresh)
  const [checked, setChecked] = useState<(FileRef & { report: WorkbookReport }) | null>(null)
  const { busy, status, setStatus, run } = useBusyAction()
  const [running, setRunning] = useState<{ job: Job<WorkbookReport>; check: boolean } | null>(null)

  const saved = (file: SavedFile) =>
    setStatus({ ok: true, text: t('reporting.exported', { path: file.path }), saved: file })
  const blocking = checked?.report.problems.filter((p) => p.blocking).length ?? 0

  /** Follows a job (the check or the import) to its end, its progress shown meanwhile. */
  const follow = async (started: Job<WorkbookReport>, check: boolean) => {
    let job = started
    setRunning({ job, check })
    while (job.state === 'running') {
      await new Promise((resolve) => window.setTimeout(resolve, 150))
      job = await call('workbook.progress', { jobId: job.jobId })
      setRunning({ job, check })
    }
    setRunning(null)
    if (job.state === 'cancelled') {
      setStatus({ ok: true, text: t(check ? 'workbook.checkCancelled' : 'workbook.cancelled') })
      return null
    }
    if (job.state === 'failed' || !job.result) {
      setStatus({ ok: false, text: job.failure ?? t('errors.INTERNAL') })
      return null
    }
    return job.result
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-workbook">
      <Stack>
        <Title order={2} size="h4" id="settings-workbook">
          {t('workbook.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('workbook.intro')}
        </Text>
        <StatusMessage status={status} onClose={() => setStatus(null)} />
        <Group>
          <Button
            variant="light"
            loading={busy}
            onClick={() => void run(async () => saved(await call('workbook.template', {})))}
          >
            {t('workbook.template')}
          </Button>
          <Button
            variant="light"
            loading={busy}
            onClick={() => void run(async () => saved(await call('workbook.export', {})))}
          >
            {t('workbook.export')}
          </Button>
          <Button
            loading={busy}
            onClick={() =>
              void run(async () => {
                setChecked(null)
                const { path, file, job } = await call('workbook.check', {})
                const report = await follow(job, true)
                if (report) setChecked({ path, file, report })
              })
            }
          >
            {t('workbook.import')}
          </Button>
        </Group>
        {checked && (
          <Stack gap="xs">
            <Table withTableBorder aria-label={t('workbook.previewTitle')} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('workbook.notes.sheet')}</Table.Th>
                  <Table.Th ta="right">{t('workbook.rows')}</Table.Th>
                  <Table.Th ta="right">{t('workbook.toCreate')}</Table.Th>
                  <Table.Th ta="right">{t('workbook.toUpdate')}</Table.Th>
                  <Table.Th ta="right">{t('workbook.unchanged')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checked.report.sheets.map((s) => (
                  <Table.Tr key={s.sheet}>
                    <Table.Td>{s.sheet}</Table.Td>
                    <Table.Td ta="right">{s.rows}</Table.Td>
                    <Table.Td ta="right">{s.created ?? '—'}</Table.Td>
                    <Table.Td ta="right">{s.updated ?? '—'}</Table.Td>
                    <Table.Td ta="right">{s.unchanged ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {checked.report.problems.length > 0 && (
              <Table withTableBorder striped aria-label={t('workbook.problemsTitle')} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('workbook.notes.sheet')}</Table.Th>
                    <Table.Th>{t('workbook.row')}</Table.Th>
                    <Table.Th>{t('workbook.notes.column')}</Table.Th>
                    <Table.Th>{t('workbook.value')}</Table.Th>
                    <Table.Th>{t('workbook.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {checked.report.problems.map((p, index) => (
                    <Table.Tr key={index}>
                      <Table.Td>{p.sheet}</Table.Td>
                      <Table.Td>{p.row ?? ''}</Table.Td>
                      <Table.Td>{p.column ?? ''}</Table.Td>
                      <Table.Td>{p.value ?? ''}</Table.Td>
                      <Table.Td>
                        <Badge
                          size="xs"
                          variant="light"
                          color={p.blocking ? 'red' : 'yellow'}
                          mr={6}
                        >
                          {t(p.blocking ? 'workbook.blocking' : 'workbook.warning')}
                        </Badge>
                        {p.message}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {checked.report.omittedProblems > 0 && (
              <Text size="sm">
                {t('workbook.omitted', { count: checked.report.omittedProblems })}
              </Text>
            )}
            {blocking > 0 ? (
              <Text c="red" size="sm" role="alert">
                {t('workbook.fixFirst', { count: blocking })}
              </Text>
            ) : (
              <Group>
                <Button
                  loading={busy}
                  onClick={() =>
                    void run(async () => {
                      // The token the check answered: the page never names the workbook.
                      const report = await follow(
                        await call('workbook.import', { file: checked.file }),
                        false,
                      )
                      setChecked(null)
                      if (!report) return
                      if (!report.imported) {
                        // Refused after all (the file changed since the check): said as a check.
                        setChecked({ ...checked, report })
                        return
                      }
                      const done = report.sheets
                        .map((s) =>
                          t('workbook.done', {
                            sheet: s.sheet,
                            created: s.created ?? 0,
                            updated: s.updated ?? 0,
                          }),
                        )
                        .join(' ')
                      setStatus({ ok: true, text: done })
                      await refresh()
                    })
                  }
                >
                  {t('workbook.confirm')}
                </Button>
                <Button variant="default" onClick={() => setChecked(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Stack>
      <Modal
        opened={running !== null}
        onClose={() => undefined}
        withCloseButton={false}
        title={t(running?.check ? 'workbook.checking' : 'workbook.importing')}
        centered
      >
        {running && (
          <Stack gap="xs">
            <Progress
              value={Math.round(running.job.progress * 100)}
              aria-label={t(running.check ? 'workbook.checking' : 'workbook.importing')}
            />
            <Button
              variant="default"
              onClick={() => void call('workbook.cancel', { jobId: running.job.jobId })}
            >
              {t(running.check ? 'workbook.cancelCheck' : 'workbook.cancelImport')}
            </Button>
          </Stack>
        )}
      </Modal>
    </Paper>
  )
}
