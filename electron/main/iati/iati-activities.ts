import { sql } from 'kysely'
import type { Session } from '../app/session'
import type { FunderKind } from '@shared/funders/schema'
import { IATI_EARMARKING, type Earmarking } from '@shared/funds/schema'
import { minorToDecimalString } from '@shared/money/decimal'
import { minorUnits, type CurrencyCode } from '@shared/money/currencies'
import type { IndicatorLevel, IndicatorMeasure, ProjectStatus } from '@shared/projects/schema'
import { indicatorsOf } from '../reports/report-queries'
import { XmlWriter } from './xml-writer'

/**
 * The AIMF's organisation identifier for IATI. It must be the one registered with the IATI
 * organisation registry; until the Secretariat registers one, this placeholder is used and
 * can be replaced with `aimf iati --org-ref`.
 */
export const DEFAULT_ORG_REF = 'XI-IATI-AIMF'

const STATUS: Record<ProjectStatus, string> = {
  in_review: '1',
  approved: '1',
  agreement_signed: '2',
  in_progress: '2',
  completed: '3',
  closed: '4',
  abandoned: '5',
}
const RESULT_TYPE: Record<IndicatorLevel, string> = { output: '1', outcome: '2', impact: '3' }
const MEASURE: Record<IndicatorMeasure, string> = {
  number: '1',
  percentage: '2',
  yes_no: '3',
  text: '5',
}
const ORGANISATION_TYPE: Record<FunderKind, string> = {
  state: '10',
  local_government: '11',
  multilateral: '40',
  foundation: '60',
  agency: '10',
  city: '11',
  other: '90',
}

/**
 * The Cooperation Fund's projects as IATI activities (standard 2.03): identity, organisations
 * and their roles, status and dates, country and DAC sector, yearly budgets and planned
 * disbursements from the tranches, transactions from the ledger (incoming funds and commitments
 * per financing line, disbursements to the city) and the city's reported expenditure, and the
 * results with their indicators. Amounts are the ledger's, in euros at the operations' rates.
 */
