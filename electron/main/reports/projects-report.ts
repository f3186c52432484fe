import { countryName } from '@shared/geo/country-names'
import { formatIndicatorValue } from '@shared/projects/indicator-format'
import { type ProjectSummary, sectorName } from '@shared/projects/schema'
import type { ReportDocument, ReportRow, ReportTable } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { amount, count, percent, row, sums, text } from './report-cells'
import {
  englishTitles,
  indicatorsOf,
  type ProjectIndicatorRow,
  projectFlows,
} from './report-queries'

/**
 * The Cooperation Fund report for a period: the projects under way or financed in it with the
 * AIMF money committed and paid in the period and to date, the same summed by status, country,
 * programme and sector, and the projects' indicators (target against actual).
 */
export async function projectsReport(
  context: ReportContext,
  from: string,
  to: string,
): Promise<ReportDocument> {
  const { session, t, language } = context
  const db = session.file.db
  const flows = await projectFlows(db, from, to)
  const projects = (await session.projects.list({})).filter(
    (p) =>
      flows.has(p.id) ||
      ((p.startsOn ?? p.approvedOn ?? `${p.year}-01-01`) <= to && (p.endsOn ?? '9999') >= from),
  )
  projects.sort((a, b) => a.code.localeCompare(b.code))
  const programmes = await session.programmes.labels(language)
  const programmeOf = (p: ProjectSummary) => programmes.get(p.programme) ?? p.programme
  const period = (p: ProjectSummary) => flows.get(p.id) ?? { committed: 0, paid: 0 }
  const titles =
    language === 'en'
      ? await englishTitles(
          db,
          projects.map((p) => p.id),
        )
      : new Map<string, string>()
  const columns = [
    { label: t('reporting.col.code'), kind: 'text' as const, width: 13 },
    { label: t('reporting.col.title'), kind: 'text' as const, width: 40 },
    { label: t('reporting.col.member'), kind: 'text' as const, width: 24 },
    { label: t('reporting.col.country'), kind: 'text' as const, width: 14 },
    { label: t('reporting.col.programme'), kind: 'text' as const, width: 22 },
    { label: t('reporting.col.status'), kind: 'text' as const, width: 13 },
    { label: t('reporting.col.cost'), kind: 'money' as const, width: 15 },
    { label: t('reporting.col.committedPeriod'), kind: 'money' as const, width: 15 },
    { label: t('reporting.col.paidPeriod'), kind: 'money' as const, width: 15 },
    { label: t('reporting.col.committedToDate'), kind: 'money' as const, width: 15 },
    { label: t('reporting.col.paidToDate'), kind: 'money' as const, width: 15 },
  ]
  const moneyColumns = [6, 7, 8, 9, 10]
  const rows: ReportRow[] = projects.map((p) =>
    row([
      text(p.code),
      text(titles.get(p.id) ?? p.title),
      text(p.memberName),
      text(p.country ? countryName(p.country, language) : null),
      text(programmeOf(p)),
      text(t(`projects.status.${p.status}`)),
      amount(p.totalCostEur),
      amount(period(p).committed),
      amount(period(p).paid),
      amount(p.committedEur),
      amount(p.paidEur),
    ]),
  )
  const totalOf = (pick: (p: ProjectSummary) => number) =>
    projects.reduce((sum, p) => sum + pick(p), 0)
  rows.push(
    row(
      [
        text(t('reporting.totalProjects', { count: projects.length })),
        null,
        null,
        null,
        null,
        null,
        amount(totalOf((p) => p.totalCostEur)),
        amount(totalOf((p) => period(p).committed)),
        amount(totalOf((p) => period(p).paid)),
        amount(totalOf((p) => p.committedEur)),
        amount(totalOf((p) => p.paidEur)),
      ],
      'total',
      sums(
        columns.length,
        moneyColumns,
        projects.map((_, i) => i),
      ),
    ),
  )

  const breakdown = (title: string, keyOf: (p: ProjectSummary) => string): ReportTable => {
    const groups = new Map<string, ProjectSummary[]>()
    for (const p of projects) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p])
    const entries = [...groups].sort((a, b) => a[0].localeCompare(b[0], language))
    const groupRows = entries.map(([label, list]) =>
      row([
        text(label),
        count(list.length),
        amount(list.reduce((s, p) => s + period(p).committed, 0)),
        amount(list.reduce((s, p) => s + period(p).paid, 0)),
      ]),
    )
    groupRows.push(
      row(
        [
          text(t('reporting.total')),
          count(projects.length),
          amount(totalOf((p) => period(p).committed)),
          amount(totalOf((p) => period(p).paid)),
        ],
        'total',
        sums(
          4,
          [1, 2, 3],
          entries.map((_, i) => i),
        ),
      ),
    )
    return {
      title,
      columns: [
        { label: title, kind: 'text', width: 40 },
        { label: t('reporting.col.projects'), kind: 'number', width: 10 },
        { label: t('reporting.col.committedPeriod'), kind: 'money', width: 16 },
        { label: t('reporting.col.paidPeriod'), kind: 'money', width: 16 },
      ],
      rows: groupRows,
    }
  }

  const indicators = await indicatorsOf(
    db,
    projects.map((p) => p.id),
  )
  const codeOf = new Map(projects.map((p) => [p.id, p.code]))
  return {
    kind: 'projects',
    title: t('reporting.kind.projects'),
    organisation: (await session.organisation.get()).name,
    generatedAt: context.now,
    language,
    parameters: [
      { label: t('reporting.param.from'), value: context.date(from) },
      { label: t('reporting.param.to'), value: context.date(to) },
    ],
    sheets: [
      {
        name: t('reporting.sheet.projects'),
        title: t('reporting.sheet.projects'),
        tables: [{ columns, rows }],
      },
      {
        name: t('reporting.sheet.breakdown'),
        title: t('reporting.sheet.breakdown'),
        tables: [
          breakdown(t('reporting.col.status'), (p) => t(`projects.status.${p.status}`)),
          breakdown(t('reporting.col.country'), (p) =>
            p.country ? countryName(p.country, language) : '—',
          ),
          breakdown(t('reporting.col.programme'), programmeOf),
          breakdown(
            t('reporting.col.sector'),
            (p) => `${p.sectorCode} — ${sectorName(p.sectorCode, language)}`,
          ),
        ],
      },
      indicatorSheet(context, indicators, codeOf),
    ],
  }
}

