import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { DUES_METHODS, type DuesPayment, paymentInput } from '@shared/dues/schema'
import type { Member } from '@shared/members/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract, decimalForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { ApiError } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { CurrencySelect } from '../../components/CurrencySelect'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import {
  SettlementChoice,
  settleForContract,
  showSettleRefusal,
  useSettlementChoice,
} from './SettlementChoice'
import { FormDateField } from '../../components/FormDateField'

interface Values {
  memberId: string
  kind: string
  receivedOn: string
  payer: string
  amount: string
  currency: string
  rate: string
  method: string
  bankReference: string
  note: string
}

/**
 * Records a payment of dues (settling the member's calls, oldest first or those chosen) or a
 * voluntary contribution; for one member, or for a member chosen in the list.
 */
export function PaymentForm({
  member,
  members,
  defaultCurrency = 'EUR',
  onSaved,
}: {
  member?: Member
  members?: Member[]
  /** The currency the member usually pays in: that of its oldest call still open. */
  defaultCurrency?: CurrencyCode
  onSaved: (payment: DuesPayment) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [formError, setFormError] = useState<string | null>(null)
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const defaults: Values = {
    memberId: member?.id ?? '',
    kind: 'dues',
    receivedOn: today(),
    payer: '',
    amount: '',
    currency: defaultCurrency,
    rate: '',
    method: 'transfer',
    bankReference: '',
    note: '',
  }
  const toInput = (values: Values) => {
    const amount = amountForContract(values.amount, values.currency, language)
    const errors: Record<string, string> = amount.ok
      ? {}
      : { amount: t(amount.key, { currency: values.currency }) }
    return {
      input: {
        ...values,
        amount: amount.ok ? amount.value : '1',
        rate: decimalForContract(values.rate),
      },
      errors,
    }
  }
  const form = useForm<Values>({
    defaultValues: defaults,
    resolver: schemaResolver<Values>(paymentInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const currency = useWatch({ control: form.control, name: 'currency' })
  const [memberId, kind] = useWatch({ control: form.control, name: ['memberId', 'kind'] })
  const [recorded, setRecorded] = useState(0)
  const choice = useSettlementChoice(memberId, recorded)
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    const allocation =
      values.kind === 'dues'
        ? settleForContract(choice, language, (key) => t(key))
        : { settle: null, errors: {} }
    choice.setErrors(allocation.errors)
    if (Object.keys(allocation.errors).length > 0) return
    try {
      const saved = await callConfirming('dues.addPayment', {
        ...toInput(values).input,
        bankAccountId,
        settle: allocation.settle,
      } as never)
      form.reset({ ...defaults, memberId: values.memberId })
      setRecorded((count) => count + 1)
      onSaved(saved)
    } catch (failure) {
      const fields = failure instanceof ApiError ? (failure.error.fields ?? []) : []
      const onCalls = showSettleRefusal(choice, allocation.settle, fields)
      const above = applyServerErrors(
        failure,
        Object.keys(defaults),
        form.setError,
        t('errors.INTERNAL'),
      )
      // A refusal that names only the calls chosen is shown on them, not again above the form.
      setFormError(onCalls && fields.every((f) => f.path.startsWith('settle')) ? null : above)
    }
  })
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('dues.payments.title')}>
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 2, lg: 4 }}>
          {!member && (
            <FormSelect
              control={form.control}
              name="memberId"
              label={t('dues.payments.member')}
              data={(members ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
              searchable
              required
            />
          )}
          <FormSelect
            control={form.control}
            name="kind"
            label={t('dues.payments.kind')}
            data={(['dues', 'voluntary'] as const).map((k) => ({
              value: k,
              label: t(`dues.payments.kind_${k}`),
            }))}
            required
          />
          <FormDateField
            label={t('dues.payments.receivedOn')}
            withAsterisk
            control={form.control}
            name="receivedOn"
          />
          <TextInput
            label={`${t('dues.payments.amount')} (${currency})`}
            withAsterisk
            inputMode="decimal"
            {...form.register('amount')}
            error={errors.amount?.message}
          />
          <CurrencySelect
            control={form.control}
            name="currency"
            label={t('dues.payments.currency')}
          />
          {currency !== 'EUR' && currency !== 'XOF' && currency !== 'XAF' && (
            <TextInput
              label={t('dues.payments.rate')}
              inputMode="decimal"
              {...form.register('rate')}
              error={errors.rate?.message}
            />
          )}
          <FormSelect
            control={form.control}
            name="method"
            label={t('dues.payments.method')}
            data={DUES_METHODS.map((m) => ({ value: m, label: t(`dues.payments.method_${m}`) }))}
            required
          />
          <TextInput label={t('dues.payments.payer')} {...form.register('payer')} />
          <TextInput
            label={t('dues.payments.bankReference')}
            {...form.register('bankReference')}
            error={errors.bankReference?.message}
          />
          <TextInput label={t('dues.payments.note')} {...form.register('note')} />
          <BankAccountSelect
            currency={currency}
            value={bankAccountId}
            onChange={setBankAccountId}
          />
        </SimpleGrid>
        {kind === 'dues' && memberId && <SettlementChoice choice={choice} />}
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('dues.payments.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
