import type { TFunction } from 'i18next'
import type { Contribution } from '@shared/closing/schema'
import type { OverheadPosting } from '@shared/funds/overhead'
import type { AgreementDetail, Amendment, Receipt } from '@shared/funds/schema'
import type { Language } from '@shared/i18n/locale'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatRate } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import type { ListColumn } from '../../components/list/list-columns'

/**
 * The columns of an agreement's lists in its tabs. Each amount is the core's, as recorded:
 * the totals row adds them up, so the receipts total is the agreement's « Reçu » and the
 * amendments' the change from the signed amount to « Engagé ».
 */
export function receiptColumns(
  t: TFunction,
  language: Language,
  currency: CurrencyCode,
): ListColumn<Receipt>[] {
  return [
    {
      id: 'receivedOn',
      kind: 'date',
      value: (r) => r.receivedOn,
      header: t('agreements.receipt.receivedOn'),
      // « Received on ▲ » on one line.
      width: 140,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (r) => money(r.amount, r.currency),
      header: t('agreements.receipt.amount', { currency }),
    },
    {
      id: 'rate',
      kind: 'text',
      // The exact decimal the core used, written the reader's way (never a float).
      value: (r) => formatRate(r.rate, language),
      cell: (r) => <span title={r.rateSource}>{formatRate(r.rate, language)}</span>,
      header: t('agreements.receipt.rateUsed'),
      width: 110,
      groupable: false,
      priority: 5,
    },
    {
      id: 'eur',
      kind: 'money',
      amount: (r) => money(r.eurAmount, 'EUR'),
      header: t('agreements.receipt.eur'),
    },
    {
      id: 'bankReference',
      kind: 'text',
      value: (r) => r.bankReference,
      header: t('agreements.receipt.bankReference'),
      groupable: false,
    },
    {
      id: 'note',
      kind: 'text',
      value: (r) => r.note,
      header: t('agreements.receipt.note'),
      groupable: false,
      priority: 8,
    },
  ]
}

export function amendmentColumns(
  t: TFunction,
  agreement: AgreementDetail,
): ListColumn<Amendment>[] {
  return [
    {
      id: 'signedOn',
      kind: 'date',
      value: (a) => a.signedOn,
      header: t('agreements.amendment.signedOn'),
    },
    {
      id: 'amountChange',
      kind: 'money',
      amount: (a) => money(a.amountChange, agreement.currency),
      header: t('agreements.amendment.amountChange', { currency: agreement.currency }),
      width: 190,
    },
    {
      id: 'newEndsOn',
      kind: 'date',
      value: (a) => a.newEndsOn,
      header: t('agreements.amendment.newEndsOn'),
      width: 150,
    },
    {
      id: 'note',
      kind: 'text',
      value: (a) => a.note,
      header: t('agreements.amendment.note'),
      width: 260,
      groupable: false,
    },
  ]
}

/**
 * An agreement's overhead postings, the cancelled ones too (a recomputation cancels and posts
 * again): a cancelled posting's amount is drawn struck through and left out of the totals, so
 * the total is the position's « Déjà récupérés ». The base is the costs at that date, a running
 * figure: drawn, not added up.
 */
export function overheadColumns(
  t: TFunction,
  currency: CurrencyCode,
): ListColumn<OverheadPosting>[] {
  const standing = (p: OverheadPosting) => p.cancelReason === null
  const struck = (p: OverheadPosting, minor: number, in_: CurrencyCode) =>
    standing(p) ? (
      <Amount minor={minor} currency={in_} />
    ) : (
      <s>
        <Amount minor={minor} currency={in_} />
      </s>
    )
  return [
    {
      id: 'postedOn',
      kind: 'date',
      value: (p) => p.postedOn,
      header: t('overhead.postedOn'),
      width: 150,
    },
    {
      id: 'base',
      kind: 'money',
      amount: (p) => money(p.base, currency),
      header: t('overhead.base'),
      totalled: false,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (p) => (standing(p) ? money(p.amount, currency) : null),
      cell: (p) => struck(p, p.amount, currency),
      header: t('overhead.amount'),
    },
    {
      id: 'eur',
      kind: 'money',
      amount: (p) => (standing(p) ? money(p.eurAmount, 'EUR') : null),
      cell: (p) => struck(p, p.eurAmount, 'EUR'),
      header: t('recordLists.eur'),
    },
    {
      id: 'state',
      kind: 'text',
      value: (p) => (standing(p) ? '' : t('overhead.cancelled')),
      header: t('recordLists.state'),
    },
    {
      id: 'note',
      kind: 'text',
      value: (p) => p.note,
      header: t('overhead.note'),
      groupable: false,
      optional: true,
    },
  ]
}

/** The co-financing brought in kind or by others: its total is the closing's « en nature ». */
export function contributionColumns(t: TFunction): ListColumn<Contribution>[] {
  return [
    {
      id: 'contributedOn',
      kind: 'date',
      value: (c) => c.contributedOn,
      header: t('closing.contributedOn'),
      width: 130,
    },
    {
      id: 'kind',
      kind: 'text',
      value: (c) => t(`closing.kinds.${c.kind}`),
      header: t('closing.kind'),
      width: 140,
    },
    {
      id: 'contributor',
      kind: 'text',
      value: (c) => c.contributor,
      header: t('closing.contributor'),
    },
    {
      id: 'description',
      kind: 'text',
      value: (c) => c.description,
      header: t('closing.description'),
      groupable: false,
      priority: 8,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (c) => money(c.amount, c.currency),
      header: t('closing.amount'),
    },
  ]
}
