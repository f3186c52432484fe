import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { z } from 'zod'
import type { DataFile } from '../db/data-file'
import { AppFailure } from '../failure'
import type { OrganisationService } from '../organisation/organisation-service'
import { writeExportFile } from '../reports/export-file'
import { fittedTable, type TableEntry } from '../reports/fitted-table'
import { pdfInfo, renderPdf } from '../reports/pdf-document'
import {
  DEFAULT_LETTERS,
  LETTER_KINDS,
  type LetterJobProgress,
  type LetterJobResult,
  type LetterTemplate,
  fillLetter,
  type letterBatchInput,
  type letterTemplateInput,
} from '@shared/dues/letters'
import type { DuesCall } from '@shared/dues/schema'
import { ofMember, salutation, withGrammarFields } from '@shared/dues/letter-grammar'
import { settlementsText } from '@shared/dues/settlements-text'
import { formatDate } from '@shared/i18n/format-dates'
import { LANGUAGES, type Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import type { Organisation } from '@shared/organisation/schema'
import { arrearsByAge, duesCalls, duesPayments } from './dues-accounts'

type Batch = z.output<typeof letterBatchInput>

/** A4 inside the letters' 56 pt margins. */
const LETTER_WIDTH = 595.28 - 112
/** The tables' font sizes, largest first: a table takes the first at which it fits. */
const LETTER_TABLE_SIZES = [10, 9, 8.5, 8] as const

/** How many letters one step of a batch renders: small enough for a smooth progress bar. */
const LETTERS_PER_STEP = 10

interface Job {
  batch: Batch
  language: Language
  target: string
  done: number
  /** Letters of a batch into one PDF, kept until the last step renders them together. */
  pages: Content[][]
  written: number
}

/**
 * The dues letters — call, reminder with the statement, receipt, statement — from templates
 * the secretariat may edit (kept in the file), in French or English, one at a time or in
 * batches, into one PDF or a PDF each in a folder, step by step so that the window can show
 * the progress.
 */
export class LettersService {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly file: DataFile,
    private readonly organisation: OrganisationService,
    private readonly today: () => string,
  ) {}

  async templates(): Promise<LetterTemplate[]> {
    const stored = await this.file.db
      .selectFrom('letter_templates')
      .selectAll()
      .where('deleted_at', 'is', null)
      .execute()
    return LANGUAGES.flatMap((language) =>
      LETTER_KINDS.map((kind) => {
        const own = stored.find((s) => s.kind === kind && s.language === language)
        return own
          ? { kind, language, subject: own.subject, body: own.body, isDefault: false }
          : { kind, language, ...DEFAULT_LETTERS[language][kind], isDefault: true }
      }),
    )
  }

  async saveTemplate(input: z.output<typeof letterTemplateInput>, author: string) {
    await this.file.write(author, async (writer) => {
      const existing = await writer.trx
        .selectFrom('letter_templates')
        .select('id')
        .where('kind', '=', input.kind)
        .where('language', '=', input.language)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
      const values = {
        kind: input.kind,
        language: input.language,
        subject: input.subject,
        body: input.body,
      }
      if (existing) await writer.update('letter_templates', existing.id, values)
      else await writer.insert('letter_templates', values)
    })
    return this.templates()
  }

  /** Starts a batch once the user chose where it goes (`target`: a PDF file or a folder). */
  begin(batch: Batch, language: Language, target: string): LetterJobProgress {
    const jobId = randomUUID()
    this.jobs.set(jobId, { batch, language, target, done: 0, pages: [], written: 0 })
    return { jobId, done: 0, total: batch.ids.length }
  }

  /** Renders the next letters of a batch; the last step writes the PDF. */
  async step(jobId: string): Promise<LetterJobProgress & { result: LetterJobResult | null }> {
    const job = this.jobs.get(jobId)
    if (!job) throw new AppFailure('NOT_FOUND')
    const organisation = await this.organisation.get()
    const templates = await this.templates()
    const template = templates.find((t) => t.kind === job.batch.kind && t.language === job.language)
    if (!template) throw new AppFailure('NOT_FOUND')
    const ids = job.batch.ids.slice(job.done, job.done + LETTERS_PER_STEP)
    for (const id of ids) {
      const letter = await this.letter(job.batch, id, template, organisation, job.language)
      if (job.batch.into === 'folder') {
        await writeExportFile(
          join(job.target, `${letter.name}.pdf`),
          await renderPdf(document([letter.content], organisation, job.language, letter.subject)),
        )
        job.written += 1
      } else {
        job.pages.push(letter.content)
      }
      job.done += 1
    }
    const total = job.batch.ids.length
    if (job.done < total) return { jobId, done: job.done, total, result: null }
    this.jobs.delete(jobId)
    if (job.batch.into === 'pdf') {
      await writeExportFile(
        job.target,
        await renderPdf(
          document(
            job.pages,
            organisation,
            job.language,
            translate(job.language, `letters.kind_${job.batch.kind}`),
          ),
        ),
      )
      job.written = job.pages.length
    }
    return { jobId, done: total, total, result: { path: job.target, letters: job.written } }
  }

  cancel(jobId: string): void {
    this.jobs.delete(jobId)
  }

  /** One letter: its content and the name of its file. */
  private async letter(
    batch: Batch,
    id: string,
    template: LetterTemplate,
    organisation: Organisation,
    language: Language,
  ): Promise<{ name: string; subject: string; content: Content[] }> {
    const t = (key: Parameters<typeof translate>[1]) => translate(language, key)
    const amount = (minor: number, currency: CurrencyCode) =>
      formatMoney(money(minor, currency), language)
    const day = (iso: string | null) => formatDate(iso, language)
    const db = this.file.db
    const memberOf = async (memberId: string) => {
      const member = await db
        .selectFrom('members')
        .selectAll()
        .where('id', '=', memberId)
        .executeTakeFirst()
      if (!member) throw new AppFailure('NOT_FOUND')
      return member
    }
    const right = (text: string) => ({ text, alignment: 'right' as const, noWrap: true })
    const heading = (key: Parameters<typeof translate>[1]) => ({ text: t(key), bold: true })
    const sized = (rows: TableEntry[][], headerRows: number): Content =>
      fittedTable(rows, {
        width: LETTER_WIDTH,
        sizes: LETTER_TABLE_SIZES,
        headerRows,
        margin: [0, 8, 0, 8],
      })
    const callRows = (calls: DuesCall[]): Content =>
      sized(
        [
          (
            [
              'dues.calls.number',
              'dues.year',
              'dues.calls.amount',
              'dues.calls.paid',
              'dues.calls.outstanding',
              'dues.calls.dueOn',
            ] as const
          ).map(heading),
          ...calls.map((c) => [
            c.number,
            String(c.year),
            right(amount(c.amount, c.currency)),
            right(amount(c.paid, c.currency)),
            right(amount(c.outstanding, c.currency)),
            { text: day(c.dueOn), noWrap: true },
          ]),
        ],
        1,
      )
    let fields: Record<string, string>
    let table: Content | null = null
    let name: string
    let member
    if (batch.kind === 'receipt') {
      const [payment] = await duesPayments(db, { ids: [id] })
      if (!payment) throw new AppFailure('NOT_FOUND')
      member = await memberOf(payment.memberId)
      fields = {
        montant: amount(payment.amount, payment.currency),
        date: day(payment.receivedOn),
        numero: `R-${payment.receivedOn.replaceAll('-', '')}-${payment.id.slice(-6)}`,
      }
      const settled = [
        ...payment.settlements.map((s) => [
          `${s.callNumber} (${s.year})`,
          right(amount(s.amount, s.currency)),
        ]),
        ...(payment.credit > 0
          ? [[t('dues.payments.credit'), right(amount(payment.credit, payment.currency))]]
          : []),
      ]
      // A voluntary contribution settles no call: its receipt has no table (pdfmake cannot
      // draw a table without rows).
      table = settled.length > 0 ? sized(settled, 0) : null
      name = `${member.code}-recu-${payment.receivedOn}`
    } else if (batch.kind === 'call') {
      const [call] = await duesCalls(db, { ids: [id] })
      if (!call) throw new AppFailure('NOT_FOUND')
      member = await memberOf(call.memberId)
      fields = {
        annee: String(call.year),
        montant: amount(call.amount, call.currency),
        echeance: day(call.dueOn),
        numero: call.number,
      }
      name = `${member.code}-${call.number}`
    } else {
      member = await memberOf(id)
      const all = await duesCalls(db, { memberId: id })
      const live = all.filter((c) => c.status !== 'cancelled')
      const arrears = arrearsByAge(live, this.today()).total
      const shown =
        batch.kind === 'reminder'
          ? live.filter((c) => c.outstanding > 0)
          : live.filter(
              (c) =>
                (!batch.from || c.calledOn >= batch.from) && (!batch.to || c.calledOn <= batch.to),
            )
      fields = { arrieres: amount(arrears, 'EUR') }
      table = shown.length ? callRows(shown) : null
      if (batch.kind === 'reminder' && shown.some((c) => c.paid > 0)) {
        // What was already paid on the calls still owed, payment by payment: the member sees
        // which call each of its payments settled, as it was chosen when it was recorded.
        const owed = new Map(shown.map((c) => [c.id, c]))
        const settled = (await duesPayments(db, { memberId: id })).flatMap((p) =>
          p.settlements
            .filter((s) => owed.has(s.callId))
            .map((s) => [
              { text: day(p.receivedOn), noWrap: true },
              s.callNumber,
              right(amount(s.amount, s.currency)),
            ]),
        )
        if (settled.length > 0 && table) {
          table = {
            stack: [
              table,
              sized(
                [
                  [
                    heading('dues.payments.receivedOn'),
                    heading('dues.payments.settles'),
                    heading('dues.payments.settled'),
                  ],
                  ...settled,
                ],
                1,
              ),
            ],
          }
        }
      }
      if (batch.kind === 'statement') {
        const payments = await duesPayments(db, { memberId: id, from: batch.from, to: batch.to })
        if (payments.length) {
          table = {
            stack: [
              ...(table ? [table] : []),
              sized(
                [
                  [
                    heading('dues.payments.receivedOn'),
                    heading('dues.payments.settles'),
                    heading('dues.payments.amount'),
                  ],
                  ...payments.map((p) => [
                    { text: day(p.receivedOn), noWrap: true },
                    settlementsText(p.settlements, language),
                    right(amount(p.amount, p.currency)),
                  ]),
                ],
                1,
              ),
            ],
          }
        }
      }
      name = `${member.code}-${batch.kind === 'reminder' ? 'relance' : 'releve'}-${this.today()}`
    }
    const all = {
      membre: member.name,
      de_membre: ofMember(member.name, language),
      appel: salutation(member.kind, member.leader_name, language, member.leader_civility),
      maire: member.leader_name ?? '',
      date: day(this.today()),
      organisation: organisation.name,
      ...fields,
    }
    const subject = withGrammarFields(template.subject)
    const body = withGrammarFields(template.body)
    const content: Content[] = [
      {
        text: [
          member.name,
          member.leader_name ? `\n${member.leader_name}` : '',
          member.address ? `\n${member.address}` : '',
        ].join(''),
        margin: [260, 20, 0, 20],
      },
      {
        text: `${t('letters.place')} ${day(this.today())}`,
        alignment: 'right',
        margin: [0, 0, 0, 16],
      },
      { text: fillLetter(subject, all), bold: true, margin: [0, 0, 0, 12] },
      ...fillLetter(body, all)
        .split(/\n{2,}/)
        .map((paragraph): Content => ({ text: paragraph, margin: [0, 0, 0, 8] })),
      ...(table ? [table] : []),
      { text: t('letters.signature'), margin: [260, 24, 0, 0] },
    ]
    return {
      name: name.replace(/[^\w.-]+/g, '_'),
      subject: fillLetter(subject, all),
      content,
    }
  }
}

/**
 * Letters into one document, each starting on its own page, under the organisation's head;
 * `subject` says what they are (one letter's subject, or the kind of a batch).
 */
function document(
  letters: Content[][],
  organisation: Organisation,
  language: Language,
  subject: string,
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [56, 96, 56, 56],
    info: pdfInfo({
      title: translate(language, 'letters.title'),
      author: organisation.name,
      subject,
    }),
    header: {
      columns: [
        ...(organisation.logo
          ? [{ image: organisation.logo, fit: [70, 48] as [number, number], width: 80 }]
          : []),
        {
          stack: [
            { text: organisation.name, bold: true },
            { text: organisation.address ?? '', fontSize: 8, color: '#52606d' },
          ],
        },
      ],
      margin: [56, 28, 56, 0],
    },
    content: letters.flatMap((letter, index) =>
      index === 0 ? letter : [{ text: '', pageBreak: 'before' as const }, ...letter],
    ),
    defaultStyle: { fontSize: 10, lineHeight: 1.2 },
  }
}
