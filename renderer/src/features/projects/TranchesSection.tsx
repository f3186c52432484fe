import { Button, Group, Modal, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Tranche, TRANCHE_PAYABLE_STATUSES } from '@shared/projects/schema'
import { today } from '@shared/validation/dates'
import { ActionButton } from '../../components/ActionButton'
import { TabRegister } from '../../components/list/TabRegister'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useProjectAction } from './use-project-action'
import { ProjectEntry } from './ProjectEntry'
import { useClosedReason } from './use-closed-reason'
import { TrancheCancelForm, TrancheForm } from './TrancheForms'
import { TranchePaymentForm } from './TranchePaymentForm'
import { useReversal } from '../../components/ReversalDialog'
import { tranchePaymentReversal } from './project-reversals'
import type { ProjectSectionProps } from './use-project-form'
import { trancheColumns } from './project-tab-columns'

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
  const columns = useMemo(
    () => trancheColumns(t, language, project.currency),
    [t, language, project.currency],
  )
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
        <TabRegister
          listId="projectTranches"
          label={t('projects.tranches.title')}
          rows={project.tranches}
          columns={columns}
          getRowId={(tranche) => tranche.id}
          searchPlaceholder={t('recordLists.search.tranches')}
          initialSort={{ id: 'number', desc: false }}
          parameters={[{ label: t('projects.field.code'), value: project.code }]}
          rowAttributes={(tranche) => ({ 'data-status': tranche.status })}
          rowActions={
            open
              ? (tranche) => (
                  // On two lines when a pending tranche has its four buttons, rather than
                  // each clipped to a few letters (the row is measured as drawn).
                  <Group gap={4} py={2}>
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
                )
              : undefined
          }
          actionsWidth={290}
        />
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
