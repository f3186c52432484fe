import { SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  type ClosingStatement,
  CONTRIBUTION_KINDS,
  type ContributionKind,
  contributionInput,
} from '@shared/closing/schema'
import { today } from '@shared/validation/dates'
import { FormDateField } from '../../components/FormDateField'
import { InlineAddForm } from '../../components/RecordForm'
import { preparedAmount } from '../../lib/amount-input'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'

/**
 * Co-financing declared for the agreement's action, in its currency: cash (an eligible cost the
 * action bore, which raises the funder's share base) or in kind (kept out of the eligible costs).
 * The form checks each field as the core does; the core checks again and refuses a closed agreement.
 */
export function ContributionForm({
  statement,
  onSaved,
}: {
  statement: ClosingStatement
  onSaved: (next: ClosingStatement) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = statement.currency
  const form = useRecordForm({
    defaults: {
      kind: 'cash' as ContributionKind,
      contributedOn: today(),
      contributor: '',
      description: '',
      amount: '',
      note: '',
    },
    schema: contributionInput,
    prepare: (values) => {
      const amount = preparedAmount('amount', values.amount, currency, language, t)
      return {
        input: { agreementId: statement.agreementId, ...values, amount: amount.value },
        errors: amount.errors,
      }
    },
    send: (input) => call('closing.addContribution', input),
    onSaved,
  })
  return (
    <InlineAddForm form={form} label={t('closing.addContribution')}>
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="contribution-kind">
              {t('closing.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="contribution-kind"
              value={field.value}
              onChange={(value) => field.onChange(value as ContributionKind)}
              data={CONTRIBUTION_KINDS.map((kind) => ({
                value: kind,
                label: t(`closing.kinds.${kind}`),
              }))}
            />
            <Text size="xs" c="dimmed">
              {t(field.value === 'cash' ? 'closing.cashHint' : 'closing.inKindHint')}
            </Text>
          </Stack>
        )}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FormDateField {...form.date('contributedOn', t('closing.contributedOn'))} withAsterisk />
        <TextInput
          {...form.field('amount', t('closing.amountIn', { currency }))}
          withAsterisk
          inputMode="decimal"
        />
        <TextInput {...form.field('contributor', t('closing.contributor'))} withAsterisk />
        <TextInput {...form.field('description', t('closing.description'))} withAsterisk />
      </SimpleGrid>
      <TextInput {...form.field('note', t('closing.note'))} />
    </InlineAddForm>
  )
}
