import { SimpleGrid, Text, TextInput } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { Controller, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { FINANCING_SOURCES, financingLineInput } from '@shared/projects/schema'
import { CurrencySelect } from '../../components/CurrencySelect'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { fieldMessage } from '../../lib/form'
import { preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { type ProjectEntryProps, useProjectForm } from './use-project-form'
import { useAgreementChoices } from '../agreements/agreement-choices'

/** A line of the financing plan: where the money comes from, how much, in which currency. */
export function PlanLineForm({ project, onSaved }: ProjectEntryProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const agreements = project.eligibleAgreements
  const agreementChoices = useAgreementChoices(agreements, (a) =>
    t('projects.plan.unallocated', {
      reference: a.reference,
      amount: formatMoney(money(a.unallocated, a.currency), language),
    }),
  )
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
      const amount = preparedAmount('amount', values.amount, currency, language, t)
      return {
        input: {
          projectId: project.id,
          ...values,
          currency,
          agreementId: values.source === 'agreement' ? values.agreementId || null : null,
          headingCode: (values.source === 'agreement' && values.headingCode) || null,
          amount: amount.value,
        },
        errors: amount.errors,
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
    <InlineAddForm form={form} label={t('projects.plan.add')}>
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
            <ListSelect
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
              <ListSelect
                label={t('projects.plan.agreement')}
                withAsterisk
                data={agreementChoices}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldMessage(fieldState.error, t('projects.plan.agreement'), t, {
                  empty: !field.value,
                })}
              />
            )}
          />
        )}
        {source === 'agreement' && headings.length > 0 && (
          <Controller
            control={form.control}
            name="headingCode"
            render={({ field, fieldState }) => (
              <ListSelect
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
          <TextInput {...form.field('partnerName', t('projects.plan.partnerName'))} withAsterisk />
        )}
        <TextInput
          {...form.field(
            'amount',
            `${t('projects.plan.amount')}${currency ? ` (${currency})` : ''}`,
          )}
          withAsterisk
          inputMode="decimal"
        />
        {(source === 'city_cash' || source === 'city_in_kind' || source === 'partner') && (
          <CurrencySelect
            control={form.control}
            name="currency"
            label={t('projects.plan.currency')}
            fallback={project.currency}
          />
        )}
        <TextInput {...form.field('note', t('projects.plan.note'))} />
      </SimpleGrid>
    </InlineAddForm>
  )
}
