import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import { type Earmarking, type Nature, fundClassOf } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { parseRate, toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import { agreementFigures, emptyFigures, postEntry, reverseEntriesOf } from './ledger'
import type { ExchangeRatesService } from './exchange-rates-service'
import { readAmount } from './money-input'

/** The source recorded for a rate typed with the receipt (the one on the bank statement). */
export const RATE_GIVEN = 'Taux du relevé bancaire'

export interface ReceiptFields {
  agreementId: string
  receivedOn: string
  amount: string
  rate: string | null
  bankReference: string | null
  note: string | null
  confirmOverpayment?: boolean
  bankAccountId?: string | null
}

/**
 * Receipts from funders (versements reçus): the amount in the agreement's currency and its euro
 * value at the rate applied (given by the user, or the rate of the day), posted to the ledger.
 */
export class ReceiptsService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async add(fields: ReceiptFields, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const agreement = await writer.trx
        .selectFrom('agreements')
        .selectAll()
        .where('id', '=', fields.agreementId)
        .executeTakeFirst()
      if (!agreement) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
      if (agreement.deleted_at)
        throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
      const currency = agreement.currency as CurrencyCode
      const amount = readAmount(fields.amount, currency, 'amount')

      // The euro needs no rate; otherwise the rate the bank applied, or the rate of the day.
      if (fields.rate && currency !== 'EUR' && !parseRate(fields.rate)) {
        throw fieldFailure('VALIDATION', 'rate', 'validation.rate')
      }
      const applied =
        fields.rate && currency !== 'EUR'
          ? { rate: fields.rate, rateDate: fields.receivedOn, source: RATE_GIVEN }
          : await this.rates.rateOn(currency, fields.receivedOn, writer.trx)
      if (!applied) {
        throw fieldFailure('VALIDATION', 'rate', 'errors.noRate', {
          currency,
          date: { day: fields.receivedOn },
        })
      }

      const figures =
        (await agreementFigures(writer.trx, '9999-12-31', [agreement.id])).get(agreement.id)
          ?.native ?? emptyFigures()
      const excess = figures.received + amount.minor - figures.committed
      if (excess > 0 && !fields.confirmOverpayment) {
        throw fieldFailure('CONFLICT', 'amount', 'errors.receiptOverCommitted', {
          remaining: money(Math.max(0, figures.committed - figures.received), currency),
          excess: money(excess, currency),
        })
      }

      const eur = toEuro(amount, applied.rate)
      const id = await writer.insert('receipts', {
        agreement_id: agreement.id,
        received_on: fields.receivedOn,
        amount_minor: amount.minor,
        currency,
        eur_minor: eur.minor,
        rate: applied.rate,
        rate_date: applied.rateDate,
        rate_source: applied.source,
        bank_reference: fields.bankReference,
        note: fields.note,
      })
      const nature = agreement.nature as Nature
      await postEntry(writer, {
        entryDate: fields.receivedOn,
        kind: 'receipt',
        fundClass: fundClassOf(agreement.earmarking as Earmarking),
        agreementId: agreement.id,
        nature: nature === 'mixed' ? null : nature,
        amount,
        eurMinor: eur.minor,
        rate: applied.rate,
        source: { table: 'receipts', id },
        bankAccountId: fields.bankAccountId,
      })
      return id
    })
  }

  /**
   * Cancels a receipt recorded by mistake: it is archived and its ledger entry reversed, with
   * the reason given (kept on the reversing entry, and added to its note).
   */
  async cancel(id: string, reason: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const receipt = await writer.trx
        .selectFrom('receipts')
        .select(['agreement_id', 'deleted_at', 'note'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!receipt) throw new AppFailure('NOT_FOUND')
      if (receipt.deleted_at) return receipt.agreement_id
      if (reason) await writer.update('receipts', id, { note: withReason(receipt.note, reason) })
      await writer.archive('receipts', id)
      await reverseEntriesOf(writer, { table: 'receipts', id }, reason)
      return receipt.agreement_id
    })
  }
}

/** A note with a cancellation's reason added on a line of its own. */
export function withReason(note: string | null, reason: string): string {
  return note ? `${note}\n${reason}` : reason
}
