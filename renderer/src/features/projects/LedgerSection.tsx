import { Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '@shared/projects/schema'
import { Amount } from '../../components/Amount'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'

/** The ledger entries behind the project's figures: allocations, payments, their reversals. */
export function LedgerSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <section aria-labelledby="project-ledger">
      <Title order={2} size="h4" id="project-ledger" mb="xs">
        {t('projects.ledger.title')}
      </Title>
      {project.ledger.length === 0 ? (
        <Text c="dimmed">{t('projects.ledger.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('projects.ledger.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.ledger.date')}</Table.Th>
              <Table.Th>{t('projects.ledger.kind')}</Table.Th>
              <Table.Th>{t('projects.ledger.fund')}</Table.Th>
              <Table.Th ta="right">{t('projects.ledger.amount')}</Table.Th>
              <Table.Th ta="right">{t('projects.ledger.eur')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.ledger.map((entry) => (
              <Table.Tr key={entry.id} data-record-id={entry.id}>
                <Table.Td>{formatDate(entry.entryDate, language)}</Table.Td>
                <Table.Td>
                  {entry.kind === 'allocation' || entry.kind === 'disbursement'
                    ? t(`projects.ledger.kind_${entry.kind}`)
                    : entry.kind}
                  {entry.reversal ? ` (${t('projects.ledger.reversal')})` : ''}
                </Table.Td>
                <Table.Td>
                  {entry.agreementReference ?? t(`agreements.fundClass.${entry.fundClass}`)}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={entry.amount} currency={entry.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={entry.eurAmount} currency="EUR" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
