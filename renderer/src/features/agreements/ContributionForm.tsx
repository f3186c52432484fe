import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  type ClosingStatement,
  CONTRIBUTION_KINDS,
  type ContributionKind,
  contributionInput,
} from '@shared/closing/schema'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { amountForContract } from '../../lib/amount-input'
import { call } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { FormDateField } from '../../components/FormDateField'

interface Values {
  kind: ContributionKind
  contributedOn: string
  contributor: string
  description: string
  amount: string
  note: string
}
const FIELDS = ['kind', 'contributedOn', 'contributor', 'description', 'amount', 'note']

/**
 * Co-financing declared for the agreement's action, in its currency: cash (an eligible cost the
 * action bore, which raises the funder's share base) or in kind (kept out of the eligible costs).
 * The form checks each field as the core does; the core checks again and refuses a closed agreement.
 */
export function ContributionForm({
  statement,
  onSaved,
}: {
  statement: ClosingStatement
  onSaved: (next: ClosingStatement) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = statement.currency
  const [formError, setFormError] = useState<string | null>(null)
  const toInput = (values: Values) => {
    const errors: Record<string, string> = {}
    const amount = amountForContract(values.amount, currency, language)
    if (!amount.ok) errors.amount = t(amount.key, { currency })
    return {
      input: {
        agreementId: statement.agreementId,
        kind: values.kind,
        contributedOn: values.contributedOn,
        contributor: values.contributor,
        description: values.description,
        amount: amount.ok ? amount.value : '1',
        note: values.note,
      },
      errors,
    }
  }
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: {
      kind: 'cash',
      contributedOn: today(),
      contributor: '',
      description: '',
      amount: '',
      note: '',
    },
    resolver: schemaResolver<Values>(contributionInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors
  const save = handleSubmit(async (values) => {
    setFormError(null)
    try {
      onSaved(await call('closing.addContribution', toInput(values).input))
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL')))
    }
  })
  return (
    <form
      onSubmit={(event) => void save(event)}
      noValidate
      aria-label={t('closing.addContribution')}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="contribution-kind">
                {t('closing.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="contribution-kind"
                value={field.value}
                onChange={(value) => field.onChange(value as ContributionKind)}
                data={CONTRIBUTION_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`closing.kinds.${kind}`),
                }))}
              />
              <Text size="xs" c="dimmed">
                {t(field.value === 'cash' ? 'closing.cashHint' : 'closing.inKindHint')}
              </Text>
            </Stack>
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormDateField
            label={t('closing.contributedOn')}
            withAsterisk
            control={control}
            name="contributedOn"
          />
          <TextInput
            label={t('closing.amountIn', { currency })}
            withAsterisk
            inputMode="decimal"
            {...register('amount')}
            error={errors.amount?.message}
          />
          <TextInput
            label={t('closing.contributor')}
            withAsterisk
            {...register('contributor')}
            error={errors.contributor?.message}
          />
          <TextInput
            label={t('closing.description')}
            withAsterisk
            {...register('description')}
            error={errors.description?.message}
          />
        </SimpleGrid>
        <TextInput label={t('closing.note')} {...register('note')} error={errors.note?.message} />
        <Group justify="flex-end">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('closing.addContribution')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
