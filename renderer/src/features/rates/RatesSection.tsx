import {
  Alert,
  Badge,
  Button,
  Paper,
  SimpleGrid,
  Stack,
  Table,
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
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatRate } from '@shared/money/format'
import { today } from '@shared/validation/dates'
import { call, errorMessage } from '../../lib/api'
import { decimalForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'

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
  const language = useLanguage()
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
  const submit = handleSubmit(async (values) => {
    try {
      await call('rates.add', toInput(values).input)
      setMessage({ ok: true, text: t('rates.added') })
      reset({ ...values, rate: '' })
      setVersion((v) => v + 1)
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
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('rates.add')}>
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
            <TextInput
              type="date"
              label={t('rates.rateDate')}
              {...register('rateDate')}
              error={errors.rateDate?.message}
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
        <div role="status" aria-live="polite">
          {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
        </div>
        <RateImportPanel onImported={() => setVersion((v) => v + 1)} />
        <ListSelect
          label={t('rates.showSeries')}
          data={[{ value: '', label: t('rates.allSeries') }, ...seriesChoices]}
          value={shown}
          onChange={(value) => setShown((value ?? '') as RateSeries | '')}
          allowDeselect={false}
          maw={320}
        />
        {rates.filter((rate) => !rate.fixed).length >= SHOWN_RATES && (
          <Text size="sm" c="dimmed">
            {t('rates.latestShown', { count: SHOWN_RATES })}
          </Text>
        )}
        <Table striped withTableBorder aria-label={t('rates.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rates.currency')}</Table.Th>
              <Table.Th>{t('rates.rateDate')}</Table.Th>
              <Table.Th ta="right">{t('rates.rate')}</Table.Th>
              <Table.Th>{t('rates.series')}</Table.Th>
              <Table.Th>{t('rates.source')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.map((rate) => (
              <Table.Tr key={rate.id} data-series={rate.series}>
                <Table.Td>{rate.currency}</Table.Td>
                <Table.Td>
                  {rate.fixed ? (
                    <Badge variant="light" miw="max-content">
                      {t('rates.fixed')}
                    </Badge>
                  ) : (
                    formatDate(rate.rateDate, language)
                  )}
                </Table.Td>
                <Table.Td ta="right">{formatRate(rate.rate, language)}</Table.Td>
                <Table.Td>{t(`rates.seriesNames.${rate.series}`)}</Table.Td>
                <Table.Td>{rate.source}</Table.Td>
                <Table.Td>
                  {!rate.fixed && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void withdraw(rate.id)}
                      aria-label={`${t('rates.withdraw')} ${rate.currency} ${rate.rateDate} ${rate.series}`}
                    >
                      {t('rates.withdraw')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
