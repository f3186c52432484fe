import { SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type AgreementDetail, amendmentInput } from '@shared/funds/schema'
import { today } from '@shared/validation/dates'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'
import { FormDateField } from '../../components/FormDateField'

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
  const currency = agreement.currency
  const form = useRecordForm({
    defaults: { signedOn: today(), amountChange: '', newEndsOn: '', note: '' },
    schema: amendmentInput,
    prepare: (values) => {
      // No change of amount is a change of zero; a reduction is typed with a minus.
      const change =
        values.amountChange.trim() === ''
          ? { ok: true as const, value: '0' }
          : amountForContract(values.amountChange, currency, language, true)
      const errors: Record<string, string> = change.ok
        ? {}
        : { amountChange: t(change.key, { currency }) }
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
    },
    send: (input) => call('agreements.addAmendment', input),
    onSaved,
    resetOnSave: true,
  })
  const { field } = form
  return (
    <InlineAddForm form={form} label={t('agreements.addAmendment')} variant="light">
      <SimpleGrid cols={{ base: 2, lg: 4 }}>
        <FormDateField
          {...form.date('signedOn', t('agreements.amendment.signedOn'))}
          withAsterisk
        />
        <TextInput
          {...field('amountChange', t('agreements.amendment.amountChange', { currency }))}
          description={t('agreements.amendment.amountChangeHint')}
          inputMode="decimal"
        />
        <FormDateField {...form.date('newEndsOn', t('agreements.amendment.newEndsOn'))} />
        <TextInput {...field('note', t('agreements.amendment.note'))} />
      </SimpleGrid>
    </InlineAddForm>
  )
}
