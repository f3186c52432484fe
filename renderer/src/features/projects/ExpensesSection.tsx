import { Button, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { TabRegister } from '../../components/list/TabRegister'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { ProjectExpenseForm } from './ProjectExpenseForm'
import { ProjectEntry } from './ProjectEntry'
import type { ProjectSectionProps } from './use-project-form'
import { expenseColumns } from './project-tab-columns'

/** What the city justifies having spent, against what it was paid. */
export function ExpensesSection({ project, onSaved, onError }: ProjectSectionProps) {
  const { t } = useTranslation()
  const language = useLanguage()
  const columns = useMemo(() => expenseColumns(t), [t])
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
        <TabRegister
          listId="projectExpenses"
          label={t('projects.expenses.title')}
          rows={project.expenses}
          columns={columns}
          getRowId={(expense) => expense.id}
          searchPlaceholder={t('recordLists.search.expenses')}
          initialSort={{ id: 'spentOn', desc: false }}
          parameters={[{ label: t('projects.field.code'), value: project.code }]}
          rowActions={(expense) => (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => void remove(expense.id)}
            >
              {t('projects.expenses.remove')}
            </Button>
          )}
          actionsWidth={100}
        />
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
