import { Checkbox, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetExpense } from '@shared/budget/schema'
import type { Agreement, AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatNumber } from '@shared/i18n/format-number'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { ListSelect } from '../../components/ListSelect'
import { useNotices } from '../../components/notices'
import { ApiError, call, errorMessage } from '../../lib/api'
import { useApiData } from '../../lib/use-api-data'
import { amountForContract } from '../../lib/amount-input'
import { callConfirming } from '../../lib/confirm-call'
import { useLanguage } from '../../lib/use-language'
import { useBudgetFundChoices } from '../agreements/agreement-choices'
import { SharesEditor, type SharesState, sharesInput, UNTIED_FUND } from './SharesEditor'

type Headings = AgreementDetail['budget']['headings']

/** The expense's shares as the editor shows them, typed back the user's way. */
function sharesOf(expense: BudgetExpense, language: ReturnType<typeof useLanguage>): SharesState {
  const byPercent = expense.shares.every((share) => share.percentBp !== null)
  return {
    mode: byPercent ? 'percent' : 'amount',
    rows: expense.shares.map((share) => ({
      fund: share.agreementId ?? UNTIED_FUND,
      headingCode: share.headingCode ?? '',
      value: byPercent
        ? formatNumber((share.percentBp ?? 0) / 100, language)
        : formatAmount(money(share.amount, expense.currency), language),
    })),
  }
}

/**
 * « Changer la répartition »: who pays a recorded expense — one fund and heading, or shares
 * across funds — changed as one correction the core checks as at creation. Its date, amount and
 * line stay; the reason is kept on the reversals of the old payment, and the core shows the split
 * before and after for « Confirmer » before anything is written.
 */
export function FundsChangeForm({
  expense,
  agreements,
  onSaved,
  onCancel,
}: {
  expense: BudgetExpense
  agreements: Agreement[]
  onSaved: (expenses: BudgetExpense[]) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const notify = useNotices((store) => store.notify)
  const fundChoices = useBudgetFundChoices(agreements)
  const [shared, setShared] = useState(expense.shares.length > 0)
  const [shares, setShares] = useState<SharesState>(() => sharesOf(expense, language))
  const [fund, setFund] = useState(expense.agreementId ?? UNTIED_FUND)
  const [headingCode, setHeadingCode] = useState(expense.headingCode ?? '')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const typedAmount = formatAmount(money(expense.amount, expense.currency), language)

  // The paying agreement's headings (the untied fund has none).
  const headings: Headings =
    useApiData(
      () =>
        fund === UNTIED_FUND
          ? Promise.resolve([])
          : call('agreements.get', { id: fund }).then((a) => a.budget.headings),
      [fund],
    ).data ?? []

  const submit = async () => {
    setErrors({})
    setFormError(null)
    if (reason.trim() === '') {
      setErrors({ reason: t('validation.required') })
      return
    }
    setSending(true)
    try {
      const toAmount = (text: string) => {
        const part = amountForContract(text, expense.currency, language)
        return part.ok ? part.value : text
      }
      const saved = await callConfirming('budget.changeExpenseFunds', {
        id: expense.id,
        reason,
        ...(shared
          ? { agreementId: null, headingCode: null, shares: sharesInput(shares, toAmount) }
          : {
              agreementId: fund === UNTIED_FUND ? null : fund,
              headingCode: headingCode || null,
              shares: null,
            }),
      })
      notify({
        text: t('costSharing.change.done', {
          date: formatDate(expense.spentOn, language),
          description: expense.description,
        }),
      })
      onSaved(saved)
    } catch (failure) {
      // Each refusal on the row or field it names; what names none above the form.
      const fields = failure instanceof ApiError ? (failure.error.fields ?? []) : []
      setErrors(Object.fromEntries(fields.map((f) => [f.path, f.message])))
      if (fields.length === 0) setFormError(errorMessage(failure, t('errors.INTERNAL')))
    } finally {
      setSending(false)
    }
  }

  return (
    <form
      noValidate
      aria-label={t('costSharing.change.title')}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <Stack gap="sm">
        <Text size="sm">
          {formatDate(expense.spentOn, language)} — {expense.description} — {typedAmount}{' '}
          {expense.currency}
        </Text>
        <Text size="sm" c="dimmed">
          {t('costSharing.change.hint')}
        </Text>
        <FormError message={formError} />
        <Checkbox
          label={t('costSharing.split')}
          checked={shared}
          onChange={(event) => setShared(event.currentTarget.checked)}
        />
        {shared ? (
          <SharesEditor
            agreements={agreements}
            state={shares}
            onChange={setShares}
            amount={typedAmount}
            currency={expense.currency}
            errors={errors}
          />
        ) : (
          <SimpleGrid cols={2}>
            <ListSelect
              label={t('budget.form.payingFund')}
              data={[{ value: UNTIED_FUND, label: t('budget.form.untiedFund') }, ...fundChoices]}
              value={fund}
              onChange={(value) => {
                if (!value) return
                setFund(value)
                setHeadingCode('')
              }}
              error={errors.agreementId}
              searchable
              allowDeselect={false}
            />
            {headings.length > 0 && (
              <ListSelect
                label={t('budget.form.heading')}
                data={headings.map((h) => ({ value: h.code, label: `${h.code} — ${h.label}` }))}
                value={headingCode || null}
                onChange={(value) => setHeadingCode(value ?? '')}
                error={errors.headingCode}
                required
              />
            )}
          </SimpleGrid>
        )}
        <TextInput
          label={t('costSharing.change.reason')}
          withAsterisk
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
        />
        <FormActions isNew={false} submitting={sending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
