import { Checkbox, SimpleGrid, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type BudgetExpense, type BudgetView, budgetExpenseInput } from '@shared/budget/schema'
import type { Agreement, AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { parseAmount } from '@shared/money/parse'
import { today } from '@shared/validation/dates'
import { useNotices } from '../../components/notices'
import { RecordForm } from '../../components/RecordForm'
import { FormSelect } from '../../components/FormSelect'
import { call } from '../../lib/api'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract, preparedAmount } from '../../lib/amount-input'
import { useRecordForm } from '../../lib/use-record-form'
import { useLanguage } from '../../lib/use-language'
import { CurrencySelect } from '../../components/CurrencySelect'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import { ApiError } from '../../lib/api'
import { EMPTY_SHARES, SharesEditor, type SharesState, sharesInput } from './SharesEditor'
import { useBudgetFundChoices } from '../agreements/agreement-choices'
import { FormDateField } from '../../components/FormDateField'

interface Values {
  lineKey: string
  spentOn: string
  agreementId: string
  headingCode: string
  supplier: string
  description: string
  amount: string
  currency: string
}

const UNTIED = 'untied'

/** Records an expense against a line of the year's budget, paid by the untied fund or an agreement. */
export function ExpenseForm({
  view,
  agreements,
  onSaved,
  onCancel,
}: {
  view: BudgetView
  agreements: Agreement[]
  onSaved: (expenses: BudgetExpense[]) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const agreementChoices = useBudgetFundChoices(agreements)
  const language = useLanguage()
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const [headings, setHeadings] = useState<AgreementDetail['budget']['headings']>([])
  const [shared, setShared] = useState(false)
  const [shares, setShares] = useState<SharesState>(EMPTY_SHARES)
  const [shareErrors, setShareErrors] = useState<Record<string, string>>({})
  const thisYear = String(view.version.year)
  const defaults: Values = {
    lineKey: '',
    spentOn: today().startsWith(thisYear) ? today() : `${thisYear}-01-01`,
    agreementId: UNTIED,
    headingCode: '',
    supplier: '',
    description: '',
    amount: '',
    currency: 'EUR',
  }
  const lines = view.items.filter(
    (i) =>
      i.kind === 'line' &&
      i.direction === 'expense' &&
      (i.tracks === null || i.tracks === 'expenses'),
  )
  const toInput = (values: Values) => {
    const amount = preparedAmount('amount', values.amount, values.currency, language, t)
    return {
      input: {
        ...values,
        agreementId: values.agreementId === UNTIED ? null : values.agreementId,
        headingCode: values.headingCode || null,
        supplier: values.supplier || null,
        amount: amount.value,
        document: null,
        ...(shared
          ? {
              agreementId: null,
              headingCode: null,
              shares: sharesInput(shares, (text) => {
                const part = amountForContract(text, values.currency, language)
                return part.ok ? part.value : text
              }),
            }
          : {}),
      },
      errors: amount.errors,
    }
  }
  const notify = useNotices((store) => store.notify)
  /** Said once the dialog has closed, wherever the list scrolled: what was recorded, where. */
  const recorded = (values: Values) => {
    const line = lines.find((l) => l.lineKey === values.lineKey)
    const typed = amountForContract(values.amount, values.currency, language)
    const amount = typed.ok ? parseAmount(typed.value, values.currency as CurrencyCode, 'en') : null
    notify({
      text: t('budget.expenseRecorded', {
        amount: amount?.ok ? formatMoney(amount.value, language) : values.amount,
        line: line?.label ?? values.lineKey,
        date: formatDate(values.spentOn, language),
      }),
    })
  }
  const form = useRecordForm({
    defaults,
    schema: budgetExpenseInput,
    prepare: toInput,
    send: (input) => {
      setShareErrors({})
      return callConfirming('budget.addExpense', { ...(input as object), bankAccountId } as never)
    },
    onSaved: (saved: BudgetExpense[]) => {
      recorded(form.getValues())
      onSaved(saved)
    },
    // A share's refusal is shown on its row; the rest on the form's fields.
    onRefused: (failure, above) => {
      const fields = failure instanceof ApiError ? (failure.error.fields ?? []) : []
      const onShares = fields.filter((f) => f.path.startsWith('shares'))
      setShareErrors(Object.fromEntries(onShares.map((f) => [f.path, f.message])))
      const allShown =
        onShares.length > 0 &&
        fields.every((f) => f.path.startsWith('shares') || f.path in defaults)
      return allShown ? null : above
    },
  })
  const currency = useWatch({ control: form.control, name: 'currency' })
  const typedAmount = useWatch({ control: form.control, name: 'amount' })
  return (
    <RecordForm form={form} label={t('budget.form.expenseTitle')} isNew onCancel={onCancel}>
      <FormSelect
        control={form.control}
        name="lineKey"
        label={t('budget.form.lineKey')}
        data={lines.map((l) => ({ value: l.lineKey, label: `${l.code} — ${l.label}` }))}
        searchable
        required
      />
      <SimpleGrid cols={2}>
        <FormDateField
          label={t('budget.form.spentOn')}
          withAsterisk
          control={form.control}
          name="spentOn"
        />
        {shared ? (
          <div />
        ) : (
          <FormSelect
            control={form.control}
            name="agreementId"
            label={t('budget.form.payingFund')}
            data={[{ value: UNTIED, label: t('budget.form.untiedFund') }, ...agreementChoices]}
            searchable
            onPick={(value) => {
              form.setValue('headingCode', '')
              if (value === UNTIED) setHeadings([])
              else
                void call('agreements.get', { id: value }).then((a) =>
                  setHeadings(a.budget.headings),
                )
            }}
          />
        )}
      </SimpleGrid>
      {!shared && headings.length > 0 && (
        <FormSelect
          control={form.control}
          name="headingCode"
          label={t('budget.form.heading')}
          data={headings.map((h) => ({ value: h.code, label: `${h.code} — ${h.label}` }))}
          required
        />
      )}
      <TextInput withAsterisk {...form.field('description', t('budget.form.description'))} />
      <TextInput {...form.field('supplier', t('budget.form.supplier'))} />
      <SimpleGrid cols={2}>
        <TextInput
          withAsterisk
          inputMode="decimal"
          {...form.field('amount', `${t('budget.form.amount')} (${currency})`)}
        />
        <CurrencySelect control={form.control} name="currency" label={t('budget.form.currency')} />
        <BankAccountSelect currency={currency} value={bankAccountId} onChange={setBankAccountId} />
      </SimpleGrid>
      <Checkbox
        label={t('costSharing.split')}
        checked={shared}
        onChange={(event) => setShared(event.currentTarget.checked)}
      />
      {shared && (
        <SharesEditor
          agreements={agreements}
          state={shares}
          onChange={setShares}
          amount={typedAmount}
          currency={currency}
          errors={shareErrors}
        />
      )}
    </RecordForm>
  )
}
