import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { type ProjectDetail, projectExpenseInput } from '@shared/projects/schema'
import { FormError } from '../../components/FormError'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'

/** An expense the city justifies: when, to whom, how much, against which agreement's heading. */
export function ProjectExpenseForm({
  project,
  onSaved,
}: {
  project: ProjectDetail
  onSaved: (project: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const agreements = project.plan.lines.filter((l) => l.agreementId !== null)
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
    onSaved,
  })
  return (
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
              <ListSelect
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
              <ListSelect
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
  )
}
