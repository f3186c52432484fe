import { Button, Group, Text, TextInput } from '@mantine/core'
import type { ColumnDef } from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BudgetExpense } from '@shared/budget/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { containsWords, searchableText, searchWords } from '@shared/text/search'
import { Amount } from '../../components/Amount'
import { DataTable } from '../../components/DataTable'
import { useLanguage } from '../../lib/use-language'

/**
 * A year's expenses: searched as you type, sorted by any column, and only the visible rows in
 * the page, so a year of thousands of lines stays as quick as a few. Each expense's text is
 * folded once for the search, not at every keystroke.
 */
export function ExpensesTable({
  expenses,
  onCancel,
}: {
  expenses: BudgetExpense[]
  /** Asks to cancel an expense (the page asks why and shows what changes). */
  onCancel: (expense: BudgetExpense) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [search, setSearch] = useState('')
  const payingFund = useMemo(
    () => (e: BudgetExpense) =>
      `${e.agreementReference ?? t('budget.form.untiedFund')}${e.headingCode ? ` · ${e.headingCode}` : ''}`,
    [t],
  )
  const searchable = useMemo(
    () =>
      expenses.map((e) => ({
        expense: e,
        text: searchableText([
          e.description,
          e.lineLabel,
          e.supplier,
          payingFund(e),
          formatDate(e.spentOn, language),
        ]),
      })),
    [expenses, language, payingFund],
  )
  const shown = useMemo(() => {
    const words = searchWords(search)
    if (words.length === 0) return null
    return new Set(searchable.filter((s) => containsWords(s.text, words)).map((s) => s.expense))
  }, [searchable, search])
  const isShown = useMemo(() => (shown ? (e: BudgetExpense) => shown.has(e) : undefined), [shown])
  const columns = useMemo<ColumnDef<BudgetExpense>[]>(
    () => [
      {
        id: 'spentOn',
        header: t('budget.form.spentOn'),
        accessorFn: (e) => e.spentOn,
        // ISO dates sort as plain text: no collation, which counts with thousands of lines.
        sortingFn: 'basic',
        cell: ({ row }) => formatDate(row.original.spentOn, language),
      },
      { id: 'line', header: t('budget.form.lineKey'), accessorFn: (e) => e.lineLabel ?? '' },
      {
        id: 'description',
        header: t('budget.form.description'),
        accessorFn: (e) => e.description,
        cell: ({ row }) => (
          <>
            {row.original.description}
            {row.original.cancelReason && (
              <Text size="xs" c="dimmed">
                {t('budget.cancelled', { reason: row.original.cancelReason })}
              </Text>
            )}
          </>
        ),
      },
      { id: 'fund', header: t('budget.form.payingFund'), accessorFn: payingFund },
      {
        id: 'amount',
        header: t('budget.form.amount'),
        accessorFn: (e) => e.amount,
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.amount} currency={row.original.currency} />,
      },
      {
        id: 'eur',
        header: 'EUR',
        accessorFn: (e) => e.eurAmount,
        meta: { numeric: true },
        cell: ({ row }) => <Amount minor={row.original.eurAmount} currency="EUR" />,
      },
      {
        id: 'actions',
        header: t('common.actions'),
        enableSorting: false,
        cell: ({ row }) =>
          !row.original.cancelReason && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => onCancel(row.original)}
            >
              {t('budget.action.cancelExpense')}
            </Button>
          ),
      },
    ],
    [t, language, payingFund, onCancel],
  )
  if (expenses.length === 0) return <Text c="dimmed">{t('budget.noExpenses')}</Text>
  return (
    <>
      <Group align="flex-end" mb="xs">
        <TextInput
          label={t('common.search')}
          placeholder={t('budget.searchExpenses')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('common.rowsCount', { count: shown?.size ?? expenses.length })}
        </Text>
      </Group>
      <DataTable
        data={expenses}
        isShown={isShown}
        initialSorting={[{ id: 'spentOn', desc: false }]}
        columns={columns}
        getRowId={(e) => e.id}
        label={t('budget.expenses')}
        height="60vh"
      />
    </>
  )
}
