import type { RecordWriter } from '../../changelog/record-writer'
import type { DataFile } from '../../db/data-file'
import { AppFailure, fieldFailure } from '../../failure'
import { postEntry, reverseEntriesOf } from '../ledger'
import { OVERHEAD_SOURCE, directCosts, overheadPosition } from './overhead-position'
import type { OverheadPostInput } from '@shared/funds/overhead'
import type { CurrencyCode } from '@shared/money/currencies'
import { atReceiptsRate, impliedRate } from '@shared/money/exchange'
import { money } from '@shared/money/money'

/** The reason kept on postings cancelled because the allowed amount went down. */
export const RECOMPUTED = 'recomputed'

/**
 * Posts the overhead the agreement allows on a day: brings what was moved to the untied fund
 * to min(cap, posted + available). Up: one new posting of the difference. Down (spending
 * cancelled since): the newest postings are cancelled whole — archived, their entries
 * reversed — and the difference to the new amount posted anew. A posting is never changed.
 * Each posting is one money event: an `expense` of the agreement (charged to its indirect
 * heading, if it has one) and `other_income` of the untied fund, in the same transaction as the
 * record and its change log.
 */
export async function postOverhead(
  file: DataFile,
  input: Required<Pick<OverheadPostInput, 'agreementId' | 'postedOn'>> & { note?: string | null },
  author: string,
): Promise<void> {
  await file.write(author, async (writer) => {
    const db = writer.trx
    const agreement = await db
      .selectFrom('agreements')
      .selectAll()
      .where('id', '=', input.agreementId)
      .executeTakeFirst()
    if (!agreement) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
    if (agreement.deleted_at)
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
    if (agreement.earmarking === 'untied')
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.overheadUntied')
    if (input.postedOn < agreement.starts_on)
      throw fieldFailure('VALIDATION', 'postedOn', 'errors.overheadBeforeStart', {
        date: { day: agreement.starts_on },
      })
    const position = await overheadPosition(db, agreement.id, input.postedOn)
    if (!position) throw new AppFailure('NOT_FOUND')
    if (position.rateBp === null)
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.overheadNoRate')
    const live = position.postings.filter((p) => p.cancelReason === null)
    const last = live.at(-1)
    if (last && input.postedOn < last.postedOn)
      throw fieldFailure('VALIDATION', 'postedOn', 'errors.overheadBeforeLast', {
        date: { day: last.postedOn },
      })
    if (position.toPost === 0)
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.overheadNothing')
    const target = position.posted + position.toPost
    let remaining = position.posted
    for (const posting of [...live].reverse()) {
      if (remaining <= target) break
      await writer.update(OVERHEAD_SOURCE, posting.id, { cancel_reason: RECOMPUTED })
      await writer.archive(OVERHEAD_SOURCE, posting.id)
      await reverseEntriesOf(writer, { table: OVERHEAD_SOURCE, id: posting.id }, RECOMPUTED)
      remaining -= posting.amount
    }
    if (target > remaining) {
      await writePosting(writer, agreement, input, {
        amount: target - remaining,
        rateBp: position.rateBp,
        base: position.directCosts,
      })
    }
  })
}

async function writePosting(
  writer: RecordWriter,
  agreement: { id: string; currency: string },
  input: { agreementId: string; postedOn: string; note?: string | null },
  posting: { amount: number; rateBp: number; base: number },
): Promise<void> {
  const currency = agreement.currency as CurrencyCode
  // In euros at the rate its direct costs were spent at: the overhead is their share.
  const direct = await directCosts(writer.trx, agreement.id, input.postedOn)
  const isEuro = currency === 'EUR'
  const eur =
    isEuro || direct.native === 0
      ? posting.amount
      : atReceiptsRate(posting.amount, direct.eur, direct.native)
  const rate = isEuro || direct.eur === 0 ? '1' : impliedRate(direct.native, currency, direct.eur)
  const id = await writer.insert(OVERHEAD_SOURCE, {
    agreement_id: agreement.id,
    posted_on: input.postedOn,
    rate_bp: posting.rateBp,
    base_minor: posting.base,
    amount_minor: posting.amount,
    currency,
    eur_minor: eur,
    rate,
    note: input.note ?? null,
    cancel_reason: null,
  })
  const source = { table: OVERHEAD_SOURCE, id }
  const headingCode = await indirectHeading(writer, agreement.id)
  await postEntry(writer, {
    entryDate: input.postedOn,
    kind: 'expense',
    fundClass: 'tied',
    agreementId: agreement.id,
    nature: 'operating',
    amount: money(posting.amount, currency),
    eurMinor: eur,
    rate,
    source,
    headingCode,
    dateField: 'postedOn',
  })
  await postEntry(writer, {
    entryDate: input.postedOn,
    kind: 'other_income',
    fundClass: 'untied',
    agreementId: null,
    nature: null,
    amount: money(eur, 'EUR'),
    eurMinor: eur,
    rate: '1',
    source,
    dateField: 'postedOn',
  })
}

/** The agreement's first indirect heading (the EU's « 8. Coûts indirects »), if it has one. */
async function indirectHeading(writer: RecordWriter, agreementId: string): Promise<string | null> {
  const row = await writer.trx
    .selectFrom('agreement_headings')
    .select('code')
    .where('agreement_id', '=', agreementId)
    .where('role', '=', 'indirect')
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .executeTakeFirst()
  return row?.code ?? null
}
