import type { DataFile } from '../db/data-file'
import { AppFailure, fieldFailure } from '../failure'
import type {
  AgreementReport,
  Heading,
  HeadingRole,
  HeadingTemplate,
  HeadingsBudget,
  Instalment,
  ReportDue,
  ReportStatus,
} from '@shared/funds/schema'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { CurrencyCode } from '@shared/money/currencies'
import { divideHalfUp } from '@shared/money/decimal'
import { money } from '@shared/money/money'
import { CONTINGENCY_CAP_BP, DEFAULT_INDIRECT_CAP_BP, HEADING_TEMPLATES } from './heading-templates'
import { readAmount } from './money-input'

const DUE_SOON_DAYS = 30

/**
 * The terms of an agreement besides its money: reports due to the funder, the instalments it
 * plans to pay, and its budget headings with their caps.
 */
export class AgreementTermsService {
  constructor(
    private readonly file: DataFile,
    private readonly today: () => string,
  ) {}

  async reports(agreementId: string): Promise<AgreementReport[]> {
    const rows = await this.file.db
      .selectFrom('agreement_reports')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .where('deleted_at', 'is', null)
      .orderBy('due_on')
      .execute()
    const today = this.today()
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      dueOn: r.due_on,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      status: r.status,
      sentOn: r.sent_on,
      note: r.note,
      overdue: r.status === 'to_prepare' && r.due_on < today,
    }))
  }

  async addReport(
    input: {
      agreementId: string
      kind: 'interim' | 'final'
      dueOn: string
      periodFrom: string | null
      periodTo: string | null
      note: string | null
    },
    author: string,
  ): Promise<void> {
    await this.file.write(author, async (writer) => {
      await this.requireOpenAgreement(writer.trx, input.agreementId)
      await writer.insert('agreement_reports', {
        agreement_id: input.agreementId,
        kind: input.kind,
        due_on: input.dueOn,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        status: 'to_prepare',
        sent_on: null,
        note: input.note,
      })
    })
  }

  async setReportStatus(
    input: { id: string; status: ReportStatus; sentOn: string | null },
    author: string,
  ): Promise<string> {
    return this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('agreement_reports')
        .select('agreement_id')
        .where('id', '=', input.id)
        .executeTakeFirst()
      if (!row) throw new AppFailure('NOT_FOUND')
      const sentOn = input.status === 'to_prepare' ? null : (input.sentOn ?? this.today())
      await writer.update('agreement_reports', input.id, { status: input.status, sent_on: sentOn })
      return row.agreement_id
    })
  }

  async instalments(agreementId: string): Promise<Instalment[]> {
    const rows = await this.file.db
      .selectFrom('agreement_instalments')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .where('deleted_at', 'is', null)
      .orderBy('expected_on')
      .execute()
    const receipts = await this.file.db
      .selectFrom('ledger_entries')
      .select(['entry_date', 'amount_minor'])
      .where('agreement_id', '=', agreementId)
      .where('kind', '=', 'receipt')
      .execute()
    const today = this.today()
    const receivedToDate = receipts
      .filter((e) => e.entry_date <= today)
      .reduce((sum, e) => sum + e.amount_minor, 0)
    let cumulativeExpected = 0
    return rows.map((r) => {
      const expectedBefore = cumulativeExpected
      cumulativeExpected += r.amount_minor
      const cumulativeReceived = receipts
        .filter((e) => e.entry_date <= r.expected_on)
        .reduce((sum, e) => sum + e.amount_minor, 0)
      // What of this instalment is still missing today: receipts go to the earliest
      // instalments first, so what came after its date still pays it. Only a past date is late.
      const missing = Math.min(
        r.amount_minor,
        Math.max(0, cumulativeExpected - Math.max(expectedBefore, receivedToDate)),
      )
      return {
        id: r.id,
        expectedOn: r.expected_on,
        amount: r.amount_minor,
        note: r.note,
        cumulativeExpected,
        cumulativeReceived,
        missing,
        state: missing === 0 ? 'received' : r.expected_on < today ? 'late' : 'upcoming',
      } satisfies Instalment
    })
  }

  async addInstalment(
    input: { agreementId: string; expectedOn: string; amount: string; note: string | null },
    author: string,
  ): Promise<void> {
    await this.file.write(author, async (writer) => {
      const agreement = await this.requireOpenAgreement(writer.trx, input.agreementId)
      const amount = readAmount(input.amount, agreement.currency as CurrencyCode, 'amount')
      await writer.insert('agreement_instalments', {
        agreement_id: input.agreementId,
        expected_on: input.expectedOn,
        amount_minor: amount.minor,
        note: input.note,
      })
    })
  }

  async removeInstalment(id: string, author: string): Promise<string> {
    return this.file.write(author, async (writer) => {
      const row = await writer.trx
        .selectFrom('agreement_instalments')
        .select('agreement_id')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw new AppFailure('NOT_FOUND')
      await writer.archive('agreement_instalments', id)
      return row.agreement_id
    })
  }

  async budget(agreementId: string): Promise<HeadingsBudget> {
    const agreement = await this.file.db
      .selectFrom('agreements')
      .select('indirect_cost_max_bp')
      .where('id', '=', agreementId)
      .executeTakeFirstOrThrow()
    const rows = await this.file.db
      .selectFrom('agreement_headings')
      .selectAll()
      .where('agreement_id', '=', agreementId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute()
    const headings: Heading[] = rows.map((r) => ({
      id: r.id,
      code: r.code,
      label: r.label,
      role: r.role,
      amount: r.amount_minor,
    }))
    return computeBudget(headings, agreement.indirect_cost_max_bp)
  }

  /** Starts the agreement's headings from a ready structure, in the user's language. */
  async applyTemplate(
    agreementId: string,
    template: HeadingTemplate,
    language: Language,
    author: string,
  ): Promise<void> {
    await this.file.write(author, async (writer) => {
      await this.requireOpenAgreement(writer.trx, agreementId)
      const existing = await writer.trx
        .selectFrom('agreement_headings')
        .select('id')
        .where('agreement_id', '=', agreementId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      if (existing) throw fieldFailure('CONFLICT', 'template', 'errors.headingsExist')
      let position = 0
      for (const heading of HEADING_TEMPLATES[template]) {
        await writer.insert('agreement_headings', {
          agreement_id: agreementId,
          position: position++,
          code: heading.code,
          label: translate(language, heading.label),
          role: heading.role,
          amount_minor: 0,
        })
      }
    })
  }

  /**
   * Saves the headings as the user edited them (in order), refusing indirect costs or a
   * contingency reserve above their caps, on the offending line.
   */
  async saveHeadings(
    agreementId: string,
    lines: { code: string; label: string; role: HeadingRole; amount: string }[],
    author: string,
  ): Promise<void> {
    await this.file.write(author, async (writer) => {
      const agreement = await this.requireOpenAgreement(writer.trx, agreementId)
      const currency = agreement.currency as CurrencyCode
      const parsed = lines.map((line, index) => ({
        ...line,
        amount: readAmount(line.amount, currency, `headings.${index}.amount`, 'any'),
      }))
      parsed.forEach((line, index) => {
        if (line.amount.minor < 0)
          throw fieldFailure('VALIDATION', `headings.${index}.amount`, 'validation.amountPositive')
      })
      const budget = computeBudget(
        parsed.map((l, i) => ({
          id: String(i),
          code: l.code,
          label: l.label,
          role: l.role,
          amount: l.amount.minor,
        })),
        agreement.indirect_cost_max_bp,
      )
      const firstOf = (role: HeadingRole) => parsed.findIndex((l) => l.role === role)
      if (budget.indirectCap !== null && budget.indirect > budget.indirectCap) {
        throw fieldFailure(
          'VALIDATION',
          `headings.${firstOf('indirect')}.amount`,
          'errors.indirectOverCap',
          {
            cap: money(budget.indirectCap, currency),
            rate: `${(budget.indirectCapRateBp ?? 0) / 100} %`,
          },
        )
      }
      if (budget.contingency > budget.contingencyCap) {
        throw fieldFailure(
          'VALIDATION',
          `headings.${firstOf('contingency')}.amount`,
          'errors.contingencyOverCap',
          {
            cap: money(budget.contingencyCap, currency),
          },
        )
      }
      const existing = await writer.trx
        .selectFrom('agreement_headings')
        .select('id')
        .where('agreement_id', '=', agreementId)
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .execute()
      for (const [index, line] of parsed.entries()) {
        const values = {
          position: index,
          code: line.code,
          label: line.label,
          role: line.role,
          amount_minor: line.amount.minor,
        }
        const current = existing[index]
        if (current) await writer.update('agreement_headings', current.id, values)
        else await writer.insert('agreement_headings', { agreement_id: agreementId, ...values })
      }
      for (const left of existing.slice(parsed.length))
        await writer.archive('agreement_headings', left.id)
    })
  }

  private async requireOpenAgreement(db: DataFile['db'], id: string) {
    const agreement = await db
      .selectFrom('agreements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst()
    if (!agreement) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
    if (agreement.deleted_at)
      throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
    return agreement
  }
}

/** Direct subtotal, indirect and contingency lines against their caps, and the total. */
export function computeBudget(
  headings: Heading[],
  indirectCapBp: number | null,
): HeadingsBudget & { indirectCapRateBp: number | null } {
  const sumOf = (role: HeadingRole) =>
    headings.filter((h) => h.role === role).reduce((sum, h) => sum + h.amount, 0)
  const directSubtotal = sumOf('direct')
  const indirect = sumOf('indirect')
  const contingency = sumOf('contingency')
  const rate =
    indirectCapBp ?? (headings.some((h) => h.role === 'indirect') ? DEFAULT_INDIRECT_CAP_BP : null)
  const cap = (bp: number) => Number(divideHalfUp(BigInt(directSubtotal) * BigInt(bp), 10_000n))
  return {
    headings,
    directSubtotal,
    indirect,
    indirectCap: rate === null ? null : cap(rate),
    indirectCapRateBp: rate,
    contingency,
    contingencyCap: cap(CONTINGENCY_CAP_BP),
    total: directSubtotal + indirect + contingency,
  }
}

/** Reports still to prepare that are overdue or due within 30 days, for the dashboard. */
export async function reportsDue(db: DataFile['db'], today: string): Promise<ReportDue[]> {
  const soon = new Date(`${today}T00:00:00Z`)
  soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS)
  const rows = await db
    .selectFrom('agreement_reports as r')
    .innerJoin('agreements as a', 'a.id', 'r.agreement_id')
    .select(['r.agreement_id', 'a.reference', 'r.kind', 'r.due_on'])
    .where('r.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where('r.status', '=', 'to_prepare')
    .where('r.due_on', '<=', soon.toISOString().slice(0, 10))
    .orderBy('r.due_on')
    .execute()
  return rows.map((r) => ({
    agreementId: r.agreement_id,
    reference: r.reference,
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.due_on < today,
  }))
}
