import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type { OtherIncome } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { toEuro } from '@shared/money/exchange'
import type { ExchangeRatesService } from './exchange-rates-service'
import { postEntry, reverseEntriesOf } from './ledger'
import { readAmount } from './money-input'

/** Other untied income recorded by hand (interest, refunds...), posted to the ledger as untied. */
export class OtherIncomeService {
  constructor(
    private readonly file: DataFile,
    private readonly rates: ExchangeRatesService,
  ) {}

  async list(): Promise<OtherIncome[]> {
    const rows = await this.file.db
      .selectFrom('other_income')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('received_on', 'desc')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      receivedOn: r.received_on,
      label: r.label,
      amount: r.amount_minor,
      currency: r.currency as CurrencyCode,
      eurAmount: r.eur_minor,
      rate: r.rate,
      note: r.note,
    }))
  }

  async add(
    input: {
      receivedOn: string
      label: string
      currency: CurrencyCode
      amount: string
      note: string | null
      bankAccountId?: string | null
    },
    author: string,
  ): Promise<void> {
    const amount = readAmount(input.amount, input.currency, 'amount')
    await this.file.write(author, async (writer) => {
      const applied = await this.rates.rateOn(input.currency, input.receivedOn, writer.trx)
      if (!applied)
        throw fieldFailure('VALIDATION', 'currency', 'errors.noRate', {
          currency: input.currency,
          date: { day: input.receivedOn },
        })
      const eur = toEuro(amount, applied.rate)
      const id = await writer.insert('other_income', {
        received_on: input.receivedOn,
        label: input.label,
        amount_minor: amount.minor,
        currency: input.currency,
        eur_minor: eur.minor,
        rate: applied.rate,
        note: input.note,
      })
      await postEntry(writer, {
        entryDate: input.receivedOn,
        kind: 'other_income',
        fundClass: 'untied',
        agreementId: null,
        nature: null,
        amount,
        eurMinor: eur.minor,
        rate: applied.rate,
        source: { table: 'other_income', id },
        bankAccountId: input.bankAccountId,
      })
    })
  }

  /** Cancels income recorded by mistake: archived, its entry reversed with the reason given. */
  async cancel(id: string, reason: string, author: string): Promise<void> {
    await this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('other_income')
        .select('deleted_at')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw new AppFailure('NOT_FOUND')
      if (row.deleted_at) return
      await writer.archive('other_income', id)
      await reverseEntriesOf(writer, { table: 'other_income', id }, reason)
    })
  }
}
