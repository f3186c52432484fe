import { SimpleGrid, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, receiptInput } from '@shared/funds/schema'
import { today } from '@shared/validation/dates'
import { InlineAddForm } from '../../components/RecordForm'
import { callConfirming } from '../../lib/confirm-call'
import { decimalForContract, preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import { FormDateField } from '../../components/FormDateField'

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
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const currency = agreement.currency
  const form = useRecordForm({
    defaults: { receivedOn: today(), amount: '', rate: '', bankReference: '', note: '' },
    schema: receiptInput,
    prepare: (values) => {
      const amount = preparedAmount('amount', values.amount, currency, language, t)
      return {
        input: {
          agreementId: agreement.id,
          receivedOn: values.receivedOn,
          amount: amount.value,
          rate: decimalForContract(values.rate),
          bankReference: values.bankReference,
          note: values.note,
          bankAccountId,
        },
        errors: amount.errors,
      }
    },
    // Over what remains due, or at an unlikely date, the core asks for a confirmation first.
    send: (input) => callConfirming('receipts.add', input),
    onSaved,
    resetOnSave: true,
  })
  const { field } = form

  return (
    <InlineAddForm form={form} label={t('agreements.addReceipt')}>
      <SimpleGrid cols={{ base: 2, lg: 5 }}>
        <FormDateField
          {...form.date('receivedOn', t('agreements.receipt.receivedOn'))}
          withAsterisk
        />
        <TextInput
          {...field('amount', t('agreements.receipt.amount', { currency }))}
          withAsterisk
          inputMode="decimal"
        />
        <TextInput
          {...field('rate', t('agreements.receipt.rate', { currency }))}
          description={currency === 'EUR' ? undefined : t('agreements.receipt.rateHint')}
          disabled={currency === 'EUR'}
          inputMode="decimal"
        />
        <TextInput {...field('bankReference', t('agreements.receipt.bankReference'))} />
        <TextInput {...field('note', t('agreements.receipt.note'))} />
        <BankAccountSelect currency={currency} value={bankAccountId} onChange={setBankAccountId} />
      </SimpleGrid>
    </InlineAddForm>
  )
}
