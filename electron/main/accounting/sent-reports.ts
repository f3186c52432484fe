import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { fieldFailure } from '../failure'
import {
  SENDABLE_REPORTS,
  type SentReportView,
  type markSentInput,
} from '@shared/accounting/schema'
import type { Language } from '@shared/i18n/locale'
import type { ReportDocument, reportRequest } from '@shared/reports/model'

type Request = z.output<typeof reportRequest>
type MarkSent = z.output<typeof markSentInput>

/** The figures of a report, without when it was made: what a digest is taken of. */
function figuresOf(report: ReportDocument): ReportDocument['sheets'] {
  return report.sheets
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex')
}

/**
 * Each row of a report that names an agreement in its first cell, by the agreement's
 * reference: a report of many agreements (the fund position, the dedicated funds) changes for
 * one agreement when that agreement's rows change.
 */
function rowDigests(
  report: ReportDocument,
  references: ReadonlySet<string>,
): Record<string, string> {
  const rows: Record<string, unknown[]> = {}
  for (const sheet of report.sheets) {
    for (const table of sheet.tables) {
      for (const row of table.rows) {
        const first = row.cells[0]
        if (first?.kind !== 'text' || !references.has(first.text)) continue
        ;(rows[first.text] ??= []).push(row.cells)
      }
    }
  }
  return Object.fromEntries(
    Object.entries(rows).map(([reference, cells]) => [reference, sha256(cells)]),
  )
}

/**
 * Reports sent to funders, archived as they were sent: the request (its dates made explicit, so
 * that it can be made again), the figures and their digest. Made again today, a report whose
 * digest differs says that a correction touched a period already reported.
 */
export class SentReportsService {
  constructor(
    private readonly file: DataFile,
    private readonly build: (request: Request, language: Language) => Promise<ReportDocument>,
    private readonly today: () => string,
  ) {}

  async markSent(input: MarkSent, language: Language, author: string): Promise<SentReportView> {
    const kind = input.request.kind
    if (!(SENDABLE_REPORTS as readonly string[]).includes(kind)) {
      throw fieldFailure('VALIDATION', 'request.kind', 'accounting.errors.notSendable')
    }
    // "To today" becomes the day it was sent for: made again later, it shows the same period.
    const request: Request = {
      ...input.request,
      to: input.request.to ?? (kind === 'dedicated-funds' ? null : this.today()),
      language: input.request.language ?? language,
    }
    const report = await this.build(request, request.language ?? language)
    const references = await this.references()
    const id = await this.file.write(author, async (writer) =>
      writer.insert('sent_reports', {
        kind,
        agreement_id: kind === 'donor' ? request.agreementId : null,
        title: report.title,
        request: JSON.stringify(request),
        sent_on: input.sentOn,
        recipient: input.recipient,
        note: input.note,
        format: input.format,
        digest: sha256(figuresOf(report)),
        row_digests: JSON.stringify(rowDigests(report, references)),
        figures: JSON.stringify(figuresOf(report)),
      }),
    )
    const [view] = await this.views([id], null)
    if (!view) throw new Error('sent report not written')
    return view
  }

  /** The reports sent, newest first; for an agreement, those whose figures concern it. */
  async list(agreementId: string | null): Promise<SentReportView[]> {
    const rows = await this.file.db
      .selectFrom('sent_reports')
      .select(['id', 'kind', 'agreement_id', 'row_digests'])
      .where('deleted_at', 'is', null)
      .orderBy('sent_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute()
    let ids = rows.map((row) => row.id)
    if (agreementId) {
      const reference = (
        await this.file.db
          .selectFrom('agreements')
          .select('reference')
          .where('id', '=', agreementId)
          .executeTakeFirst()
      )?.reference
      ids = rows
        .filter(
          (row) =>
            row.agreement_id === agreementId ||
            (row.kind !== 'donor' &&
              reference !== undefined &&
              reference in (JSON.parse(row.row_digests) as Record<string, string>)),
        )
        .map((row) => row.id)
    }
    return this.views(ids, agreementId)
  }

  private async references(): Promise<Set<string>> {
    const rows = await this.file.db.selectFrom('agreements').select('reference').execute()
    return new Set(rows.map((row) => row.reference))
  }

  private async views(
    ids: readonly string[],
    agreementId: string | null,
  ): Promise<SentReportView[]> {
    if (ids.length === 0) return []
    const db = this.file.db
    const rows = await db
      .selectFrom('sent_reports as s')
      .leftJoin('agreements as a', 'a.id', 's.agreement_id')
      .selectAll('s')
      .select('a.reference as agreement_reference')
      .where('s.id', 'in', ids)
      .execute()
    const authors = new Map(
      (
        await db
          .selectFrom('change_log')
          .select(['row_id', 'author'])
          .where('table_name', '=', 'sent_reports')
          .where('op', '=', 'insert')
          .where('row_id', 'in', ids)
          .execute()
      ).map((r) => [r.row_id, r.author]),
    )
    const ownReference = agreementId
      ? ((
          await db
            .selectFrom('agreements')
            .select('reference')
            .where('id', '=', agreementId)
            .executeTakeFirst()
        )?.reference ?? null)
      : null
    const references = await this.references()
    const views: SentReportView[] = []
    for (const id of ids) {
      const row = rows.find((r) => r.id === id)
      if (!row) continue
      const request = JSON.parse(row.request) as Request
      const now = await this.build(request, request.language ?? 'fr')
      const currentDigest = sha256(figuresOf(now))
      const kept = JSON.parse(row.row_digests) as Record<string, string>
      const current = rowDigests(now, references)
      const changedRows = [...new Set([...Object.keys(kept), ...Object.keys(current)])]
        .filter((reference) => kept[reference] !== current[reference])
        .sort()
      // On an agreement's page, a report of many agreements has changed if that agreement's rows did.
      const changed =
        row.kind !== 'donor' && ownReference !== null
          ? changedRows.includes(ownReference)
          : currentDigest !== row.digest
      views.push({
        id: row.id,
        kind: row.kind,
        agreementId: row.agreement_id,
        agreementReference: row.agreement_reference ?? null,
        title: row.title,
        sentOn: row.sent_on,
        recipient: row.recipient,
        note: row.note,
        format: row.format,
        digest: row.digest,
        currentDigest,
        changed,
        changedRows,
        sentBy: authors.get(row.id) ?? null,
      })
    }
    return views
  }
}