export async function iatiActivities(
  session: Session,
  options: { orgRef?: string; now?: Date } = {},
): Promise<string> {
  const orgRef = options.orgRef ?? DEFAULT_ORG_REF
  const now = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const db = session.file.db
  const organisation = await session.organisation.get()
  const projects = (await session.projects.list({})).filter((p) => p.status !== 'in_review')
  const ids = projects.map((p) => p.id)
  const details = await sql<{
    id: string
    title_en: string | null
    description: string | null
    description_en: string | null
    objectives: string | null
    starts_on: string | null
    ends_on: string | null
    updated_at: string
  }>`SELECT id, title_en, description, description_en, objectives, starts_on, ends_on, updated_at
     FROM projects
     WHERE id IN (${sql.join(ids.length > 0 ? ids : [''])})`.execute(db)
  const detailOf = new Map(details.rows.map((d) => [d.id, d]))
  const started = await sql<{ project_id: string; status: string; on_date: string }>`
    SELECT project_id, to_status AS status, on_date FROM project_transitions
    WHERE deleted_at IS NULL AND to_status IN ('in_progress', 'completed')`.execute(db)
  const entries = await sql<{
    project_id: string
    kind: 'allocation' | 'disbursement'
    entry_date: string
    eur_minor: number
    agreement_id: string | null
    funder_name: string | null
    funder_kind: FunderKind | null
    earmarking: Earmarking | null
  }>`
    SELECT l.project_id, e.kind, e.entry_date, e.eur_minor, e.agreement_id,
      f.name AS funder_name, f.kind AS funder_kind, a.earmarking
    FROM ledger_entries e
      JOIN financing_lines l ON l.id = e.use_id
      LEFT JOIN agreements a ON a.id = e.agreement_id
      LEFT JOIN funders f ON f.id = a.funder_id
    WHERE e.deleted_at IS NULL AND e.use_table = 'financing_lines'
      AND e.kind IN ('allocation', 'disbursement')
    ORDER BY e.entry_date`.execute(db)
  const tranches = await sql<{ project_id: string; planned_on: string; amount_minor: number }>`
    SELECT project_id, planned_on, amount_minor FROM tranches
    WHERE deleted_at IS NULL AND status != 'cancelled' ORDER BY planned_on`.execute(db)
  const expenses = await sql<{
    project_id: string
    spent_on: string
    eur_minor: number
    description: string
  }>`
    SELECT project_id, spent_on, eur_minor, description FROM project_expenses
    WHERE deleted_at IS NULL ORDER BY spent_on`.execute(db)
  const indicators = await indicatorsOf(db, ids)

  const xml = new XmlWriter()
  xml.open('iati-activities', { version: '2.03', 'generated-datetime': now })
  for (const project of projects) {
    const detail = detailOf.get(project.id)
    const currency = project.currency
    const start = detail?.starts_on ?? project.approvedOn ?? `${project.year}-01-01`
    xml.open('iati-activity', {
      'last-updated-datetime': (detail?.updated_at ?? now).replace(/\.\d{3}Z$/, 'Z'),
      'xml:lang': 'fr',
      'default-currency': currency,
    })
    xml.element('iati-identifier', {}, `${orgRef}-${project.code}`)
    xml.open('reporting-org', { ref: orgRef, type: '21' })
    xml.element('narrative', {}, organisation.name)
    xml.close('reporting-org')
    narrativeBlock(xml, 'title', {}, project.title, detail?.title_en)
    narrativeBlock(
      xml,
      'description',
      { type: '1' },
      detail?.description || project.title,
      detail?.description_en || detail?.title_en,
    )
    if (detail?.objectives) narrativeBlock(xml, 'description', { type: '2' }, detail.objectives)

    const funders = new Map<string, { kind: FunderKind | null }>()
    for (const entry of entries.rows.filter((e) => e.project_id === project.id && e.funder_name)) {
      funders.set(entry.funder_name ?? '', { kind: entry.funder_kind })
    }
    for (const [name, funder] of funders) {
      narrativeBlock(
        xml,
        'participating-org',
        { role: '1', type: funder.kind ? ORGANISATION_TYPE[funder.kind] : null },
        name,
      )
    }
    narrativeBlock(
      xml,
      'participating-org',
      { ref: orgRef, role: '2', type: '21' },
      organisation.name,
    )
    narrativeBlock(
      xml,
      'participating-org',
      { ref: orgRef, role: '3', type: '21' },
      organisation.name,
    )
    narrativeBlock(xml, 'participating-org', { role: '4', type: '11' }, project.memberName)

    xml.element('activity-status', { code: STATUS[project.status] })
    xml.element('activity-date', { type: '1', 'iso-date': start })
    const actualStart = started.rows.find(
      (t) => t.project_id === project.id && t.status === 'in_progress',
    )
    if (actualStart) xml.element('activity-date', { type: '2', 'iso-date': actualStart.on_date })
    if (detail?.ends_on) xml.element('activity-date', { type: '3', 'iso-date': detail.ends_on })
    const actualEnd = started.rows.find(
      (t) => t.project_id === project.id && t.status === 'completed',
    )
    if (actualEnd) xml.element('activity-date', { type: '4', 'iso-date': actualEnd.on_date })
    if (project.country)
      xml.element('recipient-country', { code: project.country, percentage: '100' })
    xml.element('sector', { vocabulary: '1', code: project.sectorCode, percentage: '100' })

    const own = tranches.rows.filter((t) => t.project_id === project.id)
    const byYear = new Map<string, number>()
    for (const tranche of own) {
      const year = tranche.planned_on.slice(0, 4)
      byYear.set(year, (byYear.get(year) ?? 0) + tranche.amount_minor)
    }
    for (const [year, minor] of byYear) {
      xml.open('budget', { type: '1', status: '2' })
      xml.element('period-start', { 'iso-date': `${year}-01-01` })
      xml.element('period-end', { 'iso-date': `${year}-12-31` })
      xml.element('value', { currency, 'value-date': `${year}-01-01` }, decimal(minor, currency))
      xml.close('budget')
    }
    for (const tranche of own) {
      xml.open('planned-disbursement', { type: '1' })
      xml.element('period-start', { 'iso-date': tranche.planned_on })
      xml.element(
        'value',
        { currency, 'value-date': tranche.planned_on },
        decimal(tranche.amount_minor, currency),
      )
      xml.close('planned-disbursement')
    }

    for (const entry of entries.rows.filter((e) => e.project_id === project.id)) {
      const value = (type: string) => {
        xml.open('transaction')
        xml.element('transaction-type', { code: type })
        xml.element('transaction-date', { 'iso-date': entry.entry_date })
        xml.element(
          'value',
          { currency: 'EUR', 'value-date': entry.entry_date },
          decimal(entry.eur_minor, 'EUR'),
        )
        return xml
      }
      if (entry.kind === 'allocation') {
        // Money a funder's agreement gives to the activity comes in, then is committed.
        if (entry.agreement_id && entry.eur_minor > 0) {
          value('1')
          narrativeBlock(
            xml,
            'provider-org',
            { type: entry.funder_kind ? ORGANISATION_TYPE[entry.funder_kind] : null },
            entry.funder_name ?? '',
          )
          if (entry.earmarking)
            xml.element('aid-type', { code: IATI_EARMARKING[entry.earmarking], vocabulary: '2' })
          xml.close('transaction')
        }
        value('2')
        narrativeBlock(xml, 'receiver-org', { type: '11' }, project.memberName)
        xml.close('transaction')
      } else {
        value('3')
        narrativeBlock(xml, 'receiver-org', { type: '11' }, project.memberName)
        xml.close('transaction')
      }
    }
    for (const expense of expenses.rows.filter((e) => e.project_id === project.id)) {
      xml.open('transaction')
      xml.element('transaction-type', { code: '4' })
      xml.element('transaction-date', { 'iso-date': expense.spent_on })
      xml.element(
        'value',
        { currency: 'EUR', 'value-date': expense.spent_on },
        decimal(expense.eur_minor, 'EUR'),
      )
      narrativeBlock(xml, 'description', {}, expense.description)
      xml.close('transaction')
    }

    for (const indicator of indicators.filter((i) => i.projectId === project.id)) {
      xml.open('result', { type: RESULT_TYPE[indicator.level] })
      narrativeBlock(xml, 'title', {}, indicator.name)
      xml.open('indicator', { measure: MEASURE[indicator.measure], ascending: '1' })
      narrativeBlock(
        xml,
        'title',
        {},
        indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name,
      )
      const numeric = indicator.measure === 'number' || indicator.measure === 'percentage'
      if (indicator.baseline !== null) {
        const on = indicator.baselineOn ?? start
        xml.element('baseline', {
          year: on.slice(0, 4),
          'iso-date': on,
          value: numeric ? indicator.baseline : null,
        })
      }
      xml.open('period')
      xml.element('period-start', { 'iso-date': start })
      xml.element('period-end', {
        'iso-date': indicator.targetOn ?? detail?.ends_on ?? `${project.year}-12-31`,
      })
      xml.element('target', { value: numeric ? indicator.target : null })
      if (indicator.actual !== null)
        xml.element('actual', { value: numeric ? indicator.actual : null })
      xml.close('period')
      xml.close('indicator')
      xml.close('result')
    }
    xml.close('iati-activity')
  }
  xml.close('iati-activities')
  return xml.toString()
}

/** An element holding its text in French (the activity's language) and, if given, in English. */
function narrativeBlock(
  xml: XmlWriter,
  name: string,
  attributes: Record<string, string | null>,
  text: string,
  english?: string | null,
) {
  xml.open(name, attributes)
  xml.element('narrative', {}, text)
  if (english) xml.element('narrative', { 'xml:lang': 'en' }, english)
  xml.close(name)
}

function decimal(minor: number, currency: CurrencyCode): string {
  return minorToDecimalString(minor, minorUnits(currency))
}
