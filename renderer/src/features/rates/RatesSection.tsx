import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useEffect, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type ExchangeRate, rateInput } from '@shared/funds/schema'
import { RATE_SERIES, type RateSeries } from '@shared/funds/rate-series'
import { RateImportPanel } from './RateImportPanel'
import { RatesList } from './RatesList'
import { DateField } from '../../components/DateField'
import { EntryButton } from '../../components/page/EntryButton'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { today } from '@shared/validation/dates'
import { call, errorMessage } from '../../lib/api'
import { decimalForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'

interface Values {
  currency: string
  rateDate: string
  rate: string
  source: string
  series: RateSeries
}

const FIELDS = ['currency', 'rateDate', 'rate', 'source', 'series']

/** The most recent rates shown: an imported ECB history alone holds tens of thousands. */
const SHOWN_RATES = 300

/** Paramètres → Taux de change: dated rates to the euro, with their source; CFA parities fixed. */
export function RatesSection() {
  const { t } = useTranslation()
  const [rates, setRates] = useState<ExchangeRate[]>([])
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [shown, setShown] = useState<RateSeries | ''>('')
  useEffect(() => {
    let current = true
    void call('rates.list', {
      latest: SHOWN_RATES,
      ...(shown ? { series: shown } : {}),
    }).then((list) => current && setRates(list))
    return () => {
      current = false
    }
  }, [version, shown])
  const seriesChoices = RATE_SERIES.map((value) => ({
    value,
    label: t(`rates.seriesNames.${value}`),
  }))

  const toInput = (values: Values) => ({
    input: { ...values, rate: decimalForContract(values.rate) },
    errors: {},
  })
  const { register, control, handleSubmit, setError, reset, formState } = useForm<Values>({
    defaultValues: {
      currency: 'USD',
      rateDate: today(),
      rate: '',
      source: 'Banque',
      series: 'bank',
    },
    resolver: schemaResolver<Values>(rateInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors
  // The dialog closes on a rate saved; the message stays on the page.
  const submit = (close: () => void) =>
    handleSubmit(async (values) => {
      try {
        await call('rates.add', toInput(values).input)
        setMessage({ ok: true, text: t('rates.added') })
        reset({ ...values, rate: '' })
        setVersion((v) => v + 1)
        close()
      } catch (failure) {
        const text = applyServerErrors(failure, FIELDS, setError, t('errors.INTERNAL'))
        if (text) setMessage({ ok: false, text })
      }
    })
  async function withdraw(id: string) {
    try {
      await call('rates.archive', { id })
      setVersion((v) => v + 1)
    } catch (failure) {
      setMessage({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-rates">
      <Stack>
        <Title order={2} size="h4" id="settings-rates">
          {t('rates.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('rates.hint')}
        </Text>
        <div role="status" aria-live="polite">
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        </div>
        <Group align="flex-start" gap="xl">
          <EntryButton label={t('rates.add')} size="md">
            {(close) => (
              <form
                onSubmit={(event) => void submit(close)(event)}
                noValidate
                aria-label={t('rates.add')}
              >
                <SimpleGrid cols={{ base: 2, sm: 3 }}>
                  <Controller
                    control={control}
                    name="currency"
                    render={({ field, fieldState }) => (
                      <ListSelect
                        label={t('rates.currency')}
                        data={CURRENCY_CODES.filter((c) => c !== 'EUR').map((c) => ({
                          value: c,
                          label: c,
                        }))}
                        searchable
                        value={field.value || null}
                        onChange={(value) => field.onChange(value ?? '')}
                        error={fieldState.error?.message}
                        allowDeselect={false}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="rateDate"
                    render={({ field, fieldState }) => (
                      <DateField
                        label={t('rates.rateDate')}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                  <TextInput
                    label={t('rates.rate')}
                    inputMode="decimal"
                    {...register('rate')}
                    error={errors.rate?.message}
                  />
                  <TextInput
                    label={t('rates.source')}
                    {...register('source')}
                    error={errors.source?.message}
                  />
                  <Controller
                    control={control}
                    name="series"
                    render={({ field, fieldState }) => (
                      <ListSelect
                        label={t('rates.series')}
                        data={seriesChoices}
                        value={field.value}
                        onChange={(value) => field.onChange(value ?? 'bank')}
                        error={fieldState.error?.message}
                        allowDeselect={false}
                      />
                    )}
                  />
                  <Button type="submit" mt={24} loading={formState.isSubmitting}>
                    {t('rates.add')}
                  </Button>
                </SimpleGrid>
              </form>
            )}
          </EntryButton>
          <RateImportPanel onImported={() => setVersion((v) => v + 1)} />
        </Group>
        {rates.filter((rate) => !rate.fixed).length >= SHOWN_RATES && (
          <Text size="sm" c="dimmed">
            {t('rates.latestShown', { count: SHOWN_RATES })}
          </Text>
        )}
        <RatesList
          rates={rates}
          series={shown}
          onSeries={setShown}
          onWithdraw={(rate) => void withdraw(rate.id)}
        />
      </Stack>
    </Paper>
  )
}
