import { Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type ClosingStatement, closeInput } from '@shared/closing/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { today } from '@shared/validation/dates'
import { FormDateField } from '../../components/FormDateField'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'

/**
 * The closing of an agreement: the figures it will establish are said in the form itself (the
 * final amount, the refund, the balance still to receive), so that sending it is the user's
 * confirmation; the core validates every field again.
 */
export function CloseAgreementForm({
  statement,
  onClosed,
}: {
  statement: ClosingStatement
  onClosed: (next: ClosingStatement) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const amount = (minor: number) => formatMoney(money(minor, statement.currency), language)
  const form = useRecordForm({
    defaults: { closedOn: today(), rate: '', note: '' },
    schema: closeInput,
    prepare: (values) => ({
      input: { agreementId: statement.agreementId, ...values, confirmed: true },
      errors: {},
    }),
    send: (input) => call('closing.close', input),
    onSaved: onClosed,
  })
  return (
    <InlineAddForm form={form} label={t('closing.close')} color="red">
      <Text size="sm">
        {t('closing.confirm', {
          finalDue: amount(statement.finalDue),
          refund: amount(statement.refund),
          stillToReceive: amount(statement.stillToReceive),
        })}
      </Text>
      <FormDateField {...form.date('closedOn', t('closing.closedOnField'))} withAsterisk />
      {statement.currency !== 'EUR' && (
        <TextInput
          {...form.field('rate', t('closing.rate'))}
          description={t('closing.rateHint')}
          inputMode="decimal"
        />
      )}
      <TextInput {...form.field('note', t('closing.note'))} />
    </InlineAddForm>
  )
}
