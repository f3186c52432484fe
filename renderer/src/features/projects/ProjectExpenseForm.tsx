import { SimpleGrid, TextInput } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { projectExpenseInput } from '@shared/projects/schema'
import { CurrencySelect } from '../../components/CurrencySelect'
import { InlineAddForm } from '../../components/RecordForm'
import { callConfirming } from '../../lib/confirm-call'
import { preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { type ProjectEntryProps, useProjectForm } from './use-project-form'
import { FormDateField } from '../../components/FormDateField'

/** An expense the city justifies: when, to whom, how much, against which agreement's heading. */
export function ProjectExpenseForm({ project, onSaved }: ProjectEntryProps) {
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
      const amount = preparedAmount('amount', values.amount, values.currency, language, t)
      return {
        input: {
          projectId: project.id,
          ...values,
          agreementId: values.agreementId || null,
          amount: amount.value,
        },
        errors: amount.errors,
      }
    },
    send: (input) => callConfirming('projects.addExpense', input),
    onSaved,
  })
  return (
    <InlineAddForm form={form} label={t('projects.expenses.add')}>
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <FormDateField {...form.date('spentOn', t('projects.expenses.spentOn'))} withAsterisk />
        <TextInput label={t('projects.expenses.supplier')} {...form.register('supplier')} />
        <TextInput
          {...form.field('description', t('projects.expenses.description'))}
          withAsterisk
        />
        <TextInput
          {...form.field('amount', t('projects.expenses.amount'))}
          withAsterisk
          inputMode="decimal"
        />
        <CurrencySelect
          control={form.control}
          name="currency"
          label={t('projects.expenses.currency')}
          fallback={project.currency}
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
        <TextInput {...form.field('headingCode', t('projects.expenses.heading'))} />
        <TextInput label={t('projects.expenses.document')} {...form.register('document')} />
      </SimpleGrid>
    </InlineAddForm>
  )
}
