import { Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { FUND_FIGURE_KEYS, type FundFigures } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { Amount } from '../../components/Amount'

/** An agreement's position, in its currency and in euros, side by side. */
export function FiguresTable({
  figures,
  figuresEur,
  currency,
}: {
  figures: FundFigures
  figuresEur: FundFigures
  currency: CurrencyCode
}) {
  const { t } = useTranslation()
  return (
    <Table withTableBorder striped aria-label={t('agreements.figures')} maw={640}>
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
        {FUND_FIGURE_KEYS.map((key) => (
          <Table.Tr key={key} data-figure={key}>
            <Table.Th scope="row">{t(`agreements.figure.${key}`)}</Table.Th>
            {currency !== 'EUR' && (
              <Table.Td ta="right">
                <Amount minor={figures[key]} currency={currency} />
              </Table.Td>
            )}
            <Table.Td ta="right">
              <Amount minor={figuresEur[key]} currency="EUR" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
