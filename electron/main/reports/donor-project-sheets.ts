import { sql } from 'kysely'
import { countryName } from '@shared/geo/country-names'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatBasisPoints } from '@shared/i18n/format-percent'
import type { ReportSheet } from '@shared/reports/model'
import type { ReportContext } from './report-context'
import { amount, percent, row, share, sums, text } from './report-cells'
import { indicatorSheet } from './projects-report'
import { indicatorsOf } from './report-queries'

/** The co-financing of the projects the agreement finances, and the projects themselves. */
export async function projectSheets(
  context: ReportContext,
  agreement: AgreementDetail,
): Promise<ReportSheet[]> {
  const { t, language, session } = context
  const db = session.file.db
  const lines = await sql<{
    project_id: string
    code: string
    title: string
    title_en: string | null
    member_name: string
    country: string | null
    source: string
    agreement_id: string | null
    reference: string | null
    partner_name: string | null
    eur_minor: number
  }>`
    SELECT l.project_id, p.code, p.title, p.title_en, m.name AS member_name, m.country, l.source,
      l.agreement_id, a.reference, l.partner_name, l.eur_minor
    FROM financing_lines l
      JOIN projects p ON p.id = l.project_id
      JOIN members m ON m.id = p.member_id
      LEFT JOIN agreements a ON a.id = l.agreement_id
    WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND l.project_id IN (
      SELECT project_id FROM financing_lines WHERE agreement_id = ${agreement.id} AND deleted_at IS NULL)
    ORDER BY p.code`.execute(db)
  const flows = await sql<{ project_id: string; committed: number; paid: number }>`
    SELECT l.project_id,
      SUM(CASE WHEN e.kind = 'allocation' THEN e.amount_minor ELSE 0 END) AS committed,
      SUM(CASE WHEN e.kind = 'disbursement' THEN e.amount_minor ELSE 0 END) AS paid
    FROM ledger_entries e JOIN financing_lines l ON l.id = e.use_id
    WHERE e.deleted_at IS NULL AND e.use_table = 'financing_lines' AND e.agreement_id = ${agreement.id}
    GROUP BY l.project_id`.execute(db)
  const flowOf = new Map(flows.rows.map((f) => [f.project_id, f]))
  const sourceLabel = (l: (typeof lines.rows)[number]) =>
    l.source === 'agreement'
      ? (l.reference ?? '')
      : l.source === 'partner'
        ? (l.partner_name ?? '')
        : t(`projects.plan.source_${l.source as 'untied_fund' | 'city_cash' | 'city_in_kind'}`)
  const bySource = new Map<string, number>()
  for (const line of lines.rows) {
    const label =
      line.agreement_id === agreement.id
        ? `${agreement.reference} (${t('reporting.donor.thisAgreement')})`
        : sourceLabel(line)
    bySource.set(label, (bySource.get(label) ?? 0) + line.eur_minor)
  }
  const whole = [...bySource.values()].reduce((sum, v) => sum + v, 0)
  const cofinancingRows = [...bySource].map(([label, eur]) =>
    row([text(label), amount(eur), percent(share(eur, whole))]),
  )
  const items = cofinancingRows.map((_, i) => i)
  cofinancingRows.push(
    row(
      [text(t('reporting.total')), amount(whole), percent(share(whole, whole))],
      'total',
      sums(3, [1], items),
    ),
  )

  const projects = [...new Map(lines.rows.map((l) => [l.project_id, l])).values()]
  const currency = agreement.currency
  const projectRows = projects.map((p) =>
    row([
      text(p.code),
      text(language === 'en' && p.title_en ? p.title_en : p.title),
      text(p.member_name),
      text(p.country ? countryName(p.country, language) : null),
      amount(Number(flowOf.get(p.project_id)?.committed ?? 0), currency),
      amount(Number(flowOf.get(p.project_id)?.paid ?? 0), currency),
    ]),
  )
  const projectItems = projectRows.map((_, i) => i)
  projectRows.push(
    row(
      [
        text(t('reporting.totalProjects', { count: projects.length })),
        null,
        null,
        null,
        amount(
          projects.reduce((sum, p) => sum + Number(flowOf.get(p.project_id)?.committed ?? 0), 0),
          currency,
        ),
        amount(
          projects.reduce((sum, p) => sum + Number(flowOf.get(p.project_id)?.paid ?? 0), 0),
          currency,
        ),
      ],
      'total',
      sums(6, [4, 5], projectItems),
    ),
  )
  const indicators = await indicatorsOf(
    db,
    projects.map((p) => p.project_id),
  )
  return [
    {
      name: t('reporting.sheet.cofinancing'),
      title: t('reporting.sheet.cofinancing'),
      tables: [
        {
          columns: [
            { label: t('reporting.col.source'), kind: 'text', width: 40 },
            { label: t('reporting.col.amountEur'), kind: 'money', width: 16 },
            { label: t('reporting.col.share'), kind: 'percent', width: 10 },
          ],
          rows: cofinancingRows,
          notes:
            agreement.cofinancingBp === null
              ? []
              : [
                  t('reporting.donor.cofinancingRequired', {
                    rate: formatBasisPoints(agreement.cofinancingBp, language),
                  }),
                ],
        },
      ],
    },
    {
      name: t('reporting.sheet.projects'),
      title: t('reporting.sheet.projects'),
      tables: [
        {
          columns: [
            { label: t('reporting.col.code'), kind: 'text', width: 13 },
            { label: t('reporting.col.title'), kind: 'text', width: 42 },
            { label: t('reporting.col.member'), kind: 'text', width: 24 },
            { label: t('reporting.col.country'), kind: 'text', width: 14 },
            { label: t('reporting.donor.allocated'), kind: 'money', width: 16 },
            { label: t('reporting.donor.paid'), kind: 'money', width: 16 },
          ],
          rows: projectRows,
        },
      ],
    },
    indicatorSheet(context, indicators, new Map(projects.map((p) => [p.project_id, p.code]))),
  ]
}
