import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ProjectDetail,
  type Tranche,
  TRANCHE_PAYABLE_STATUSES,
  trancheCancelInput,
  trancheInput,
  tranchePaymentInput,
} from '@shared/projects/schema'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { today } from '@shared/validation/dates'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'
import { useProjectAction } from './use-project-action'
import { useReversal } from '../../components/ReversalDialog'
import { tranchePaymentReversal } from './project-reversals'

type Saved = (project: ProjectDetail, message: string) => void

const STATUS_COLORS = { planned: 'gray', released: 'cyan', paid: 'green', cancelled: 'red' }

/** Tranches to the city: planned, released, paid through the ledger, or cancelled. */
export function TranchesSection({
  project,
  onSaved,
  onError,
}: {
  project: ProjectDetail
  onSaved: Saved
  onError: (message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [paying, setPaying] = useState<Tranche | null>(null)
  const [cancelling, setCancelling] = useState<Tranche | null>(null)
  const open = project.nextStatuses.length > 0
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
              <Table.Tr key={tranche.id}>
                <Table.Td>{tranche.number}</Table.Td>
                <Table.Td>
                  {formatDate(tranche.plannedOn, language)}{' '}
                  {tranche.late && (
                    <Badge size="xs" color="orange">
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
                    <Text size="xs" c="orange.9">
                      {tranche.overrideReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={STATUS_COLORS[tranche.status]}>
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
      {open && (
        <Paper withBorder p="md" mt="sm">
          <TrancheForm
            project={project}
            onSaved={(next) => onSaved(next, t('projects.tranches.added'))}
          />
        </Paper>
      )}
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying ? t('projects.tranches.payTitle', { number: paying.number }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {paying && (
          <PaymentForm
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
          <CancelForm
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

function TrancheForm({
  project,
  onSaved,
}: {
  project: ProjectDetail
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const form = useProjectForm({
    defaults: { plannedOn: '', amount: '', condition: '' },
    schema: trancheInput,
    prepare: (values) => {
      const amount = amountForContract(values.amount, project.currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency: project.currency }) }
      return {
        input: { projectId: project.id, ...values, amount: amount.ok ? amount.value : '1' },
        errors,
      }
    },
    send: (input) => call('projects.addTranche', input),
    onSaved,
  })
  return (
    <form
      onSubmit={(event) => void form.submit(event)}
      noValidate
      aria-label={t('projects.tranches.add')}
    >
      <Stack gap="sm">
        <FormError message={form.formError} />
        <SimpleGrid cols={{ base: 2, lg: 3 }}>
          <TextInput
            type="date"
            label={t('projects.tranches.plannedOn')}
            withAsterisk
            {...form.register('plannedOn')}
            error={form.errors.plannedOn?.message}
          />
          <TextInput
            label={t('projects.tranches.amount', { currency: project.currency })}
            withAsterisk
            inputMode="decimal"
            {...form.register('amount')}
            error={form.errors.amount?.message}
          />
          <TextInput
            label={t('projects.tranches.condition')}
            {...form.register('condition')}
            error={form.errors.condition?.message}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.tranches.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function PaymentForm({
  project,
  tranche,
  onSaved,
}: {
  project: ProjectDetail
  tranche: Tranche
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const unmet = tranche.condition !== null && tranche.conditionMetOn === null
  // The committed AIMF lines that can still pay: the payment is shared among them pro rata, or as
  // the user chooses.
  const payable = project.plan.lines.filter(
    (line) => line.committedOn !== null && line.allocated - line.disbursed > 0,
  )
  const [chosen, setChosen] = useState(false)
  const [parts, setParts] = useState<Record<string, string>>({})
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const form = useProjectForm({
    defaults: {
      paidOn: today(),
      amount: formatAmount(money(tranche.amount, project.currency), language),
      bankReference: '',
      overrideReason: '',
      split: '',
    },
    schema: tranchePaymentInput,
    prepare: (values) => {
      const amount = amountForContract(values.amount, project.currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency: project.currency }) }
      const split = chosen
        ? payable.map((line) => {
            const part = amountForContract(parts[line.id] || '0', project.currency, language, true)
            if (!part.ok) errors.split = t(part.key, { currency: project.currency })
            return { lineId: line.id, amount: part.ok ? part.value : '0' }
          })
        : null
      return {
        input: {
          id: tranche.id,
          ...values,
          amount: amount.ok ? amount.value : '1',
          split,
          bankAccountId,
        },
        errors,
      }
    },
    send: (input) => callConfirming('projects.payTranche', input),
    onSaved,
  })
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        {unmet && (
          <Text size="sm" c="orange.9">
            {tranche.condition}
          </Text>
        )}
        <TextInput
          type="date"
          label={t('projects.tranches.paidOn')}
          withAsterisk
          {...form.register('paidOn')}
          error={form.errors.paidOn?.message}
        />
        <TextInput
          label={t('projects.tranches.paidAmount')}
          withAsterisk
          inputMode="decimal"
          {...form.register('amount')}
          error={form.errors.amount?.message}
        />
        <TextInput
          label={t('projects.tranches.bankReference')}
          {...form.register('bankReference')}
          error={form.errors.bankReference?.message}
        />
        <BankAccountSelect
          currency={project.currency}
          value={bankAccountId}
          onChange={setBankAccountId}
        />
        {payable.length > 1 && (
          <SegmentedControl
            value={chosen ? 'chosen' : 'prorata'}
            onChange={(value) => setChosen(value === 'chosen')}
            data={[
              { value: 'prorata', label: t('projects.tranches.prorata') },
              { value: 'chosen', label: t('projects.tranches.chosenSplit') },
            ]}
          />
        )}
        {chosen &&
          payable.map((line) => (
            <TextInput
              key={line.id}
              label={t('projects.tranches.splitLine', {
                source: line.agreementReference ?? t(`projects.plan.source_${line.source}`),
                currency: project.currency,
              })}
              description={t('projects.tranches.lineRemaining', {
                amount: formatAmount(
                  money(line.allocated - line.disbursed, line.currency),
                  language,
                ),
                currency: line.currency,
              })}
              inputMode="decimal"
              value={parts[line.id] ?? ''}
              onChange={(event) => {
                const text = event.currentTarget.value
                setParts((current) => ({ ...current, [line.id]: text }))
              }}
            />
          ))}
        {form.errors.split && (
          <Text size="sm" c="red">
            {form.errors.split.message}
          </Text>
        )}
        {unmet && (
          <TextInput
            label={t('projects.tranches.overrideReason')}
            {...form.register('overrideReason')}
            error={form.errors.overrideReason?.message}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.tranches.pay')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function CancelForm({
  tranche,
  onSaved,
}: {
  tranche: Tranche
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const form = useProjectForm({
    defaults: { reason: '' },
    schema: trancheCancelInput,
    prepare: (values) => ({ input: { id: tranche.id, ...values }, errors: {} }),
    send: (input) => call('projects.cancelTranche', input),
    onSaved,
  })
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        <TextInput
          label={t('projects.tranches.cancelReason')}
          withAsterisk
          {...form.register('reason')}
          error={form.errors.reason?.message}
        />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={form.formState.isSubmitting}>
            {t('projects.tranches.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
