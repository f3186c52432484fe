import { Badge, Button } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExchangeRate } from '@shared/funds/schema'
import { RATE_SERIES, type RateSeries } from '@shared/funds/rate-series'
import { formatDate } from '@shared/i18n/format-dates'
import { formatRate } from '@shared/money/format'
import { type ListColumn } from '../../components/list/list-columns'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useLanguage } from '../../lib/use-language'
import { textColumn } from '../../components/list/column-factory'

/**
 * The rates of the file as a register: searched, sorted, exported and printed like the others;
 * the series shown is a filter the core applies (an ECB history alone holds tens of thousands).
 */
export function RatesList({
  rates,
  series,
  onSeries,
  onWithdraw,
}: {
  rates: ExchangeRate[]
  series: RateSeries | ''
  onSeries: (series: RateSeries | '') => void
  onWithdraw: (rate: ExchangeRate) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [view, setView] = useListView('rates')
  const columns = useMemo(
    (): ListColumn<ExchangeRate>[] => [
      textColumn('currency', t('rates.currency'), (rate) => rate.currency, { width: 110 }),
      {
        id: 'rateDate',
        kind: 'date',
        header: t('rates.rateDate'),
        // A fixed parity has no day: it is said, not dated.
        value: (rate) => (rate.fixed ? null : rate.rateDate),
        cell: (rate) =>
          rate.fixed ? (
            <Badge variant="light" miw="max-content">
              {t('rates.fixed')}
            </Badge>
          ) : (
            formatDate(rate.rateDate, language)
          ),
        width: 130,
      },
      {
        id: 'rate',
        kind: 'number',
        header: t('rates.rate'),
        value: (rate) => Number(rate.rate),
        cell: (rate) => formatRate(rate.rate, language),
        width: 150,
      },
      textColumn('series', t('rates.series'), (rate) => t(`rates.seriesNames.${rate.series}`), {
        width: 200,
      }),
      textColumn('source', t('rates.source'), (rate) => rate.source, {
        width: 220,
        groupable: false,
      }),
    ],
    [t, language],
  )
  return (
    <RegisterList
      listId="rates"
      label={t('rates.title')}
      rows={rates}
      columns={columns}
      getRowId={(rate) => rate.id}
      view={view}
      onView={setView}
      searchPlaceholder={t('rates.searchPlaceholder')}
      initialSort={{ id: 'rateDate', desc: true }}
      rowAttributes={(rate) => ({ 'data-series': rate.series })}
      height="calc(100vh - 330px)"
      actionsWidth={110}
      parameters={
        series ? [{ label: t('rates.showSeries'), value: t(`rates.seriesNames.${series}`) }] : []
      }
      filters={
        <ListSelect
          label={t('rates.showSeries')}
          data={[
            { value: '', label: t('rates.allSeries') },
            ...RATE_SERIES.map((value) => ({ value, label: t(`rates.seriesNames.${value}`) })),
          ]}
          value={series}
          onChange={(value) => onSeries((value ?? '') as RateSeries | '')}
          allowDeselect={false}
          w={220}
        />
      }
      rowActions={(rate) =>
        rate.fixed ? null : (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => onWithdraw(rate)}
            aria-label={`${t('rates.withdraw')} ${rate.currency} ${rate.rateDate} ${rate.series}`}
          >
            {t('rates.withdraw')}
          </Button>
        )
      }
    />
  )
}