/** The indicators of a list of projects: baseline, target, latest value and progress. */
export function indicatorSheet(
  context: ReportContext,
  indicators: ProjectIndicatorRow[],
  codeOf: Map<string, string>,
) {
  const { t, language } = context
  const words = { yes: t('common.yes'), no: t('common.no'), none: '—' }
  const show = (i: ProjectIndicatorRow, value: string | null) =>
    text(formatIndicatorValue(i.measure, i.unit, value, language, words))
  const rows = indicators.map((i) =>
    row([
      text(codeOf.get(i.projectId) ?? ''),
      text(i.name),
      show(i, i.baseline),
      show(i, i.target),
      show(i, i.actual),
      percent(i.progress),
    ]),
  )
  return {
    name: t('reporting.sheet.indicators'),
    title: t('reporting.sheet.indicators'),
    tables: [
      {
        columns: [
          { label: t('reporting.col.code'), kind: 'text' as const, width: 13 },
          { label: t('reporting.col.indicator'), kind: 'text' as const, width: 48 },
          { label: t('reporting.col.baseline'), kind: 'text' as const, width: 14 },
          { label: t('reporting.col.target'), kind: 'text' as const, width: 14 },
          { label: t('reporting.col.actual'), kind: 'text' as const, width: 14 },
          { label: t('reporting.col.progress'), kind: 'percent' as const, width: 10 },
        ],
        rows,
      },
    ],
  }
}
