import { Alert, Button, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ProjectDetail, type ProjectStatus, transitionInput } from '@shared/projects/schema'
import { today } from '@shared/validation/dates'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { FormError } from '../../components/FormError'
import { callConfirming } from '../../lib/confirm-call'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'
import { FormDateField } from '../../components/FormDateField'

/** The moves the project may make next, each asking what it needs; and the moves made. */
export function LifecycleSection({
  project,
  onSaved,
}: {
  project: ProjectDetail
  onSaved: (project: ProjectDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [moving, setMoving] = useState<ProjectStatus | null>(null)
  return (
    <section aria-labelledby="project-lifecycle">
      <Title order={2} size="h4" id="project-lifecycle" mb="xs">
        {t('projects.lifecycle.title')}
      </Title>
      <Group mb="sm">
        {project.nextStatuses.map((status) => (
          <Button
            key={status}
            variant={status === 'abandoned' ? 'subtle' : 'light'}
            color={status === 'abandoned' ? 'red' : 'blue'}
            onClick={() => setMoving(status)}
          >
            {t('projects.lifecycle.moveTo', { status: t(`projects.status.${status}`) })}
          </Button>
        ))}
      </Group>
      <Table withTableBorder aria-label={t('projects.lifecycle.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('projects.lifecycle.onDate')}</Table.Th>
            <Table.Th>{t('projects.lifecycle.from')}</Table.Th>
            <Table.Th>{t('projects.lifecycle.to')}</Table.Th>
            <Table.Th>{t('projects.lifecycle.author')}</Table.Th>
            <Table.Th>{t('projects.lifecycle.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {project.transitions.map((move) => (
            <Table.Tr key={move.id} data-record-id={move.id}>
              <Table.Td>{formatDate(move.onDate, language)}</Table.Td>
              <Table.Td>{move.fromStatus ? t(`projects.status.${move.fromStatus}`) : ''}</Table.Td>
              <Table.Td>{t(`projects.status.${move.toStatus}`)}</Table.Td>
              <Table.Td>{move.author}</Table.Td>
              <Table.Td>{[move.note, move.overrideReason].filter(Boolean).join(' — ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={moving !== null}
        onClose={() => setMoving(null)}
        title={
          moving ? t('projects.lifecycle.moveTo', { status: t(`projects.status.${moving}`) }) : ''
        }
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {moving && (
          <TransitionForm
            project={project}
            to={moving}
            onSaved={(next) => {
              setMoving(null)
              onSaved(
                next,
                t('projects.lifecycle.moved', { status: t(`projects.status.${next.status}`) }),
              )
            }}
          />
        )}
      </Modal>
    </section>
  )
}

function TransitionForm({
  project,
  to,
  onSaved,
}: {
  project: ProjectDetail
  to: ProjectStatus
  onSaved: (project: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const dues = project.dues
  const form = useProjectForm({
    defaults: { onDate: today(), note: '', bureauMeeting: '', reason: '', overrideReason: '' },
    schema: transitionInput,
    prepare: (values) => ({ input: { projectId: project.id, to, ...values }, errors: {} }),
    send: (input) => callConfirming('projects.transition', input),
    onSaved,
  })
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack>
        <FormError message={form.formError} />
        {to === 'approved' && (
          <Alert color={dues.kind === 'in_arrears' ? 'orange' : 'gray'} variant="light">
            {dues.kind === 'no_data' && t('projects.duesNoData')}
            {dues.kind === 'up_to_date' && t('projects.duesUpToDate')}
            {dues.kind === 'in_arrears' &&
              t('projects.duesInArrears', {
                arrears: formatMoney(money(dues.arrearsEur, 'EUR'), language),
                tolerance: formatMoney(money(dues.toleranceEur, 'EUR'), language),
              })}
          </Alert>
        )}
        <FormDateField
          label={t('projects.lifecycle.onDate')}
          withAsterisk
          control={form.control}
          name="onDate"
        />
        {to === 'approved' && (
          <TextInput
            label={t('projects.lifecycle.bureauMeeting')}
            withAsterisk
            {...form.register('bureauMeeting')}
            error={form.errors.bureauMeeting?.message}
          />
        )}
        {to === 'approved' && dues.kind === 'in_arrears' && (
          <TextInput
            label={t('projects.lifecycle.overrideReason')}
            {...form.register('overrideReason')}
            error={form.errors.overrideReason?.message}
          />
        )}
        {to === 'abandoned' ? (
          <TextInput
            label={t('projects.lifecycle.reason')}
            withAsterisk
            {...form.register('reason')}
            error={form.errors.reason?.message}
          />
        ) : (
          <TextInput
            label={t('projects.lifecycle.note')}
            {...form.register('note')}
            error={form.errors.note?.message}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.lifecycle.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
