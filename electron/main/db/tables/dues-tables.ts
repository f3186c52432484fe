import type { RecordColumns } from './file-tables'

// The tables of dues: the scale, calls, payments, settlements and letters.

export interface DuesBandsTable extends RecordColumns {
  year: number
  member_kind: string
  population_from: number
  population_to: number | null
  amount_minor: number
  currency: string
  label: string
}

export interface DuesOverridesTable extends RecordColumns {
  member_id: string
  year: number
  amount_minor: number
  currency: string
  reason: string
}

export interface DuesCallsTable extends RecordColumns {
  number: string
  member_id: string
  year: number
  called_on: string
  due_on: string
  amount_minor: number
  currency: string
  eur_minor: number
  basis: string
  cancelled_on: string | null
  cancel_reason: string | null
}

export interface DuesPaymentsTable extends RecordColumns {
  member_id: string
  kind: 'dues' | 'voluntary'
  received_on: string
  payer: string | null
  amount_minor: number
  currency: string
  eur_minor: number
  rate: string
  method: string
  bank_reference: string | null
  note: string | null
}

export interface DuesSettlementsTable extends RecordColumns {
  payment_id: string
  call_id: string
  call_amount_minor: number
  payment_amount_minor: number
  eur_minor: number
}

export interface LetterTemplatesTable extends RecordColumns {
  kind: 'call' | 'reminder' | 'receipt' | 'statement'
  language: 'fr' | 'en'
  subject: string
  body: string
}

export interface DuesSettingsTable extends RecordColumns {
  arrears_tolerance_eur_minor: number
  payment_days: number
}
