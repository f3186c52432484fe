import { TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { DateField } from '../../components/DateField'
import { EntryGrid } from '../../components/page/EntryGrid'
import { amountForContract } from '../../lib/amount-input'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { fieldErrors } from './schedule-errors'

const EMPTY = { expectedOn: '', amount: '' }

/** The line above an agreement's instalments to add one (its date and amount), on demand. */
export function InstalmentEntry({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (next: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = agreement.currency
  const [draft, setDraft] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLDivElement>(errors)

  async function add(): Promise<boolean> {
    const amount = amountForContract(draft.amount, currency, language)
    if (!amount.ok) {
      setErrors({ amount: t(amount.key, { currency }) })
      return false
    }
    try {
      onSaved(
        await call('agreements.addInstalment', {
          agreementId: agreement.id,
          expectedOn: draft.expectedOn,
          amount: amount.value,
        }),
        t('common.saved'),
      )
      setErrors({})
      setDraft(EMPTY)
      return true
    } catch (failure) {
      setErrors(fieldErrors(failure))
      return false
    }
  }

  return (
    <EntryGrid
      label={t('instalments.add')}
      cols={{ base: 2, lg: 3 }}
      submitLabel={t('instalments.add')}
      onSubmit={add}
      onClear={() => {
        setDraft(EMPTY)
        setErrors({})
      }}
      gridRef={refusals}
    >
      <DateField
        label={t('instalments.expectedOn')}
        value={draft.expectedOn}
        onChange={(day) => setDraft({ ...draft, expectedOn: day })}
        error={errors.expectedOn}
      />
      <TextInput
        label={t('instalments.amount', { currency })}
        inputMode="decimal"
        value={draft.amount}
        onChange={(e) => setDraft({ ...draft, amount: e.currentTarget.value })}
        error={errors.amount}
      />
    </EntryGrid>
  )
}
