import { Button, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetExpense } from '@shared/budget/schema'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useLanguage } from '../../lib/use-language'
import { expenseColumns } from './expense-columns'

/**
 * A year's expenses as a register: searched, sorted, grouped by line or fund with subtotals,
 * totalled per currency (cancelled expenses shown struck through, in no total), exported and
 * printed as shown; each still cancellable from its row.
 */
export function ExpensesTable({
  year,
  expenses,
  onCancel,
}: {
  year: number
  expenses: BudgetExpense[]
  /** Asks to cancel an expense (the page asks why and shows what changes). */
  onCancel: (expense: BudgetExpense) => void
}) {
  const { t } = useTranslation()
  const [view, setView] = useListView('expenses')
  const language = useLanguage()
  const columns = useMemo(() => expenseColumns(t, language), [t, language])
  if (expenses.length === 0) return <Text c="dimmed">{t('budget.noExpenses')}</Text>
  return (
    <RegisterList
      listId="expenses"
      label={t('budget.expenses')}
      rows={expenses}
      columns={columns}
      getRowId={(e) => e.id}
      view={view}
      onView={setView}
      searchPlaceholder={t('list.placeholder.expenses')}
      initialSort={{ id: 'spentOn', desc: false }}
      parameters={[{ label: t('budget.form.targetYear'), value: String(year) }]}
      rowActions={(e) =>
        !e.cancelReason && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onCancel(e)}>
            {t('budget.action.cancelExpense')}
          </Button>
        )
      }
      actionsWidth={170}
      height="60vh"
    />
  )
}
