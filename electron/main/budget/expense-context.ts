import type { Selectable, Transaction } from 'kysely'
import { readOnce } from '../db/read-once'
import type { AgreementsTable, Database } from '../db/schema'
import { fieldFailure } from '../failure'
import { assertHeadingOf } from '../funds/heading-check'
import { agreementFigures, emptyFigures, untiedUnallocated } from '../funds/ledger'

/**
 * The line an expense is charged to: an expense line of the year's latest budget version that
 * follows its own expenses. Its nature decides what agreements may pay it.
 */
async function expenseLineOf(db: Transaction<Database>, year: number, lineKey: string) {
  return lineNature(
    await db
      .selectFrom('budget_items as i')
      .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
      .select(['i.nature', 'i.tracks', 'i.direction', 'i.item_kind'])
      .where('i.line_key', '=', lineKey)
      .where('v.year', '=', year)
      .where('i.deleted_at', 'is', null)
      .where('v.deleted_at', 'is', null)
      .orderBy('v.number', 'desc')
      .executeTakeFirst(),
    year,
  )
}

/** Every year's lines as {@link expenseLineOf} reads one: each in its year's latest version. */
async function everyLine(db: Transaction<Database>) {
  const lines = await db
    .selectFrom('budget_items as i')
    .innerJoin('budget_versions as v', 'v.id', 'i.version_id')
    .select(['v.year', 'i.line_key', 'i.nature', 'i.tracks', 'i.direction', 'i.item_kind'])
    .where('i.deleted_at', 'is', null)
    .where('v.deleted_at', 'is', null)
    .orderBy('v.number', 'desc')
    .execute()
  const latest = new Map<string, (typeof lines)[number]>()
  for (const line of lines) {
    const key = `${line.year}|${line.line_key}`
    if (!latest.has(key)) latest.set(key, line)
  }
  return latest
}

function lineNature(
  line:
    | { nature: string | null; tracks: string | null; direction: string | null; item_kind: string }
    | undefined,
  year: number,
) {
  if (
    !line ||
    line.item_kind !== 'line' ||
    line.direction !== 'expense' ||
    (line.tracks !== null && line.tracks !== 'expenses')
  ) {
    throw fieldFailure('VALIDATION', 'lineKey', 'errors.expenseLineUnknown', { year })
  }
  return { nature: (line.nature ?? 'operating') as 'operating' | 'investment' }
}

/**
 * An agreement pays an expense of its period and nature, unless it is tied to named projects.
 * The fields named: the form's own, or a share's row (`shares.rows.2.agreementId`) for a shared one.
 */
export function assertAgreementPays(
  agreement: {
    reference: string
    earmarking: string
    nature: string
    starts_on: string
    ends_on: string
  },
  nature: string,
  spentOn: string,
  fields: { agreement: string; date: string } = { agreement: 'agreementId', date: 'spentOn' },
): void {
  if (agreement.earmarking === 'projects') {
    throw fieldFailure('VALIDATION', fields.agreement, 'errors.expenseAgreementForProjects', {
      reference: agreement.reference,
    })
  }
  if (spentOn < agreement.starts_on || spentOn > agreement.ends_on) {
    throw fieldFailure('VALIDATION', fields.date, 'errors.expenseOutsideAgreement', {
      reference: agreement.reference,
      startsOn: { day: agreement.starts_on },
      endsOn: { day: agreement.ends_on },
    })
  }
  if (agreement.nature !== 'mixed' && agreement.nature !== nature) {
    throw fieldFailure('VALIDATION', fields.agreement, 'errors.expenseNatureMismatch', {
      reference: agreement.reference,
      nature: { message: `agreements.nature.${agreement.nature as 'operating' | 'investment'}` },
    })
  }
}

/**
 * What one action writing expenses reads once: each fund's free money, the lines charged, the
 * paying agreements and their headings.
 */
export class ExpenseContext {
  readonly free: FreeMoney
  private readonly lines = new Map<string, Promise<{ nature: 'operating' | 'investment' }>>()
  private readonly agreements = new Map<string, Promise<AgreementRow | undefined>>()
  private readonly headings = new Map<string, Promise<string | null>>()
  private readonly closings = new Map<string, Promise<string | null>>()

