import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { ClosingStatement } from '@shared/closing/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { applyServerErrors } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { FormDateField } from '../../components/FormDateField'

interface Values {
  closedOn: string
  rate: string
  note: string
}
const FIELDS = ['closedOn', 'rate', 'note']

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
  const [formError, setFormError] = useState<string | null>(null)
  const amount = (minor: number) => formatMoney(money(minor, statement.currency), language)
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: { closedOn: today(), rate: '', note: '' },
  })
  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      onClosed(
        await call('closing.close', {
          agreementId: statement.agreementId,
          closedOn: values.closedOn,
          rate: values.rate,
          note: values.note,
          confirmed: true,
        }),
      )
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL')))
    }
  })
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('closing.close')}>
      <Stack gap="sm">
        <FormError message={formError} />
        <Text size="sm">
          {t('closing.confirm', {
            finalDue: amount(statement.finalDue),
            refund: amount(statement.refund),
            stillToReceive: amount(statement.stillToReceive),
          })}
        </Text>
        <FormDateField
          label={t('closing.closedOnField')}
          withAsterisk
          control={control}
          name="closedOn"
        />
        {statement.currency !== 'EUR' && (
          <TextInput
            label={t('closing.rate')}
            description={t('closing.rateHint')}
            inputMode="decimal"
            {...register('rate')}
            error={formState.errors.rate?.message}
          />
        )}
        <TextInput
          label={t('closing.note')}
          {...register('note')}
          error={formState.errors.note?.message}
        />
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={formState.isSubmitting}>
            {t('closing.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
