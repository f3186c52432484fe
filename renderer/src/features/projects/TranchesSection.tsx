import { Badge, Button, Group, Modal, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Tranche, TRANCHE_PAYABLE_STATUSES } from '@shared/projects/schema'
import { today } from '@shared/validation/dates'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { call } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { useProjectAction } from './use-project-action'
import { ProjectEntry } from './ProjectEntry'
import { useClosedReason } from './use-closed-reason'
import { TrancheCancelForm, TrancheForm } from './TrancheForms'
import { TranchePaymentForm } from './TranchePaymentForm'
import { useReversal } from '../../components/ReversalDialog'
import { tranchePaymentReversal } from './project-reversals'
import type { ProjectSectionProps } from './use-project-form'

const STATUS_COLORS = { planned: 'gray', released: 'cyan', paid: 'green', cancelled: 'red' }

/** Tranches to the city: planned, released, paid through the ledger, or cancelled. */
export function TranchesSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [paying, setPaying] = useState<Tranche | null>(null)
  const [cancelling, setCancelling] = useState<Tranche | null>(null)
  const open = project.nextStatuses.length > 0
  const closed = useClosedReason(project)
  const act = useProjectAction(onSaved, onError)
  const reversal = useReversal()
  const pending = (tranche: Tranche) =>
    tranche.status === 'planned' || tranche.status === 'released'

  return (
    <section aria-labelledby="project-tranches">
      {reversal.dialog}
      <Title order={2} size="h4" id="project-tranches" mb="xs">
        {t('projects.tranches.title')}
      </Title>
      {project.tranches.length === 0 ? (
        <Text c="dimmed">{t('projects.tranches.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('projects.tranches.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.tranches.number')}</Table.Th>
              <Table.Th>{t('projects.tranches.plannedOn')}</Table.Th>
              <Table.Th ta="right">
                {t('projects.tranches.amount', { currency: project.currency })}
              </Table.Th>
              <Table.Th>{t('projects.tranches.condition')}</Table.Th>
              <Table.Th>{t('projects.tranches.status')}</Table.Th>
              <Table.Th>{t('projects.tranches.paidOn')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.tranches.map((tranche) => (
              <Table.Tr key={tranche.id} data-record-id={tranche.id}>
                <Table.Td>{tranche.number}</Table.Td>
                <Table.Td>
                  {formatDate(tranche.plannedOn, language)}{' '}
                  {tranche.late && (
                    <Badge size="xs" color="red.9">
                      {t('projects.tranches.late')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount
                    minor={tranche.paidAmount ?? tranche.amount}
                    currency={project.currency}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{tranche.condition ?? ''}</Text>
                  {tranche.conditionMetOn && (
                    <Text size="xs" c="dimmed">
                      {t('projects.tranches.conditionMet')}{' '}
                      {formatDate(tranche.conditionMetOn, language)}
                    </Text>
                  )}
                  {tranche.overrideReason && (
                    <Text size="xs" c="red.9">
                      {tranche.overrideReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    variant="light"
                    color={STATUS_COLORS[tranche.status]}
                    miw="max-content"
                  >
                    {t(`projects.tranches.status_${tranche.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDate(tranche.paidOn, language)} {tranche.bankReference ?? ''}
                </Table.Td>
                <Table.Td>
                  {open && (
                    <Group gap={4} wrap="nowrap">
                      {pending(tranche) && tranche.condition && !tranche.conditionMetOn && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            void act(
                              () =>
                                call('projects.trancheConditionMet', {
                                  id: tranche.id,
                                  onDate: today(),
                                }),
                              t('projects.tranches.updated'),
                            )
                          }
                        >
                          {t('projects.tranches.markMet')}
                        </Button>
                      )}
                      {tranche.status === 'planned' && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          onClick={() =>
                            void act(
                              () =>
                                call('projects.releaseTranche', {
                                  id: tranche.id,
                                  onDate: today(),
                                }),
                              t('projects.tranches.updated'),
                            )
                          }
                        >
                          {t('projects.tranches.release')}
                        </Button>
                      )}
                      {pending(tranche) && (
                        <ActionButton
                          size="compact-xs"
                          onClick={() => setPaying(tranche)}
                          aria-label={t('projects.tranches.payTitle', { number: tranche.number })}
                          unavailable={
                            TRANCHE_PAYABLE_STATUSES.includes(project.status)
                              ? null
                              : t('errors.projectNotSigned', { code: project.code })
                          }
                        >
                          {t('projects.tranches.pay')}
                        </ActionButton>
                      )}
                      {pending(tranche) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setCancelling(tranche)}
                        >
                          {t('projects.tranches.cancel')}
                        </Button>
                      )}
                      {tranche.status === 'paid' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() =>
                            reversal.ask(
                              tranchePaymentReversal(project, tranche, t, language, (p) =>
                                onSaved(p, t('projects.tranches.paymentCancelled')),
                              ),
                            )
                          }
                        >
                          {t('projects.tranches.cancelPayment')}
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
      <ProjectEntry
        label={t('projects.tranches.add')}
        unavailable={closed}
        form={TrancheForm}
        project={project}
        added={t('projects.tranches.added')}
        onSaved={onSaved}
      />
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying ? t('projects.tranches.payTitle', { number: paying.number }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {paying && (
          <TranchePaymentForm
            project={project}
            tranche={paying}
            onSaved={(next) => {
              setPaying(null)
              onSaved(next, t('projects.tranches.paid'))
            }}
          />
        )}
      </Modal>
      <Modal
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={t('projects.tranches.cancel')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {cancelling && (
          <TrancheCancelForm
            tranche={cancelling}
            onSaved={(next) => {
              setCancelling(null)
              onSaved(next, t('projects.tranches.cancelled'))
            }}
          />
        )}
      </Modal>
    </section>
  )
}
