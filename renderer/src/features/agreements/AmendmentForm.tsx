import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, amendmentInput } from '@shared/funds/schema'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'

interface Values {
  signedOn: string
  amountChange: string
  newEndsOn: string
  note: string
}

const FIELDS = ['signedOn', 'amountChange', 'newEndsOn', 'note']

/** An amendment (avenant): a change of amount, of end date, or both. */
export function AmendmentForm({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (a: AgreementDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [formError, setFormError] = useState<string | null>(null)
  const currency = agreement.currency
  const toInput = (values: Values) => {
    const errors: Record<string, string> = {}
    const change =
      values.amountChange.trim() === ''
        ? { ok: true as const, value: '0' }
        : amountForContract(values.amountChange, currency, language, true)
    if (!change.ok) errors.amountChange = t(change.key, { currency })
    return {
      input: {
        agreementId: agreement.id,
        signedOn: values.signedOn,
        amountChange: change.ok ? change.value : '0',
        newEndsOn: values.newEndsOn,
        note: values.note,
      },
      errors,
    }
  }
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    defaultValues: { signedOn: today(), amountChange: '', newEndsOn: '', note: '' },
    resolver: schemaResolver<Values>(amendmentInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors
  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      const saved = await call('agreements.addAmendment', toInput(values).input)
      reset()
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL')))
    }
  })
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('agreements.addAmendment')}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          <TextInput
            type="date"
            label={t('agreements.amendment.signedOn')}
            withAsterisk
            {...register('signedOn')}
            error={errors.signedOn?.message}
          />
          <TextInput
            label={t('agreements.amendment.amountChange', { currency })}
            description={t('agreements.amendment.amountChangeHint')}
            inputMode="decimal"
            {...register('amountChange')}
            error={errors.amountChange?.message}
          />
          <TextInput
            type="date"
            label={t('agreements.amendment.newEndsOn')}
            {...register('newEndsOn')}
            error={errors.newEndsOn?.message}
          />
          <TextInput
            label={t('agreements.amendment.note')}
            {...register('note')}
            error={errors.note?.message}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={formState.isSubmitting}>
            {t('agreements.addAmendment')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
