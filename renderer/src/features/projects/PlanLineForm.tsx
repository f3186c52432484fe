import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { Controller, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { FINANCING_SOURCES, financingLineInput, type ProjectDetail } from '@shared/projects/schema'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useProjectForm } from './use-project-form'

/** A line of the financing plan: where the money comes from, how much, in which currency. */
export function PlanLineForm({
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
                <ListSelect
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
