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
import {
  dateColumn,
  euroColumn,
  moneyColumn,
  textColumn,
} from '../../components/list/column-factory'

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
    // « Received on ▲ » on one line.
    dateColumn('receivedOn', t('agreements.receipt.receivedOn'), (r) => r.receivedOn, {
      width: 140,
    }),
    moneyColumn('amount', t('agreements.receipt.amount', { currency }), (r) =>
      money(r.amount, r.currency),
    ),
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
    euroColumn('eur', t('agreements.receipt.eur'), (r) => r.eurAmount),
    textColumn('bankReference', t('agreements.receipt.bankReference'), (r) => r.bankReference, {
      groupable: false,
    }),
    textColumn('note', t('agreements.receipt.note'), (r) => r.note, {
      groupable: false,
      priority: 8,
    }),
  ]
}

export function amendmentColumns(
  t: TFunction,
  agreement: AgreementDetail,
): ListColumn<Amendment>[] {
  return [
    dateColumn('signedOn', t('agreements.amendment.signedOn'), (a) => a.signedOn),
    moneyColumn(
      'amountChange',
      t('agreements.amendment.amountChange', { currency: agreement.currency }),
      (a) => money(a.amountChange, agreement.currency),
      { width: 190 },
    ),
    dateColumn('newEndsOn', t('agreements.amendment.newEndsOn'), (a) => a.newEndsOn, {
      width: 150,
    }),
    textColumn('note', t('agreements.amendment.note'), (a) => a.note, {
      width: 260,
      groupable: false,
    }),
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
    dateColumn('postedOn', t('overhead.postedOn'), (p) => p.postedOn, { width: 150 }),
    moneyColumn('base', t('overhead.base'), (p) => money(p.base, currency), { totalled: false }),
    moneyColumn(
      'amount',
      t('overhead.amount'),
      (p) => (standing(p) ? money(p.amount, currency) : null),
      {
        cell: (p) => struck(p, p.amount, currency),
        drawnAmount: (p) => (standing(p) ? null : money(p.amount, currency)),
      },
    ),
    euroColumn('eur', t('recordLists.eur'), (p) => (standing(p) ? p.eurAmount : null), {
      cell: (p) => struck(p, p.eurAmount, 'EUR'),
      drawnAmount: (p) => (standing(p) ? null : money(p.eurAmount, 'EUR')),
    }),
    textColumn('state', t('recordLists.state'), (p) =>
      standing(p) ? '' : t('overhead.cancelled'),
    ),
    textColumn('note', t('overhead.note'), (p) => p.note, { groupable: false, optional: true }),
  ]
}

/** The co-financing brought in kind or by others: its total is the closing's « en nature ». */
export function contributionColumns(t: TFunction): ListColumn<Contribution>[] {
  return [
    dateColumn('contributedOn', t('closing.contributedOn'), (c) => c.contributedOn, {
      width: 130,
    }),
    textColumn('kind', t('closing.kind'), (c) => t(`closing.kinds.${c.kind}`), { width: 140 }),
    textColumn('contributor', t('closing.contributor'), (c) => c.contributor),
    textColumn('description', t('closing.description'), (c) => c.description, {
      groupable: false,
      priority: 8,
    }),
    moneyColumn('amount', t('closing.amount'), (c) => money(c.amount, c.currency)),
  ]
}
