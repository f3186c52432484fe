import { Group, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetExpense } from '@shared/budget/schema'
import type { Agreement } from '@shared/funds/schema'
import { ActionButton } from '../../components/ActionButton'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useLanguage } from '../../lib/use-language'
import { useClosedAgreementReason } from '../agreements/agreement-choices'
import { expenseColumns } from './expense-columns'

/**
 * A year's expenses as a register: searched, sorted, grouped by line or fund with subtotals,
 * totalled per currency (cancelled expenses shown struck through, in no total), exported and
 * printed as shown; each still cancellable from its row, but for one charged to a closed
 * agreement (its cancellation would change the closing statement sent): its button says why.
 */
export function ExpensesTable({
  year,
  expenses,
  agreements,
  onCancel,
  onChangeFunds,
}: {
  year: number
  expenses: BudgetExpense[]
  agreements: readonly Agreement[]
  /** Asks to cancel an expense (the page asks why and shows what changes). */
  onCancel: (expense: BudgetExpense) => void
  /** Opens the change of who pays an expense (its fund, or its shares across funds). */
  onChangeFunds: (expense: BudgetExpense) => void
}) {
  const { t } = useTranslation()
  const [view, setView] = useListView('expenses')
  const language = useLanguage()
  const columns = useMemo(() => expenseColumns(t, language), [t, language])
  const closedReason = useClosedAgreementReason(agreements)
  const unavailable = (e: BudgetExpense) =>
    [e.agreementId, ...e.shares.map((share) => share.agreementId)]
      .map(closedReason)
      .find(Boolean) ?? null
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
          <Group gap={4} wrap="nowrap">
            <ActionButton
              size="compact-xs"
              variant="subtle"
              unavailable={unavailable(e)}
              aria-label={`${t('costSharing.change.action')} — ${e.description}`}
              onClick={() => onChangeFunds(e)}
            >
              {t('costSharing.change.action')}
            </ActionButton>
            <ActionButton
              size="compact-xs"
              variant="subtle"
              color="red"
              unavailable={unavailable(e)}
              onClick={() => onCancel(e)}
            >
              {t('budget.action.cancelExpense')}
            </ActionButton>
          </Group>
        )
      }
      actionsWidth={330}
      height="60vh"
    />
  )
}
