import { Anchor, Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Agreement, FundFigures } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import { useAppStore } from '../../app/app-store'
import { useLanguage } from '../../lib/use-language'

const MONEY = ['committed', 'received', 'expected'] as const

/** A funder's agreements, each a link to its page, in euros, with their totals. */
export function FunderAgreements({
  agreements,
  totalsEur,
}: {
  agreements: readonly Agreement[]
  totalsEur: FundFigures
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const openAgreement = useAppStore((s) => s.openAgreement)
  if (agreements.length === 0) return <Text c="dimmed">{t('recordPage.noAgreements')}</Text>
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped aria-label={t('recordPage.funderAgreements')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('agreements.field.reference')}</Table.Th>
            <Table.Th>{t('agreements.field.title')}</Table.Th>
            <Table.Th>{t('agreements.field.endsOn')}</Table.Th>
            {MONEY.map((key) => (
              <Table.Th key={key} ta="right">
                {t(`agreements.figure.${key}`)} (EUR)
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agreements.map((agreement) => (
            <Table.Tr key={agreement.id} data-record-id={agreement.id}>
              <Table.Td>
                <Anchor component="button" size="sm" onClick={() => openAgreement(agreement.id)}>
                  {agreement.reference}
                </Anchor>{' '}
                <Badge
                  size="xs"
                  variant="light"
                  color={agreement.fundClass === 'untied' ? 'green' : 'blue'}
                >
                  {t(`agreements.fundClass.${agreement.fundClass}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{agreement.title}</Table.Td>
              <Table.Td>{formatDate(agreement.endsOn, language)}</Table.Td>
              {MONEY.map((key) => (
                <Table.Td key={key} ta="right">
                  <Amount minor={agreement.figuresEur[key]} currency="EUR" />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={3}>{t('recordPage.totals', { count: agreements.length })}</Table.Th>
            {MONEY.map((key) => (
              <Table.Th key={key} ta="right" data-total={key}>
                <Amount minor={totalsEur[key]} currency="EUR" />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
