import {
  Alert,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { Controller, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import {
  FINANCING_SOURCES,
  type FinancingLine,
  financingLineInput,
  isAimfSource,
  type ProjectDetail,
} from '@shared/projects/schema'
import { today } from '@shared/validation/dates'
import { Amount } from '../../components/Amount'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'
import { useProjectAction } from './use-project-action'
import { useReversal } from '../../components/ReversalDialog'
import { commitmentReversal } from './project-reversals'

type Saved = (project: ProjectDetail, message: string) => void

/**
 * The financing plan: the lines, what each has allocated and paid, the plan against the cost,
 * and a line to add. Committing a line of AIMF money allocates it in the ledger.
 */
export function PlanSection({
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
  const [committedOn, setCommittedOn] = useState(today())
  const plan = project.plan
  const open = project.nextStatuses.length > 0
  const act = useProjectAction(onSaved, onError)
  const reversal = useReversal()
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
            onChange={(event) => setCommittedOn(event.currentTarget.value)}
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
              <Table.Tr key={line.id}>
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
                          onClick={() =>
                            void act(
                              () =>
                                callConfirming('projects.commitFinancingLine', {
                                  id: line.id,
                                  committedOn,
                                }),
                              t('projects.plan.committed'),
                            )
                          }
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
      {open && (
        <Paper withBorder p="md" mt="sm">
          <LineForm project={project} onSaved={(next) => onSaved(next, t('projects.plan.added'))} />
        </Paper>
      )}
    </section>
  )
}

function LineForm({
  project,
  onSaved,
}: {
  project: ProjectDetail
  onSaved: (project: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const agreements = project.eligibleAgreements
  const form = useProjectForm({
    defaults: {
      source: 'untied_fund',
      agreementId: '',
      headingCode: '',
      partnerName: '',
      amount: '',
      currency: project.currency as string,
      note: '',
    },
    schema: financingLineInput,
    prepare: (values) => {
      const agreement = agreements.find((a) => a.id === values.agreementId)
      const currency =
        values.source === 'untied_fund' ? 'EUR' : (agreement?.currency ?? values.currency)
      const amount = amountForContract(values.amount, currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency }) }
      return {
        input: {
          projectId: project.id,
          ...values,
          currency,
          agreementId: values.source === 'agreement' ? values.agreementId || null : null,
          headingCode: (values.source === 'agreement' && values.headingCode) || null,
          amount: amount.ok ? amount.value : '1',
        },
        errors,
      }
    },
    send: (input) => call('projects.addFinancingLine', input),
    onSaved,
  })
  const source = useWatch({ control: form.control, name: 'source' })
  const agreementId = useWatch({ control: form.control, name: 'agreementId' })
  const headings = agreements.find((a) => a.id === agreementId)?.headings ?? []
  const currency =
    source === 'untied_fund'
      ? 'EUR'
      : source === 'agreement'
        ? (agreements.find((a) => a.id === agreementId)?.currency ?? '')
        : ''
  return (
    <form
      onSubmit={(event) => void form.submit(event)}
      noValidate
      aria-label={t('projects.plan.add')}
    >
      <Stack gap="sm">
        <FormError message={form.formError} />
        {source === 'untied_fund' && (
          <Text size="sm" c="dimmed">
            {t('projects.plan.untiedAvailable', {
              amount: formatMoney(money(project.untiedAvailableEur, 'EUR'), language),
            })}
          </Text>
        )}
        {source === 'agreement' && agreements.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('projects.plan.noEligible')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <Controller
            control={form.control}
            name="source"
            render={({ field }) => (
              <Select
                label={t('projects.plan.source')}
                withAsterisk
                data={FINANCING_SOURCES.map((s) => ({
                  value: s,
                  label: t(`projects.plan.source_${s}`),
                }))}
                value={field.value}
                onChange={(value) => field.onChange(value ?? 'untied_fund')}
                allowDeselect={false}
              />
            )}
          />
          {source === 'agreement' && (
            <Controller
              control={form.control}
              name="agreementId"
              render={({ field, fieldState }) => (
                <Select
                  label={t('projects.plan.agreement')}
                  withAsterisk
                  data={agreements.map((a) => ({
                    value: a.id,
                    label: t('projects.plan.unallocated', {
                      reference: a.reference,
                      amount: formatMoney(money(a.unallocated, a.currency), language),
                    }),
                  }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  error={fieldState.error?.message}
                />
              )}
            />
          )}
          {source === 'agreement' && headings.length > 0 && (
            <Controller
              control={form.control}
              name="headingCode"
              render={({ field, fieldState }) => (
                <Select
                  label={t('projects.plan.heading')}
                  data={headings.map((h) => ({ value: h.code, label: `${h.code} — ${h.label}` }))}
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  error={fieldState.error?.message}
                  clearable
                />
              )}
            />
          )}
          {source === 'partner' && (
            <TextInput
              label={t('projects.plan.partnerName')}
              withAsterisk
              {...form.register('partnerName')}
              error={form.errors.partnerName?.message}
            />
          )}
          <TextInput
            label={`${t('projects.plan.amount')}${currency ? ` (${currency})` : ''}`}
            withAsterisk
            inputMode="decimal"
            {...form.register('amount')}
            error={form.errors.amount?.message}
          />
          {(source === 'city_cash' || source === 'city_in_kind' || source === 'partner') && (
            <Controller
              control={form.control}
              name="currency"
              render={({ field }) => (
                <Select
                  label={t('projects.plan.currency')}
                  data={[...CURRENCY_CODES]}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? project.currency)}
                  searchable
                  allowDeselect={false}
                />
              )}
            />
          )}
          <TextInput
            label={t('projects.plan.note')}
            {...form.register('note')}
            error={form.errors.note?.message}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.plan.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
