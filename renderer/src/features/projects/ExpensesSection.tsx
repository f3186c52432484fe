import {
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
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type ProjectDetail, projectExpenseInput } from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { FormError } from '../../components/FormError'
import { call, errorMessage } from '../../lib/api'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'

/** What the city justifies having spent, against what it was paid. */
export function ExpensesSection({
  project,
  onSaved,
  onError,
}: {
  project: ProjectDetail
  onSaved: (project: ProjectDetail, message: string) => void
  onError: (message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
  const agreements = project.plan.lines.filter((l) => l.agreementId !== null)
  const remove = async (id: string) => {
    try {
      onSaved(await call('projects.removeExpense', { id }), t('projects.expenses.removed'))
    } catch (failure) {
      onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  const form = useProjectForm({
    defaults: {
      spentOn: '',
      supplier: '',
      description: '',
      amount: '',
      currency: project.currency as string,
      agreementId: '',
      headingCode: '',
      document: '',
    },
    schema: projectExpenseInput,
    prepare: (values) => {
      const amount = amountForContract(values.amount, values.currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency: values.currency }) }
      return {
        input: {
          projectId: project.id,
          ...values,
          agreementId: values.agreementId || null,
          amount: amount.ok ? amount.value : '1',
        },
        errors,
      }
    },
    send: (input) => callConfirming('projects.addExpense', input),
    onSaved: (next) => onSaved(next, t('projects.expenses.added')),
  })

  return (
    <section aria-labelledby="project-expenses">
      <Title order={2} size="h4" id="project-expenses" mb="xs">
        {t('projects.expenses.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('projects.expenses.totals', {
          paid: euros(project.justification.paidEur),
          justified: euros(project.justification.justifiedEur),
          toJustify: euros(project.justification.toJustifyEur),
        })}
      </Text>
      {project.expenses.length === 0 ? (
        <Text c="dimmed">{t('projects.expenses.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('projects.expenses.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.expenses.spentOn')}</Table.Th>
              <Table.Th>{t('projects.expenses.supplier')}</Table.Th>
              <Table.Th>{t('projects.expenses.description')}</Table.Th>
              <Table.Th ta="right">{t('projects.expenses.amount')}</Table.Th>
              <Table.Th ta="right">EUR</Table.Th>
              <Table.Th>{t('projects.expenses.heading')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.expenses.map((expense) => (
              <Table.Tr key={expense.id}>
                <Table.Td>{formatDate(expense.spentOn, language)}</Table.Td>
                <Table.Td>{expense.supplier}</Table.Td>
                <Table.Td>{expense.description}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={expense.amount} currency={expense.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={expense.eurAmount} currency="EUR" />
                </Table.Td>
                <Table.Td>{expense.headingCode}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void remove(expense.id)}
                  >
                    {t('projects.expenses.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {project.archivedAt === null && (
        <Paper withBorder p="md" mt="sm">
          <form
            onSubmit={(event) => void form.submit(event)}
            noValidate
            aria-label={t('projects.expenses.add')}
          >
            <Stack gap="sm">
              <FormError message={form.formError} />
              <SimpleGrid cols={{ base: 2, lg: 4 }}>
                <TextInput
                  type="date"
                  label={t('projects.expenses.spentOn')}
                  withAsterisk
                  {...form.register('spentOn')}
                  error={form.errors.spentOn?.message}
                />
                <TextInput label={t('projects.expenses.supplier')} {...form.register('supplier')} />
                <TextInput
                  label={t('projects.expenses.description')}
                  withAsterisk
                  {...form.register('description')}
                  error={form.errors.description?.message}
                />
                <TextInput
                  label={t('projects.expenses.amount')}
                  withAsterisk
                  inputMode="decimal"
                  {...form.register('amount')}
                  error={form.errors.amount?.message}
                />
                <Controller
                  control={form.control}
                  name="currency"
                  render={({ field }) => (
                    <Select
                      label={t('projects.expenses.currency')}
                      data={[...CURRENCY_CODES]}
                      value={field.value}
                      onChange={(value) => field.onChange(value ?? project.currency)}
                      searchable
                      allowDeselect={false}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="agreementId"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('projects.expenses.agreement')}
                      data={agreements.map((l) => ({
                        value: l.agreementId ?? '',
                        label: l.agreementReference ?? '',
                      }))}
                      value={field.value || null}
                      onChange={(value) => field.onChange(value ?? '')}
                      clearable
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <TextInput
                  label={t('projects.expenses.heading')}
                  {...form.register('headingCode')}
                  error={form.errors.headingCode?.message}
                />
                <TextInput label={t('projects.expenses.document')} {...form.register('document')} />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button type="submit" loading={form.formState.isSubmitting}>
                  {t('projects.expenses.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  )
}
