import type { Session } from '../app/session'
import type { AgreementDetail } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import type { Language } from '@shared/i18n/locale'

/** Cell values as exported: text, numbers, or ISO dates (written as Excel dates). */
export type ExportRow = Record<string, string | number | null>

/** Rows drawn from every agreement's page (its receipts, its amendments). */
export async function perAgreement(
  reader: RegisterReader,
  rowsOf: (agreement: AgreementRecords) => ExportRow[],
): Promise<ExportRow[]> {
  return (await reader.agreementRecords()).flatMap(rowsOf)
}

/** An agreement's reference and currency with the rows of its four child registers. */
export interface AgreementRecords extends Pick<AgreementDetail, 'reference' | 'currency'> {
  receipts: Pick<
    AgreementDetail['receipts'][number],
    'receivedOn' | 'amount' | 'currency' | 'rate' | 'rateSource' | 'bankReference' | 'note'
  >[]
  amendments: Pick<
    AgreementDetail['amendments'][number],
    'signedOn' | 'amountChange' | 'newEndsOn' | 'note'
  >[]
  instalments: Pick<AgreementDetail['instalments'][number], 'expectedOn' | 'amount' | 'note'>[]
  reports: Pick<
    AgreementDetail['reports'][number],
    'kind' | 'dueOn' | 'periodFrom' | 'periodTo' | 'status' | 'sentOn' | 'note'
  >[]
}

/**
 * What the export reads once for several registers: four registers list the records of every
 * agreement, and two name programmes (by their name in the export's language).
 */
export class RegisterReader {
  private records: Promise<AgreementRecords[]> | null = null
  private programmes: Promise<Map<string, string>> | null = null

  constructor(
    private readonly session: Session,
    readonly language: Language,
  ) {}

  async agreementRecords(): Promise<AgreementRecords[]> {
    this.records ??= readAgreementRecords(this.session)
    return this.records
  }

  /** Each programme's name in the export's language, by its code. */
  async programmeNames(): Promise<(code: string | null) => string | null> {
    this.programmes ??= this.session.programmes.labels(this.language)
    const names = await this.programmes
    return (code) => (code === null ? null : (names.get(code) ?? code))
  }
}

/** Every agreement's child records in one query per table, not one agreement at a time. */
async function readAgreementRecords(session: Session): Promise<AgreementRecords[]> {
  const db = session.file.db
  const byAgreement = <Row extends { agreement_id: string }>(rows: Row[]) => {
    const grouped = new Map<string, Row[]>()
    for (const row of rows) {
      const group = grouped.get(row.agreement_id)
      if (group) group.push(row)
      else grouped.set(row.agreement_id, [row])
    }
    return (id: string) => grouped.get(id) ?? []
  }
  const receipts = byAgreement(
    await db
      .selectFrom('receipts')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('received_on')
      .execute(),
  )
  const amendments = byAgreement(
    await db
      .selectFrom('agreement_amendments')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('signed_on')
      .execute(),
  )
  const instalments = byAgreement(
    await db
      .selectFrom('agreement_instalments')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('expected_on')
      .execute(),
  )
  const reports = byAgreement(
    await db
      .selectFrom('agreement_reports')
      .selectAll()
      .where('deleted_at', 'is', null)
      .orderBy('due_on')
      .execute(),
  )
  return (await session.agreements.list({ includeArchived: true })).map((agreement) => ({
    reference: agreement.reference,
    currency: agreement.currency,
    receipts: receipts(agreement.id).map((r) => ({
      receivedOn: r.received_on,
      amount: r.amount_minor,
      currency: r.currency as CurrencyCode,
      rate: r.rate,
      rateSource: r.rate_source,
      bankReference: r.bank_reference,
      note: r.note,
    })),
    amendments: amendments(agreement.id).map((a) => ({
      signedOn: a.signed_on,
      amountChange: a.amount_change_minor,
      newEndsOn: a.new_ends_on,
      note: a.note,
    })),
    instalments: instalments(agreement.id).map((i) => ({
      expectedOn: i.expected_on,
      amount: i.amount_minor,
      note: i.note,
    })),
    reports: reports(agreement.id).map((r) => ({
      kind: r.kind,
      dueOn: r.due_on,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      status: r.status,
      sentOn: r.sent_on,
      note: r.note,
    })),
  }))
}