  constructor(readonly db: Transaction<Database>) {
    this.free = new FreeMoney(db)
  }

  line(year: number, lineKey: string) {
    return readOnce(this.lines, `${year}|${lineKey}`, async () => {
      const every = await this.everyLine
      return every
        ? lineNature(every.get(`${year}|${lineKey}`), year)
        : expenseLineOf(this.db, year, lineKey)
    })
  }

  /** Every line, read at once when {@link readEveryLine} was asked (null: each line alone). */
  private everyLine: Promise<Awaited<ReturnType<typeof everyLine>> | null> = Promise.resolve(null)

  /**
   * Reads every year's lines at once, rather than each line when an expense first names it:
   * for the thousands of expenses of an import, whose lines would otherwise be read one by one
   * as they come, each read waiting behind the statements written before it.
   */
  readEveryLine(): void {
    if (this.everyLineAsked) return
    this.everyLineAsked = true
    this.everyLine = everyLine(this.db)
    // Awaited by the first line asked for; a failure with no line asked is not left unheard.
    this.everyLine.catch(() => undefined)
  }

  private everyLineAsked = false

  agreement(id: string) {
    return readOnce(this.agreements, id, () =>
      this.db
        .selectFrom('agreements')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst(),
    )
  }

  heading(agreementId: string, code: string | null, field = 'headingCode') {
    return readOnce(this.headings, `${field}|${agreementId}|${code ?? ''}`, () =>
      assertHeadingOf(this.db, agreementId, code, field, true),
    )
  }

  /** The day the agreement was closed on, if a closing is in force (nothing is spent on it). */
  closedOn(agreementId: string) {
    return readOnce(this.closings, agreementId, async () => {
      const row = await this.db
        .selectFrom('agreement_closings')
        .select('closed_on')
        .where('agreement_id', '=', agreementId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      return row?.closed_on ?? null
    })
  }
}

export type AgreementRow = Selectable<AgreementsTable>

/**
 * What the untied fund and each agreement still have free, read from the ledger the first time
 * it is asked within a transaction and then lowered by each expense written in it.
 */
export class FreeMoney {
  private untiedFree: number | null = null
  private readonly agreementFree = new Map<string, number>()

  constructor(private readonly db: Transaction<Database>) {}

  /**
   * Spent from the untied fund before its free money was first read (by an untied grant, whose
   * expenses are the fund's): the read does not see it, the action's entries being written at
   * its end.
   */
  private untiedSpentUnread = 0

  async untied(): Promise<number> {
    this.untiedFree ??= (await untiedUnallocated(this.db)) - this.untiedSpentUnread
    return this.untiedFree
  }

  async ofAgreement(id: string): Promise<number> {
    let free = this.agreementFree.get(id)
    if (free === undefined) {
      free =
        (await agreementFigures(this.db, '9999-12-31', [id])).get(id)?.native.unallocated ??
        emptyFigures().unallocated
      this.agreementFree.set(id, free)
    }
    return free
  }

  spendUntied(eurMinor: number): void {
    if (this.untiedFree !== null) this.untiedFree -= eurMinor
    else this.untiedSpentUnread += eurMinor
  }

  /**
   * The action's entries are written: a read of the untied fund from now on sees what was spent
   * unread, which must then not be taken off again (an import's next action, sharing this
   * reading, would count an untied grant's expenses twice).
   */
  written(): void {
    if (this.untiedFree === null) this.untiedSpentUnread = 0
  }

  /**
   * Forgets every fund's free money, to be read again from the ledger: after a cancellation,
   * which frees money these figures do not count. (Called between actions: what was spent is
   * written, {@link written}.)
   */
  forget(): void {
    this.untiedFree = null
    this.untiedSpentUnread = 0
    this.agreementFree.clear()
  }

  spendFromAgreement(id: string, minor: number): void {
    const free = this.agreementFree.get(id)
    if (free !== undefined) this.agreementFree.set(id, free - minor)
  }
}
