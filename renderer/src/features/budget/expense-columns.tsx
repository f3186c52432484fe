import { Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { BudgetExpense } from '@shared/budget/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import type { Language } from '@shared/i18n/locale'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { dateColumn, textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'

/**
 * The fund that paid an expense: an agreement (and its heading) or the untied fund, whose name
 * (`untied`) is translated once for the whole list, not once per row searched.
 */
function payingFund(e: BudgetExpense, untied: string, language: Language): string {
  // A shared expense: each share's fund and heading, with its percentage when typed as one.
  if (e.shares.length > 0)
    return e.shares
      .map((s) => {
        const fund = s.agreementReference ?? untied
        const heading = s.headingCode ? ` · ${s.headingCode}` : ''
        const part = s.percentBp === null ? '' : ` ${formatBasisPoints(s.percentBp, language)}`
        return `${fund}${heading}${part}`
      })
      .join(' / ')
  const fund = e.agreementReference ?? untied
  return e.headingCode ? `${fund} · ${e.headingCode}` : fund
}

/**
 * A cancelled expense keeps its line, its amount struck through: its entry was reversed, so
 * it counts in no total (the totals equal the ledger).
 */
function counted(e: BudgetExpense, minor: number, currency: BudgetExpense['currency']) {
  return e.cancelReason ? null : money(minor, currency)
}

function struck(minor: number, currency: BudgetExpense['currency']) {
  return (
    <Text span td="line-through" c="dimmed" size="sm">
      <Amount minor={minor} currency={currency} />
    </Text>
  )
}

/** The columns of the year's expenses register. */
export function expenseColumns(t: TFunction, language: Language): ListColumn<BudgetExpense>[] {
  // Translated once: the list reads these for each of a year's rows when it is searched.
  const untied = t('budget.form.untiedFund')
  const recorded = t('budget.stateRecorded')
  return [
    dateColumn('spentOn', t('budget.form.spentOn'), (e) => e.spentOn),
    textColumn('line', t('budget.form.lineKey'), (e) => e.lineLabel ?? e.lineKey, {
      width: 200,
      priority: 5,
    }),
    {
      id: 'description',
      kind: 'text',
      value: (e) => e.description,
      header: t('budget.form.description'),
      width: 240,
      groupable: false,
      cell: (e) => (
        <span
          title={e.cancelReason ? t('budget.cancelled', { reason: e.cancelReason }) : undefined}
        >
          {e.description}
        </span>
      ),
    },
    textColumn('fund', t('budget.form.payingFund'), (e) => payingFund(e, untied, language), {
      priority: 6,
    }),
    {
      id: 'amount',
      kind: 'money',
      amount: (e) => counted(e, e.amount, e.currency),
      drawnAmount: (e) => (e.cancelReason ? money(e.amount, e.currency) : null),
      cell: (e) =>
        e.cancelReason ? (
          struck(e.amount, e.currency)
        ) : (
          <Amount minor={e.amount} currency={e.currency} />
        ),
      header: t('budget.form.amount'),
    },
    {
      id: 'eur',
      kind: 'money',
      amount: (e) => counted(e, e.eurAmount, 'EUR'),
      drawnAmount: (e) => (e.cancelReason ? money(e.eurAmount, 'EUR') : null),
      cell: (e) =>
        e.cancelReason ? struck(e.eurAmount, 'EUR') : <Amount minor={e.eurAmount} currency="EUR" />,
      header: `${t('budget.form.amount')} (EUR)`,
    },
    {
      id: 'state',
      kind: 'text',
      value: (e) =>
        e.cancelReason ? t('budget.stateCancelled', { reason: e.cancelReason }) : recorded,
      header: t('budget.state'),
      width: 200,
      priority: 7,
    },
    textColumn('supplier', t('budget.form.supplier'), (e) => e.supplier, { optional: true }),
    textColumn('document', t('budget.form.document'), (e) => e.document, {
      optional: true,
      groupable: false,
    }),
  ]
}
