import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExchangeRate } from '@shared/funds/schema'
import type { RateSeries } from '@shared/funds/rate-series'
import { RateForm, firstRate, nextRate } from './RateForm'
import { RateImportPanel } from './RateImportPanel'
import { RatesList } from './RatesList'
import { EntryButton } from '../../components/page/EntryButton'
import { call, errorMessage } from '../../lib/api'
import { useChannel } from '../../lib/use-api-data'

/** The most recent rates shown: an imported ECB history alone holds tens of thousands. */
const SHOWN_RATES = 300

/** Paramètres → Taux de change: dated rates to the euro, with their source; CFA parities fixed. */
export function RatesSection() {
  const { t } = useTranslation()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [shown, setShown] = useState<RateSeries | ''>('')
  const list = useChannel('rates.list', {
    latest: SHOWN_RATES,
    ...(shown ? { series: shown } : {}),
  })
  const rates = list.data ?? []
  // The form opens again where the last rate saved left it: its value alone to type.
  const [next, setNext] = useState(firstRate)
  const added = (rate: ExchangeRate) => {
    setMessage({ ok: true, text: t('rates.added') })
    setNext(nextRate(rate))
    list.reload()
  }
  async function withdraw(id: string) {
    try {
      await call('rates.archive', { id })
      list.reload()
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
          <EntryButton label={t('rates.add')}>
            {(close) => (
              <RateForm
                defaults={next}
                onSaved={(rate) => {
                  added(rate)
                  close()
                }}
              />
            )}
          </EntryButton>
          <RateImportPanel onImported={list.reload} />
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
