import type { DataFile } from '../db/data-file'
import type { RecordWriter } from '../changelog/record-writer'
import { AppFailure, fieldFailure } from '../failure'
import type { ExchangeRatesService } from '../funds/exchange-rates-service'
import { postEntry, reverseEntriesOf } from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import { RATE_GIVEN, withReason } from '../funds/receipts-service'
import { closingFigures } from '@shared/closing/closing-figures'
import type { CloseFields, ContributionFields } from '@shared/closing/schema'
import { type Earmarking, type Nature, fundClassOf } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { parseRate, toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import { CLOSINGS, agreementHead, closingBasis, liveClosing } from './closing-statement'

/** The agreement a closing or a contribution concerns: known, live, and not closed. */
async function openAgreement(writer: RecordWriter, agreementId: string) {
  const head = await agreementHead(writer.trx, agreementId)
  if (!head) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
  if (head.deleted_at) throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
  const closed = await liveClosing(writer.trx, agreementId)
  if (closed) {
    throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementClosed', {
      reference: head.reference,
      date: { day: closed.closed_on },
    })
  }
  return head
}

/** Co-financing declared for an agreement's action (not a money event of the AIMF's funds). */
export async function addContribution(
  file: DataFile,
  fields: ContributionFields,
  author: string,
): Promise<string> {
  return file.write(author, async (writer) => {
    const head = await openAgreement(writer, fields.agreementId)
    const currency = head.currency as CurrencyCode
    const amount = readAmount(fields.amount, currency, 'amount')
    await writer.insert('agreement_contributions', {
      agreement_id: head.id,
      kind: fields.kind,
      contributed_on: fields.contributedOn,
      contributor: fields.contributor,
      description: fields.description,
      amount_minor: amount.minor,
      currency,
      note: fields.note,
    })
    return head.id
  })
}

/** Withdraws a contribution declared by mistake (archived, with the reason in its note). */
export async function cancelContribution(
  file: DataFile,
  id: string,
  reason: string,
  author: string,
): Promise<string> {
  return file.write(author, async (writer) => {
    const row = await writer.trx
      .selectFrom('agreement_contributions')
      .select(['agreement_id', 'deleted_at', 'note'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!row) throw new AppFailure('NOT_FOUND')
    if (row.deleted_at) return row.agreement_id
    await openAgreement(writer, row.agreement_id)
    await writer.update('agreement_contributions', id, { note: withReason(row.note, reason) })
    await writer.archive('agreement_contributions', id)
    return row.agreement_id
  })
}

/** What closing would establish now, and whether the closing date is acceptable. */
export async function closingPreview(file: DataFile, agreementId: string) {
  const head = await agreementHead(file.db, agreementId)
  if (!head) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
  const basis = await closingBasis(file.db, head)
  return { head, basis, figures: closingFigures({ ...basis, cofinancingBp: head.cofinancing_bp }) }
}

/**
 * Closes an agreement: the statement established on the ledger as it stands, and what was
 * received above the final amount due posted as a refund to the funder (a negative receipt, in
 * the agreement's currency, its euro value at the rate given or the day's). From then on the
 * ledger refuses its money events but the funder's last payment (closed-guard.ts).
 */
export async function closeAgreement(
  file: DataFile,
  rates: ExchangeRatesService,
  fields: CloseFields,
  author: string,
): Promise<string> {
  return file.write(author, async (writer) => {
    const head = await openAgreement(writer, fields.agreementId)
    if (fields.closedOn < head.starts_on) {
      throw fieldFailure('VALIDATION', 'closedOn', 'errors.closingBeforeStart', {
        date: { day: head.starts_on },
      })
    }
    const currency = head.currency as CurrencyCode
    const basis = await closingBasis(writer.trx, head)
    const figures = closingFigures({ ...basis, cofinancingBp: head.cofinancing_bp })
    if (fields.rate && currency !== 'EUR' && !parseRate(fields.rate)) {
      throw fieldFailure('VALIDATION', 'rate', 'validation.rate')
    }
    const applied =
      fields.rate && currency !== 'EUR'
        ? { rate: fields.rate, source: RATE_GIVEN }
        : await rates.rateOn(currency, fields.closedOn, writer.trx)
    if (!applied && figures.refund > 0) {
      throw fieldFailure('VALIDATION', 'rate', 'errors.noRate', {
        currency,
        date: { day: fields.closedOn },
      })
    }
    const rate = applied?.rate ?? '1'
    const refund = money(figures.refund, currency)
    const refundEur = figures.refund > 0 ? toEuro(refund, rate).minor : 0
    const id = await writer.insert(CLOSINGS, {
      agreement_id: head.id,
      closed_on: fields.closedOn,
      currency,
      ceiling_minor: basis.ceiling,
      eligible_minor: basis.eligibleSpending,
      ineligible_minor: basis.ineligibleSpending,
      cash_cofinancing_minor: basis.cashCofinancing,
      in_kind_minor: basis.inKind,
      exchange_difference_minor: basis.exchangeDifference,
      funder_share_bp: figures.funderShareBp,
      final_due_minor: figures.finalDue,
      received_minor: basis.received,
      refund_minor: figures.refund,
      refund_eur_minor: refundEur,
      refund_rate: rate,
      note: fields.note,
      reopen_reason: null,
    })
    if (figures.refund > 0) {
      const nature = head.nature as Nature
      await postEntry(writer, {
        entryDate: fields.closedOn,
        kind: 'receipt',
        fundClass: fundClassOf(head.earmarking as Earmarking),
        agreementId: head.id,
        nature: nature === 'mixed' ? null : nature,
        amount: money(-figures.refund, currency),
        eurMinor: -refundEur,
        rate,
        source: { table: CLOSINGS, id },
        dateField: 'closedOn',
      })
    }
    return head.id
  })
}

/** Reopens a closed agreement: its closing archived with the reason, its refund reversed. */
export async function reopenAgreement(
  file: DataFile,
  closingId: string,
  reason: string,
  author: string,
): Promise<string> {
  return file.write(author, async (writer) => {
    const closing = await writer.trx
      .selectFrom(CLOSINGS)
      .select(['agreement_id', 'deleted_at'])
      .where('id', '=', closingId)
      .executeTakeFirst()
    if (!closing) throw new AppFailure('NOT_FOUND')
    if (closing.deleted_at) return closing.agreement_id
    await writer.update(CLOSINGS, closingId, { reopen_reason: reason })
    await writer.archive(CLOSINGS, closingId)
    await reverseEntriesOf(writer, { table: CLOSINGS, id: closingId }, reason)
    return closing.agreement_id
  })
}
