import type { TFunction } from 'i18next'
import type { FinancingLine, ProjectDetail, Tranche } from '@shared/projects/schema'
import { formatDate } from '@shared/i18n/format-dates'
import type { Language } from '@shared/i18n/locale'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import type { ReversalRequest } from '../../components/ReversalDialog'
import { call } from '../../lib/api'

/**
 * The cancellation of a tranche's payment as the dialog shows it: the disbursement comes back
 * to the lines that paid it, so the project's paid total loses the tranche's euro value.
 */
export function tranchePaymentReversal(
  project: ProjectDetail,
  tranche: Tranche,
  t: TFunction,
  language: Language,
  onDone: (next: ProjectDetail) => void,
): ReversalRequest {
  const paid = tranche.paidAmount ?? 0
  const paidEur = tranche.paidEur ?? 0
  const amount = formatMoney(money(paid, project.currency), language)
  return {
    action: t('projects.tranches.cancelPayment'),
    record: t('reversal.tranche.record', {
      number: tranche.number,
      code: project.code,
      amount,
      date: formatDate(tranche.paidOn, language),
    }),
    figures: [
      {
        label: t('reversal.tranche.paid', { number: tranche.number }),
        currency: project.currency,
        before: paid,
        after: 0,
      },
      {
        label: t('reversal.project.paidEur'),
        currency: 'EUR',
        before: project.paidEur,
        after: project.paidEur - paidEur,
      },
    ],
    reverse: async (reason) =>
      onDone(await call('projects.cancelTranchePayment', { id: tranche.id, reason })),
    done: (reason) => ({
      text: t('reversal.tranche.done', {
        number: tranche.number,
        code: project.code,
        amount,
        reason,
      }),
    }),
  }
}

/**
 * Undoing a line's commitment as the dialog shows it: its allocation goes back to its fund, so
 * the project's committed total loses the line's euro value.
 */
export function commitmentReversal(
  project: ProjectDetail,
  line: FinancingLine,
  source: string,
  t: TFunction,
  language: Language,
  onDone: (next: ProjectDetail) => void,
): ReversalRequest {
  const amount = formatMoney(money(line.amount, line.currency), language)
  return {
    action: t('projects.plan.uncommit'),
    record: t('reversal.allocation.record', {
      source,
      amount,
      date: formatDate(line.committedOn, language),
    }),
    figures: [
      {
        label: t('reversal.allocation.line'),
        currency: line.currency,
        before: line.allocated,
        after: 0,
      },
      {
        label: t('reversal.project.committedEur'),
        currency: 'EUR',
        before: project.committedEur,
        after: project.committedEur - line.eurAmount,
      },
    ],
    reverse: async (reason) =>
      onDone(await call('projects.uncommitFinancingLine', { id: line.id, reason })),
    done: (reason) => ({ text: t('reversal.allocation.done', { source, amount, reason }) }),
  }
}
