import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { ClosureView, LateEntry, PeriodsView } from '@shared/accounting/schema'
import { deriveRange } from './books'
import { loadClosures, nextDay } from './closures'
import { booksDigest } from './digest'
import { describeRow } from './entry-labels'
import { freeze } from './frozen'
import { ledgerRowsById } from './ledger-rows'
import type { AgreementYear } from './agreement-year'

/**
 * Closed periods. Closing through a day (the end of a month or a year) closes every day up to
 * it that was still open: their entries' numbers become final, every write dated in them is
 * refused (period-guard.ts), and the closing keeps its entries, the digest of its books and the
 * plan they were made with. Only the latest closing can be reopened, with a reason.
 */
export class PeriodsService {
  constructor(
    private readonly file: DataFile,
    private readonly today: () => string,
    private readonly language: () => Language,
  ) {}

  async view(): Promise<PeriodsView> {
    const db = this.file.db
    const closures = await loadClosures(db)
    const authors = new Map<string, string>()
    if (closures.list.length > 0) {
      for (const row of await db
        .selectFrom('change_log')
        .select(['row_id', 'author'])
        .where('table_name', '=', 'period_closures')
        .where('op', '=', 'insert')
        .execute()) {
        authors.set(row.row_id, row.author)
      }
    }
    const views: ClosureView[] = closures.list.map((closure, index) => ({
      id: closure.id,
      closesThrough: closure.closesThrough,
      previousThrough: closure.previousThrough,
      closedOn: closure.closedOn,
      closedBy: authors.get(closure.id) ?? null,
      entries: closure.entryCount,
      journals: closure.journals,
      digest: closure.digest,
      note: closure.note,
      canReopen: index === closures.list.length - 1,
    }))
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate(this.language(), key, params)
    const late: LateEntry[] = (await ledgerRowsById(db, closures.currentlyLate)).map((row) => ({
      ledgerId: row.id,
      entryDate: row.entry_date,
      bookedOn: closures.bookedOn(row.id, row.entry_date),
      kind: row.kind,
      eurMinor: row.eur_minor,
      label: describeRow(row, t).label,
    }))
    return { closedThrough: closures.closedThrough, closures: views.reverse(), lateEntries: late }
  }

  async close(through: string, note: string | null, author: string): Promise<PeriodsView> {
    const today = this.today()
    await this.file.write(author, async (writer) => {
      const db = writer.trx
      const closures = await loadClosures(db)
      const previous = closures.closedThrough
      if (previous !== null && through <= previous) {
        throw fieldFailure('CONFLICT', 'through', 'accounting.errors.closeNotAfter', {
          through: previous,
        })
      }
      if (through >= today) {
        throw fieldFailure('CONFLICT', 'through', 'accounting.errors.closeFuture', { through })
      }
      const { entries, context } = await deriveRange(
        db,
        previous,
        through,
        { today, language: 'fr' },
        closures,
      )
      const members: string[] = []
      const late: string[] = []
      for (const entry of entries) {
        if (entry.origin.kind !== 'ledger') continue
        members.push(entry.origin.ledgerId)
        if (previous !== null && entry.origin.entryDate <= previous)
          late.push(entry.origin.ledgerId)
      }
      // The year-end figures of every year this closing ends are kept as they are now.
      const yearEnds: Record<string, AgreementYear[]> = {}
      const fromYear = previous === null ? 0 : Number(nextDay(previous).slice(0, 4))
      for (const list of context.years.values()) {
        for (const item of list) {
          const end = `${item.year}-12-31`
          if (item.year >= fromYear && end <= through && (previous === null || end > previous)) {
            ;(yearEnds[String(item.year)] ??= []).push(item)
          }
        }
      }
      const { digest, journals } = booksDigest(entries)
      await writer.insert('period_closures', {
        closes_through: through,
        previous_through: previous,
        closed_on: today,
        ledger_ids: members.sort().join('\n'),
        late_ids: late.sort().join('\n'),
        entry_count: members.length,
        journals: JSON.stringify(journals),
        digest,
        frozen: JSON.stringify(freeze(context.rules.current, yearEnds)),
        note,
      })
    })
    return this.view()
  }

  async reopen(id: string, reason: string, author: string): Promise<PeriodsView> {
    await this.file.write(author, async (writer) => {
      const closures = await loadClosures(writer.trx)
      const closure = closures.list.find((c) => c.id === id)
      if (!closure) throw new AppFailure('NOT_FOUND', 'accounting.errors.closureUnknown')
      if (closures.list.at(-1)?.id !== id) {
        throw new AppFailure('CONFLICT', 'accounting.errors.reopenNotLast')
      }
      await writer.update('period_closures', id, { reopen_reason: reason })
      await writer.archive('period_closures', id)
    })
    return this.view()
  }
}
