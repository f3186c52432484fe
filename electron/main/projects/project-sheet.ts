import { formatPercent } from '@shared/i18n/format-percent'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { fittedTable, type TextCell } from '../reports/fitted-table'
import { type PdfFrame, pdfInfo, printable } from '../reports/pdf-document'
import { formatIndicatorValue } from '@shared/projects/indicator-format'
import { countryName } from '@shared/geo/country-names'
import { formatDate } from '@shared/i18n/format-dates'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate, type MessageParams } from '@shared/i18n/translate'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import type { Organisation } from '@shared/organisation/schema'
import { type Indicator, type ProjectDetail, sectorName } from '@shared/projects/schema'

const BAR_WIDTH = 140
const ACCENT = '#1c5fa8'
/** A4 portrait inside the 36 pt margins. */
const CONTENT_WIDTH = 595.28 - 72
/** The tables' font sizes, largest first: a table takes the first at which it fits. */
const TABLE_SIZES = [8.5, 8, 7.5, 7] as const
const HEADING_SIZE = 8
const LABEL_SIZE = 7.5

/** A progress bar drawn in the PDF: the done part over the whole width. */
function bar(share: number, width = BAR_WIDTH): Content {
  const done = Math.max(0, Math.min(1, share)) * width
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: width, h: 8, r: 2, color: '#e3e8ef' },
      ...(done > 0
        ? [{ type: 'rect' as const, x: 0, y: 2, w: done, h: 8, r: 2, color: ACCENT }]
        : []),
    ],
  }
}

/**
 * What the AIMF paid of what it committed. In the lines' own currency when they share one, so
 * that exchange rates moving between commitment and payment do not show 102 %; else in euros.
 */
function paidOfCommitted(project: ProjectDetail): {
  paid: number
  committed: number
  currency: CurrencyCode
} {
  const committed = project.plan.lines.filter((line) => line.committedOn !== null)
  const currencies = new Set(committed.map((line) => line.currency))
  const [currency] = [...currencies]
  if (currencies.size === 1 && currency) {
    return {
      paid: committed.reduce((sum, line) => sum + line.disbursed, 0),
      committed: committed.reduce((sum, line) => sum + line.allocated, 0),
      currency,
    }
  }
  return { paid: project.paidEur, committed: project.committedEur, currency: 'EUR' }
}

/**
 * The one-page project sheet (fiche projet) a funder or a mayor is given: what the project is,
 * its financing plan, tranches paid and results, with progress bars; in French or English.
 */
