import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FUND_FIGURE_KEYS, type Agreement } from '@shared/funds/schema'
import { Amount } from '../../components/Amount'

/**
 * An agreement's position, in its currency and in euros, side by side: its spending (and what
 * is available) as its conversion rule counts it, named in the caption; under a rule other
 * than the bank's, the exchange difference against the bank on its own line.
 */
export function FiguresTable({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation()
  const { currency, figures, figuresEur, exchangeDifference } = agreement
  const byRule = agreement.conversionRule !== 'day_rate'
  const line = (key: string, label: string, minor: number, eur: number) => (
    <Table.Tr key={key} data-figure={key}>
      <Table.Th scope="row">{label}</Table.Th>
      {currency !== 'EUR' && (
        <Table.Td ta="right">
          <Amount minor={minor} currency={currency} />
        </Table.Td>
      )}
      <Table.Td ta="right">
        <Amount minor={eur} currency="EUR" />
      </Table.Td>
    </Table.Tr>
  )
  return (
    <Table withTableBorder striped aria-label={t('agreements.figures')} maw={640} captionSide="top">
      <Table.Caption ta="left" data-rule={agreement.conversionRule}>
        {t('conversion.figuresByRule', {
          rule: t(`conversion.rule.${agreement.conversionRule}`),
        })}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          {currency !== 'EUR' && (
            <Table.Th ta="right">{t('agreements.inCurrency', { currency })}</Table.Th>
          )}
          <Table.Th ta="right">{t('agreements.inEuro')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {FUND_FIGURE_KEYS.map((key) =>
          line(key, t(`agreements.figure.${key}`), figures[key], figuresEur[key]),
        )}
        {byRule &&
          line(
            'exchangeDifference',
            t('conversion.pageLine'),
            exchangeDifference.minor,
            exchangeDifference.eur,
          )}
      </Table.Tbody>
    </Table>
  )
}
