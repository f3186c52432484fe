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
import {
  dateColumn,
  euroColumn,
  moneyColumn,
  moneyOrNone,
  textColumn,
} from '../../components/list/column-factory'

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
  const own = (id: 'amount' | 'allocated' | 'disbursed', header: string) =>
    moneyColumn<FinancingLine>(id, header, (line) => money(line[id], line.currency))
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
    euroColumn('eur', t('projects.plan.eur'), (line) => line.eurAmount, { width: 170 }),
    textColumn(
      'kind',
      t('recordLists.sourceKind'),
      (line) => t(`projects.plan.source_${line.source}`),
      { optional: true },
    ),
    dateColumn('committedOn', t('projects.plan.committedOn'), (line) => line.committedOn),
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
    // A cancelled tranche will not be paid: its amount is not counted as planned.
    moneyColumn('amount', t('projects.tranches.amount', { currency }), (tranche) =>
      tranche.status === 'cancelled' ? null : money(tranche.amount, currency),
    ),
    moneyColumn(
      'paid',
      t('projects.tranches.paidAmount'),
      (tranche) => moneyOrNone(tranche.paidAmount, currency),
      { width: 140 },
    ),
    euroColumn('paidEur', t('recordLists.paidEur'), (tranche) => tranche.paidEur, {
      width: 140,
    }),
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
    dateColumn('paidOn', t('projects.tranches.paidOn'), (tranche) => tranche.paidOn),
    textColumn(
      'bankReference',
      t('projects.tranches.bankReference'),
      (tranche) => tranche.bankReference,
      { groupable: false, priority: 9 },
    ),
  ]
}

export function expenseColumns(t: TFunction): ListColumn<ProjectExpense>[] {
  return [
    dateColumn('spentOn', t('projects.expenses.spentOn'), (expense) => expense.spentOn),
    textColumn('supplier', t('projects.expenses.supplier'), (expense) => expense.supplier),
    textColumn(
      'description',
      t('projects.expenses.description'),
      (expense) => expense.description,
      { width: 220, groupable: false },
    ),
    moneyColumn('amount', t('projects.expenses.amount'), (expense) =>
      money(expense.amount, expense.currency),
    ),
    euroColumn('eur', t('recordLists.eur'), (expense) => expense.eurAmount),
    textColumn('heading', t('projects.expenses.heading'), (expense) => expense.headingCode, {
      width: 150,
    }),
    textColumn('document', t('projects.expenses.document'), (expense) => expense.document, {
      optional: true,
      groupable: false,
    }),
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
  ): ListColumn<ProjectLedgerLine> =>
    moneyColumn(
      id,
      header,
      (entry) =>
        entry.kind !== kind
          ? null
          : inEuros
            ? money(entry.eurAmount, 'EUR')
            : money(entry.amount, entry.currency),
      { width: 140 },
    )
  return [
    dateColumn('entryDate', t('projects.ledger.date'), (entry) => entry.entryDate),
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
