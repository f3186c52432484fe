import { Alert, Button, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type FinancingLine, isAimfSource } from '@shared/projects/schema'
import { today } from '@shared/validation/dates'
import { Amount } from '../../components/Amount'
import { ApiError, call, errorMessage } from '../../lib/api'
import { revealField } from '../../lib/reveal-refusal'
import { callConfirming } from '../../lib/confirm-call'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { ProjectEntry } from './ProjectEntry'
import { useClosedReason } from './use-closed-reason'
import { PlanLineForm } from './PlanLineForm'
import { useProjectAction } from './use-project-action'
import { useReversal } from '../../components/ReversalDialog'
import { commitmentReversal } from './project-reversals'
import type { ProjectSectionProps } from './use-project-form'

/**
 * The financing plan: the lines, what each has allocated and paid, the plan against the cost,
 * and a line to add. Committing a line of AIMF money allocates it in the ledger.
 */
export function PlanSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [committedOn, setCommittedOn] = useState(today())
  // A refusal of the commitment's date is drawn on the date, which takes the focus in view.
  const [dateRefusal, setDateRefusal] = useState<string | null>(null)
  const dateField = useRef<HTMLInputElement>(null)
  const plan = project.plan
  const open = project.nextStatuses.length > 0
  const closed = useClosedReason(project)
  const act = useProjectAction(onSaved, onError)
  const reversal = useReversal()
  const commit = async (line: FinancingLine) => {
    setDateRefusal(null)
    try {
      const saved = await callConfirming('projects.commitFinancingLine', {
        id: line.id,
        committedOn,
      })
      onSaved(saved, t('projects.plan.committed'))
    } catch (failure) {
      const onDate = failure instanceof ApiError ? failure.error.fields : undefined
      const refusal = onDate?.find((field) => field.path === 'committedOn')
      if (!refusal) return onError(errorMessage(failure, t('errors.INTERNAL')))
      setDateRefusal(refusal.message)
      revealField(dateField.current)
    }
  }
  const show = (minor: number) => formatMoney(money(minor, plan.comparedIn), language)
  const lineSource = (line: FinancingLine) =>
    line.source === 'agreement'
      ? `${line.agreementReference ?? ''}${line.headingCode ? ` · ${t('projects.plan.heading')} ${line.headingCode}` : ''}`
      : line.source === 'partner'
        ? (line.partnerName ?? '')
        : t(`projects.plan.source_${line.source}`)

  return (
    <section aria-labelledby="project-plan">
      {reversal.dialog}
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="project-plan">
          {t('projects.plan.title')}
        </Title>
        {open && (
          <TextInput
            type="date"
            size="xs"
            label={t('projects.plan.committedOn')}
            value={committedOn}
            onChange={(event) => {
              setCommittedOn(event.currentTarget.value)
              setDateRefusal(null)
            }}
            ref={dateField}
            error={dateRefusal}
          />
        )}
      </Group>
      {plan.lines.length === 0 ? (
        <Text c="dimmed">{t('projects.plan.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('projects.plan.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.plan.source')}</Table.Th>
              <Table.Th ta="right">{t('projects.plan.amount')}</Table.Th>
              <Table.Th ta="right">{t('projects.plan.eur')}</Table.Th>
              <Table.Th>{t('projects.plan.committedOn')}</Table.Th>
              <Table.Th ta="right">{t('projects.plan.allocated')}</Table.Th>
              <Table.Th ta="right">{t('projects.plan.disbursed')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.lines.map((line) => (
              <Table.Tr key={line.id} data-record-id={line.id}>
                <Table.Td>
                  <Text size="sm">{lineSource(line)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`projects.plan.source_${line.source}`)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={line.amount} currency={line.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={line.eurAmount} currency="EUR" />
                </Table.Td>
                <Table.Td>{formatDate(line.committedOn, language)}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={line.allocated} currency={line.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={line.disbursed} currency={line.currency} />
                </Table.Td>
                <Table.Td>
                  {open && (
                    <Group gap={4} wrap="nowrap">
                      {isAimfSource(line.source) && !line.committedOn && (
                        <Button
                          size="compact-xs"
                          onClick={() => void commit(line)}
                          aria-label={`${t('projects.plan.commit')} ${lineSource(line)}`}
                        >
                          {t('projects.plan.commit')}
                        </Button>
                      )}
                      {line.committedOn && line.disbursed === 0 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() =>
                            reversal.ask(
                              commitmentReversal(
                                project,
                                line,
                                lineSource(line),
                                t,
                                language,
                                (p) => onSaved(p, t('projects.plan.uncommitted')),
                              ),
                            )
                          }
                        >
                          {t('projects.plan.uncommit')}
                        </Button>
                      )}
                      {!line.committedOn && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            void act(
                              () => call('projects.removeFinancingLine', { id: line.id }),
                              t('projects.plan.removed'),
                            )
                          }
                        >
                          {t('projects.plan.remove')}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Alert
        mt="sm"
        variant="light"
        color={plan.balanced ? 'green' : plan.difference < 0 ? 'red' : 'orange'}
        role="note"
      >
        {t('projects.plan.total', { total: show(plan.total), cost: show(plan.cost) })}{' '}
        {plan.balanced
          ? t('projects.plan.balanced')
          : plan.difference > 0
            ? t('projects.plan.missing', { amount: show(plan.difference) })
            : t('projects.plan.over', { amount: show(-plan.difference) })}
      </Alert>
      <ProjectEntry
        label={t('projects.plan.add')}
        unavailable={closed}
        form={PlanLineForm}
        project={project}
        added={t('projects.plan.added')}
        onSaved={onSaved}
      />
    </section>
  )
}
