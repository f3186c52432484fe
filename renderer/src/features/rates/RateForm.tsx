import { SimpleGrid, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type ExchangeRate, rateInput } from '@shared/funds/schema'
import { RATE_SERIES, type RateSeries } from '@shared/funds/rate-series'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { today } from '@shared/validation/dates'
import { FormDateField } from '../../components/FormDateField'
import { FormSelect } from '../../components/FormSelect'
import { InlineAddForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { decimalForContract } from '../../lib/amount-input'
import { useRecordForm } from '../../lib/use-record-form'

export interface RateValues {
  currency: string
  rateDate: string
  rate: string
  source: string
  series: RateSeries
}

/** A first rate's defaults: a dollar rate of the day, from the bank. */
export const firstRate = (): RateValues => ({
  currency: 'USD',
  rateDate: today(),
  rate: '',
  source: 'Banque',
  series: 'bank',
})

/** The next rate starts from the last one saved, its value alone left to type. */
export const nextRate = (saved: ExchangeRate): RateValues => ({
  currency: saved.currency,
  rateDate: saved.rateDate,
  rate: '',
  source: saved.source,
  series: saved.series,
})

/** A dated rate to the euro, typed by hand (the rate of the bank of the day, most often). */
export function RateForm({
  defaults,
  onSaved,
}: {
  defaults: RateValues
  onSaved: (rate: ExchangeRate) => void
}) {
  const { t } = useTranslation()
  const form = useRecordForm({
    defaults,
    schema: rateInput,
    prepare: (values) => ({
      input: { ...values, rate: decimalForContract(values.rate) },
      errors: {},
    }),
    send: (input) => call('rates.add', input),
    onSaved,
  })
  return (
    <InlineAddForm form={form} label={t('rates.add')}>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <FormSelect
          {...form.select('currency', t('rates.currency'))}
          data={CURRENCY_CODES.filter((c) => c !== 'EUR').map((c) => ({ value: c, label: c }))}
          searchable
        />
        <FormDateField {...form.date('rateDate', t('rates.rateDate'))} />
        <TextInput {...form.field('rate', t('rates.rate'))} inputMode="decimal" />
        <TextInput {...form.field('source', t('rates.source'))} />
        <FormSelect
          {...form.select('series', t('rates.series'))}
          data={RATE_SERIES.map((value) => ({ value, label: t(`rates.seriesNames.${value}`) }))}
        />
      </SimpleGrid>
    </InlineAddForm>
  )
}
