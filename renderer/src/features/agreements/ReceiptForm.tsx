import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, receiptInput } from '@shared/funds/schema'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract, decimalForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { BankAccountSelect } from '../accounting/BankAccountSelect'

interface Values {
  receivedOn: string
  amount: string
  rate: string
  bankReference: string
  note: string
}

const FIELDS = ['receivedOn', 'amount', 'rate', 'bankReference', 'note']

/** Records a receipt from the funder; over what remains due, it asks before recording. */
export function ReceiptForm({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (a: AgreementDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [formError, setFormError] = useState<string | null>(null)
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const currency = agreement.currency

  const toInput = (values: Values) => {
    const errors: Record<string, string> = {}
    const amount = amountForContract(values.amount, currency, language)
    if (!amount.ok) errors.amount = t(amount.key, { currency })
    return {
      input: {
        agreementId: agreement.id,
        receivedOn: values.receivedOn,
        amount: amount.ok ? amount.value : '1',
        rate: decimalForContract(values.rate),
        bankReference: values.bankReference,
        note: values.note,
      },
      errors,
    }
  }
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    defaultValues: { receivedOn: today(), amount: '', rate: '', bankReference: '', note: '' },
    resolver: schemaResolver<Values>(receiptInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors

  // Over what remains due, or at an unlikely date, the core asks for a confirmation first.
  const save = handleSubmit(async (values) => {
    setFormError(null)
    try {
      const saved = await callConfirming('receipts.add', {
        ...toInput(values).input,
        bankAccountId,
      })
      reset({ receivedOn: today(), amount: '', rate: '', bankReference: '', note: '' })
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL')))
    }
  })

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={t('agreements.addReceipt')}>
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 2, lg: 5 }}>
          <TextInput
            type="date"
            label={t('agreements.receipt.receivedOn')}
            withAsterisk
            {...register('receivedOn')}
            error={errors.receivedOn?.message}
          />
          <TextInput
            label={t('agreements.receipt.amount', { currency })}
            withAsterisk
            inputMode="decimal"
            {...register('amount')}
            error={errors.amount?.message}
          />
          <TextInput
            label={t('agreements.receipt.rate', { currency })}
            description={currency === 'EUR' ? undefined : t('agreements.receipt.rateHint')}
            disabled={currency === 'EUR'}
            inputMode="decimal"
            {...register('rate')}
            error={errors.rate?.message}
          />
          <TextInput
            label={t('agreements.receipt.bankReference')}
            {...register('bankReference')}
            error={errors.bankReference?.message}
          />
          <TextInput
            label={t('agreements.receipt.note')}
            {...register('note')}
            error={errors.note?.message}
          />
          <BankAccountSelect
            currency={currency}
            value={bankAccountId}
            onChange={setBankAccountId}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={formState.isSubmitting}>
            {t('agreements.addReceipt')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
