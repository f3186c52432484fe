import { Button, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { call, errorMessage } from '../../lib/api'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { ProjectExpenseForm } from './ProjectExpenseForm'
import { ProjectEntry } from './ProjectEntry'
import type { ProjectSectionProps } from './use-project-form'

/** What the city justifies having spent, against what it was paid. */
export function ExpensesSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
  const remove = async (id: string) => {
    try {
      onSaved(await call('projects.removeExpense', { id }), t('projects.expenses.removed'))
    } catch (failure) {
      onError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  return (
    <section aria-labelledby="project-expenses">
      <Title order={2} size="h4" id="project-expenses" mb="xs">
        {t('projects.expenses.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('projects.expenses.totals', {
          paid: euros(project.justification.paidEur),
          justified: euros(project.justification.justifiedEur),
          toJustify: euros(project.justification.toJustifyEur),
        })}
      </Text>
      {project.expenses.length === 0 ? (
        <Text c="dimmed">{t('projects.expenses.empty')}</Text>
      ) : (
        <Table withTableBorder striped aria-label={t('projects.expenses.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('projects.expenses.spentOn')}</Table.Th>
              <Table.Th>{t('projects.expenses.supplier')}</Table.Th>
              <Table.Th>{t('projects.expenses.description')}</Table.Th>
              <Table.Th ta="right">{t('projects.expenses.amount')}</Table.Th>
              <Table.Th ta="right">EUR</Table.Th>
              <Table.Th>{t('projects.expenses.heading')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {project.expenses.map((expense) => (
              <Table.Tr key={expense.id} data-record-id={expense.id}>
                <Table.Td>{formatDate(expense.spentOn, language)}</Table.Td>
                <Table.Td>{expense.supplier}</Table.Td>
                <Table.Td>{expense.description}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={expense.amount} currency={expense.currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={expense.eurAmount} currency="EUR" />
                </Table.Td>
                <Table.Td>{expense.headingCode}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void remove(expense.id)}
                  >
                    {t('projects.expenses.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProjectEntry
        label={t('projects.expenses.add')}
        unavailable={project.archivedAt === null ? null : t('recordPage.archived')}
        form={ProjectExpenseForm}
        project={project}
        added={t('projects.expenses.added')}
        onSaved={onSaved}
      />
    </section>
  )
}