export function projectSheet(
  project: ProjectDetail,
  /** Its programme's name in `language` (Paramètres → Programmes). */
  programme: string,
  organisation: Organisation,
  language: Language,
  printedOn: string,
): { definition: TDocumentDefinitions; frame: PdfFrame } {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params)
  const amount = (minor: number, currency: CurrencyCode) =>
    formatMoney(money(minor, currency), language)
  const day = (iso: string | null) => formatDate(iso, language)
  const wholePercent = (share: number) => formatPercent(share, language)
  // The English title where the project has one.
  const title = (language === 'en' && project.titleEn) || project.title
  const label = (key: MessageKey): Content => ({ text: t(key), style: 'label' })
  const value = (text: string): Content => ({ text: text || '—', style: 'value' })
  const facts: [MessageKey, string][] = [
    ['projects.field.member', project.memberName],
    ['projects.field.country', project.country ? countryName(project.country, language) : ''],
    [
      'projects.field.sector',
      `${project.sectorCode} — ${sectorName(project.sectorCode, language)}`,
    ],
    ['projects.field.programme', programme],
    ['projects.field.status', t(`projects.status.${project.status}`)],
    ['projects.field.totalCost', amount(project.totalCost, project.currency)],
    ['projects.field.startsOn', day(project.startsOn)],
    ['projects.field.endsOn', day(project.endsOn)],
    ['projects.field.approvedOn', day(project.approvedOn)],
    ['projects.field.bureauMeeting', project.bureauMeeting ?? ''],
  ]
  const factRows: Content[] = []
  for (let i = 0; i < facts.length; i += 2) {
    factRows.push({
      columns: facts.slice(i, i + 2).map(([key, text]) => ({ stack: [label(key), value(text)] })),
      columnGap: 16,
      margin: [0, 0, 0, 4],
    })
  }
  const paid = paidOfCommitted(project)
  const paidShare = paid.committed === 0 ? 0 : paid.paid / paid.committed
  const lineSource = (line: ProjectDetail['plan']['lines'][number]) =>
    line.source === 'agreement'
      ? (line.agreementReference ?? '')
      : line.source === 'partner'
        ? (line.partnerName ?? '')
        : t(`projects.plan.source_${line.source}`)
  const th = (text: string, alignment: 'left' | 'right' = 'left'): TextCell => ({
    text,
    bold: true,
    fontSize: HEADING_SIZE,
    alignment,
  })
  const header = (...keys: MessageKey[]) => keys.map((key) => th(t(key)))
  // The headings of figures stand over them, on the right.
  const figureHeader = (...keys: MessageKey[]) => keys.map((key) => th(t(key), 'right'))
  const right = (text: string): TextCell => ({ text, alignment: 'right', noWrap: true })
  const when = (iso: string | null): TextCell => ({ text: day(iso), noWrap: true })
  const indicatorValue = (indicator: Indicator, raw: string | null) =>
    formatIndicatorValue(indicator.measure, indicator.unit, raw, language, {
      yes: t('common.yes'),
      no: t('common.no'),
      none: '—',
    })

  const frame: PdfFrame = {
    footer: {
      left: `${organisation.name} — ${t('sheet.printedOn', { date: day(printedOn) })}`,
      pageLabel: '{page} / {pages}',
    },
  }
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [36, 48, 36, 40],
    info: pdfInfo({
      title: `${project.code} — ${title}`,
      author: organisation.name,
      subject: t('sheet.title'),
    }),
    content: [
      {
        columns: [
          ...(organisation.logo
            ? [{ image: organisation.logo, fit: [60, 40] as [number, number], width: 70 }]
            : []),
          {
            stack: [
              { text: organisation.name, style: 'org' },
              { text: t('sheet.title'), style: 'kind' },
            ],
          },
        ],
        margin: [0, 0, 0, 8],
      },
      { text: `${project.code} — ${title}`, style: 'title' },
      ...factRows,
      ...(project.objectives
        ? [
            label('projects.field.objectives'),
            { text: project.objectives, style: 'value', margin: [0, 0, 0, 6] } as Content,
          ]
        : []),
      { text: t('projects.plan.title'), style: 'h2' },
      fittedTable(
        [
          [
            th(t('projects.plan.source')),
            ...figureHeader(
              'projects.plan.amount',
              'projects.plan.eur',
              'projects.plan.allocated',
              'projects.plan.disbursed',
            ),
          ],
          ...project.plan.lines.map((line) => [
            lineSource(line),
            right(amount(line.amount, line.currency)),
            right(amount(line.eurAmount, 'EUR')),
            right(line.committedOn ? amount(line.allocated, line.currency) : '—'),
            right(line.committedOn ? amount(line.disbursed, line.currency) : '—'),
          ]),
        ],
        { width: CONTENT_WIDTH, sizes: TABLE_SIZES, headerRows: 1 },
      ),
      {
        columns: [
          {
            text: t('sheet.paidOfCommitted', {
              paid: amount(paid.paid, paid.currency),
              committed: amount(paid.committed, paid.currency),
            }),
            style: 'value',
            width: '*',
          },
          { stack: [bar(paidShare)], width: BAR_WIDTH + 4 },
          {
            text: wholePercent(paidShare),
            width: 36,
            alignment: 'right',
            style: 'value',
          },
        ],
        margin: [0, 4, 0, 0],
      },
      { text: t('projects.tranches.title'), style: 'h2' },
      project.tranches.length === 0
        ? { text: t('projects.tranches.empty'), style: 'value' }
        : fittedTable(
            [
              [
                ...header('projects.tranches.number', 'projects.tranches.plannedOn'),
                th(t('projects.tranches.amount', { currency: project.currency }), 'right'),
                ...header(
                  'projects.tranches.condition',
                  'projects.tranches.status',
                  'projects.tranches.paidOn',
                ),
              ],
              ...project.tranches.map((tranche) => [
                String(tranche.number),
                when(tranche.plannedOn),
                right(amount(tranche.paidAmount ?? tranche.amount, project.currency)),
                tranche.condition ?? '',
                t(`projects.tranches.status_${tranche.status}`),
                when(tranche.paidOn),
              ]),
            ],
            { width: CONTENT_WIDTH, sizes: TABLE_SIZES, headerRows: 1 },
          ),
      { text: t('projects.indicators.title'), style: 'h2' },
      project.indicators.length === 0
        ? { text: t('projects.indicators.empty'), style: 'value' }
        : fittedTable(
            [
              [
                ...header(
                  'projects.indicators.name',
                  'projects.indicators.baseline',
                  'projects.indicators.target',
                  'projects.indicators.latest',
                  'sheet.progress',
                ),
                ...figureHeader('sheet.percent'),
              ],
              ...project.indicators.map((indicator) => {
                const level = t(`projects.indicators.level_${indicator.level}`)
                return [
                  {
                    node: { text: [indicator.name, { text: `\n${level}`, style: 'label' }] },
                    measure: [
                      { text: printable(indicator.name) },
                      { text: printable(level), size: LABEL_SIZE },
                    ],
                  },
                  indicatorValue(indicator, indicator.baselineValue),
                  indicatorValue(indicator, indicator.targetValue),
                  indicatorValue(indicator, indicator.latestValue),
                  {
                    node:
                      indicator.progress === null ? '' : bar(indicator.progress, BAR_WIDTH / 1.5),
                    measure: [],
                  },
                  right(indicator.progress === null ? '' : wholePercent(indicator.progress)),
                ]
              }),
            ],
            {
              width: CONTENT_WIDTH,
              sizes: TABLE_SIZES,
              headerRows: 1,
              fixed: { 4: BAR_WIDTH / 1.5 + 4 },
            },
          ),
    ],
    defaultStyle: { fontSize: 9, color: '#1f2933' },
    styles: {
      org: { fontSize: 10, bold: true },
      kind: { fontSize: 9, color: '#52606d' },
      title: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 4, 0, 8] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      label: { fontSize: LABEL_SIZE, color: '#52606d' },
      value: { fontSize: 9 },
      footer: { fontSize: 7, color: '#7b8794' },
    },
  }
  return { definition, frame }
}
