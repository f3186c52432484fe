import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ProjectDetail, type Tranche, tranchePaymentInput } from '@shared/projects/schema'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { today } from '@shared/validation/dates'
import { FormError } from '../../components/FormError'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import { useProjectForm } from './use-project-form'
import { FormDateField } from '../../components/FormDateField'

/**
 * A tranche paid to the city through the ledger: shared among the committed AIMF lines pro rata,
 * or as the user chooses; an unmet condition asks why it is paid anyway.
 */
export function TranchePaymentForm({
  project,
  tranche,
  onSaved,
}: {
  project: ProjectDetail
  tranche: Tranche
  onSaved: (p: ProjectDetail) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const unmet = tranche.condition !== null && tranche.conditionMetOn === null
  // The committed AIMF lines that can still pay: the payment is shared among them pro rata, or as
  // the user chooses.
  const payable = project.plan.lines.filter(
    (line) => line.committedOn !== null && line.allocated - line.disbursed > 0,
  )
  const [chosen, setChosen] = useState(false)
  const [parts, setParts] = useState<Record<string, string>>({})
  const [bankAccountId, setBankAccountId] = useState<string | null>(null)
  const form = useProjectForm({
    defaults: {
      paidOn: today(),
      amount: formatAmount(money(tranche.amount, project.currency), language),
      bankReference: '',
      overrideReason: '',
      split: '',
    },
    schema: tranchePaymentInput,
    prepare: (values) => {
      const amount = amountForContract(values.amount, project.currency, language)
      const errors: Record<string, string> = amount.ok
        ? {}
        : { amount: t(amount.key, { currency: project.currency }) }
      const split = chosen
        ? payable.map((line) => {
            const part = amountForContract(parts[line.id] || '0', project.currency, language, true)
            if (!part.ok) errors.split = t(part.key, { currency: project.currency })
            return { lineId: line.id, amount: part.ok ? part.value : '0' }
          })
        : null
      return {
        input: {
          id: tranche.id,
          ...values,
          amount: amount.ok ? amount.value : '1',
          split,
          bankAccountId,
        },
        errors,
      }
    },
    send: (input) => callConfirming('projects.payTranche', input),
    onSaved,
  })
  return (
    <form onSubmit={(event) => void form.submit(event)} noValidate>
      <Stack gap="sm">
        <FormError message={form.formError} />
        {unmet && (
          <Text size="sm" c="orange.9">
            {tranche.condition}
          </Text>
        )}
        <FormDateField
          label={t('projects.tranches.paidOn')}
          withAsterisk
          control={form.control}
          name="paidOn"
        />
        <TextInput
          label={t('projects.tranches.paidAmount')}
          withAsterisk
          inputMode="decimal"
          {...form.register('amount')}
          error={form.errors.amount?.message}
        />
        <TextInput
          label={t('projects.tranches.bankReference')}
          {...form.register('bankReference')}
          error={form.errors.bankReference?.message}
        />
        <BankAccountSelect
          currency={project.currency}
          value={bankAccountId}
          onChange={setBankAccountId}
        />
        {payable.length > 1 && (
          <SegmentedControl
            value={chosen ? 'chosen' : 'prorata'}
            onChange={(value) => setChosen(value === 'chosen')}
            data={[
              { value: 'prorata', label: t('projects.tranches.prorata') },
              { value: 'chosen', label: t('projects.tranches.chosenSplit') },
            ]}
          />
        )}
        {chosen &&
          payable.map((line) => (
            <TextInput
              key={line.id}
              label={t('projects.tranches.splitLine', {
                source: line.agreementReference ?? t(`projects.plan.source_${line.source}`),
                currency: project.currency,
              })}
              description={t('projects.tranches.lineRemaining', {
                amount: formatAmount(
                  money(line.allocated - line.disbursed, line.currency),
                  language,
                ),
                currency: line.currency,
              })}
              inputMode="decimal"
              value={parts[line.id] ?? ''}
              onChange={(event) => {
                const text = event.currentTarget.value
                setParts((current) => ({ ...current, [line.id]: text }))
              }}
            />
          ))}
        {form.errors.split && (
          <Text size="sm" c="red">
            {form.errors.split.message}
          </Text>
        )}
        {unmet && (
          <TextInput
            label={t('projects.tranches.overrideReason')}
            {...form.register('overrideReason')}
            error={form.errors.overrideReason?.message}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('projects.tranches.pay')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
