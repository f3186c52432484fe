import { Badge, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { formatDate } from '@shared/i18n/format-dates'
import type { Language } from '@shared/i18n/locale'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import type {
  FinancingLine,
  ProjectExpense,
  ProjectLedgerLine,
  Tranche,
} from '@shared/projects/schema'
import type { ListColumn } from '../../components/list/list-columns'

/**
 * The columns of a project's money lists in its tabs. Every amount is the core's, derived from
 * the ledger: the totals row adds them up, so the ledger's allocations total the project's
 * « Engagé », its disbursements and the paid tranches its « Versé ».
 */

/** Where a line of the plan finds its money, as the reader names it. */
export function financingSource(line: FinancingLine, t: TFunction): string {
  if (line.source === 'agreement')
    return `${line.agreementReference ?? ''}${line.headingCode ? ` · ${t('projects.plan.heading')} ${line.headingCode}` : ''}`
  if (line.source === 'partner') return line.partnerName ?? ''
  return t(`projects.plan.source_${line.source}`)
}

export function planColumns(t: TFunction): ListColumn<FinancingLine>[] {
  const own = (
    id: 'amount' | 'allocated' | 'disbursed',
    header: string,
  ): ListColumn<FinancingLine> => ({
    id,
    kind: 'money',
    amount: (line) => money(line[id], line.currency),
    header,
  })
  return [
    {
      id: 'source',
      kind: 'text',
      value: (line) => financingSource(line, t),
      cell: (line) => (
        <>
          <Text size="sm">{financingSource(line, t)}</Text>
          <Text size="xs" c="dimmed">
            {t(`projects.plan.source_${line.source}`)}
          </Text>
        </>
      ),
      header: t('projects.plan.source'),
      width: 220,
    },
    own('amount', t('projects.plan.amount')),
    {
      id: 'eur',
      kind: 'money',
      amount: (line) => money(line.eurAmount, 'EUR'),
      header: t('projects.plan.eur'),
      width: 170,
    },
    {
      id: 'kind',
      kind: 'text',
      value: (line) => t(`projects.plan.source_${line.source}`),
      header: t('recordLists.sourceKind'),
      optional: true,
    },
    {
      id: 'committedOn',
      kind: 'date',
      value: (line) => line.committedOn,
      header: t('projects.plan.committedOn'),
    },
    own('allocated', t('projects.plan.allocated')),
    own('disbursed', t('projects.plan.disbursed')),
  ]
}

const TRANCHE_COLOURS = { planned: 'gray', released: 'cyan', paid: 'green', cancelled: 'red' }

export function trancheColumns(
  t: TFunction,
  language: Language,
  currency: CurrencyCode,
): ListColumn<Tranche>[] {
  const status = (tranche: Tranche) => t(`projects.tranches.status_${tranche.status}`)
  return [
    {
      id: 'number',
      kind: 'number',
      value: (tranche) => tranche.number,
      header: t('projects.tranches.number'),
      width: 70,
    },
    {
      id: 'plannedOn',
      kind: 'date',
      value: (tranche) => tranche.plannedOn,
      cell: (tranche) => (
        <>
          {formatDate(tranche.plannedOn, language)}{' '}
          {tranche.late && (
            <Badge size="xs" color="red.9">
              {t('projects.tranches.late')}
            </Badge>
          )}
        </>
      ),
      header: t('projects.tranches.plannedOn'),
      // The date and « En retard » side by side: at 150 px the badge was cut to « … ».
      width: 185,
    },
    {
      id: 'amount',
      kind: 'money',
      // A cancelled tranche will not be paid: its amount is not counted as planned.
      amount: (tranche) =>
        tranche.status === 'cancelled' ? null : money(tranche.amount, currency),
      header: t('projects.tranches.amount', { currency }),
    },
    {
      id: 'paid',
      kind: 'money',
      amount: (tranche) =>
        tranche.paidAmount === null ? null : money(tranche.paidAmount, currency),
      header: t('projects.tranches.paidAmount'),
      width: 140,
    },
    {
      id: 'paidEur',
      kind: 'money',
      amount: (tranche) => (tranche.paidEur === null ? null : money(tranche.paidEur, 'EUR')),
      header: t('recordLists.paidEur'),
      width: 140,
    },
    {
      id: 'status',
      kind: 'text',
      value: status,
      cell: (tranche) => (
        <Badge size="sm" variant="light" color={TRANCHE_COLOURS[tranche.status]} miw="max-content">
          {status(tranche)}
        </Badge>
      ),
      header: t('projects.tranches.status'),
      width: 120,
    },
    {
      id: 'condition',
      kind: 'text',
      value: (tranche) => tranche.condition,
      cell: (tranche) => (
        <>
          <Text size="sm">{tranche.condition ?? ''}</Text>
          {tranche.conditionMetOn && (
            <Text size="xs" c="dimmed">
              {t('projects.tranches.conditionMet')} {formatDate(tranche.conditionMetOn, language)}
            </Text>
          )}
          {tranche.overrideReason && (
            <Text size="xs" c="red.9">
              {tranche.overrideReason}
            </Text>
          )}
        </>
      ),
      header: t('projects.tranches.condition'),
      groupable: false,
      priority: 8,
    },
    {
      id: 'paidOn',
      kind: 'date',
      value: (tranche) => tranche.paidOn,
      header: t('projects.tranches.paidOn'),
    },
    {
      id: 'bankReference',
      kind: 'text',
      value: (tranche) => tranche.bankReference,
      header: t('projects.tranches.bankReference'),
      groupable: false,
      priority: 9,
    },
  ]
}

export function expenseColumns(t: TFunction): ListColumn<ProjectExpense>[] {
  return [
    {
      id: 'spentOn',
      kind: 'date',
      value: (expense) => expense.spentOn,
      header: t('projects.expenses.spentOn'),
    },
    {
      id: 'supplier',
      kind: 'text',
      value: (expense) => expense.supplier,
      header: t('projects.expenses.supplier'),
    },
    {
      id: 'description',
      kind: 'text',
      value: (expense) => expense.description,
      header: t('projects.expenses.description'),
      width: 220,
      groupable: false,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (expense) => money(expense.amount, expense.currency),
      header: t('projects.expenses.amount'),
    },
    {
      id: 'eur',
      kind: 'money',
      amount: (expense) => money(expense.eurAmount, 'EUR'),
      header: t('recordLists.eur'),
    },
    {
      id: 'heading',
      kind: 'text',
      value: (expense) => expense.headingCode,
      header: t('projects.expenses.heading'),
      width: 150,
    },
    {
      id: 'document',
      kind: 'text',
      value: (expense) => expense.document,
      header: t('projects.expenses.document'),
      optional: true,
      groupable: false,
    },
  ]
}

/**
 * The ledger's entries, an allocation's amounts and a disbursement's in their own columns: a
 * contra-entry is negative in its column, so each column's total is what the ledger holds.
 */
export function ledgerColumns(t: TFunction): ListColumn<ProjectLedgerLine>[] {
  const split = (
    id: string,
    kind: 'allocation' | 'disbursement',
    inEuros: boolean,
    header: string,
  ): ListColumn<ProjectLedgerLine> => ({
    id,
    kind: 'money',
    amount: (entry) =>
      entry.kind !== kind
        ? null
        : inEuros
          ? money(entry.eurAmount, 'EUR')
          : money(entry.amount, entry.currency),
    header,
    width: 140,
  })
  return [
    {
      id: 'entryDate',
      kind: 'date',
      value: (entry) => entry.entryDate,
      header: t('projects.ledger.date'),
    },
    {
      id: 'kind',
      kind: 'text',
      value: (entry) =>
        `${entry.kind === 'allocation' || entry.kind === 'disbursement' ? t(`projects.ledger.kind_${entry.kind}`) : entry.kind}${entry.reversal ? ` (${t('projects.ledger.reversal')})` : ''}`,
      header: t('projects.ledger.kind'),
      width: 120,
    },
    {
      id: 'fund',
      kind: 'text',
      value: (entry) => entry.agreementReference ?? t(`agreements.fundClass.${entry.fundClass}`),
      header: t('projects.ledger.fund'),
      width: 160,
    },
    split('allocated', 'allocation', false, t('recordLists.allocated')),
    split('disbursed', 'disbursement', false, t('recordLists.disbursed')),
    split('allocatedEur', 'allocation', true, t('recordLists.allocatedEur')),
    split('disbursedEur', 'disbursement', true, t('recordLists.disbursedEur')),
  ]
}
