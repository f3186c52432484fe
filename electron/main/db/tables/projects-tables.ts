import type { RecordColumns } from './file-tables'

// The tables of projects: their lifecycle, financing, tranches, expenses, indicators and documents.

export interface ProjectsTable extends RecordColumns {
  code: string
  title: string
  member_id: string
  region: string | null
  sector_code: string
  programme: string
  nature: 'operating' | 'investment'
  currency: string
  total_cost_minor: number
  starts_on: string | null
  ends_on: string | null
  status: string
  approved_on: string | null
  bureau_meeting: string | null
  objectives: string | null
  description: string | null
  title_en: string | null
  description_en: string | null
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
}

export interface ProjectTransitionsTable extends RecordColumns {
  project_id: string
  from_status: string | null
  to_status: string
  on_date: string
  author: string
  note: string | null
  override_reason: string | null
}

export interface AgreementProjectsTable extends RecordColumns {
  agreement_id: string
  project_id: string
}

export interface FinancingLinesTable extends RecordColumns {
  project_id: string
  source: string
  agreement_id: string | null
  partner_name: string | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  committed_on: string | null
  note: string | null
  heading_code: string | null
}

export interface TranchesTable extends RecordColumns {
  project_id: string
  number: number
  planned_on: string
  amount_minor: number
  condition: string | null
  condition_met_on: string | null
  status: string
  released_on: string | null
  paid_on: string | null
  paid_amount_minor: number | null
  paid_eur_minor: number | null
  bank_reference: string | null
  override_reason: string | null
  cancel_reason: string | null
}

export interface ProjectExpensesTable extends RecordColumns {
  project_id: string
  spent_on: string
  supplier: string | null
  description: string
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  agreement_id: string | null
  heading_code: string | null
  document: string | null
}

export interface IndicatorsTable extends RecordColumns {
  project_id: string
  position: number
  name: string
  level: string
  measure: string
  unit: string | null
  baseline_value: string | null
  baseline_on: string | null
  target_value: string
  target_on: string | null
}

export interface IndicatorValuesTable extends RecordColumns {
  indicator_id: string
  period_end: string
  value: string
  comment: string | null
}

export interface ProjectDocumentsTable extends RecordColumns {
  project_id: string
  title: string
  stored_name: string
  original_name: string
  size: number
  sha256: string
}
