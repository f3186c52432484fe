import type { RecordColumns } from './file-tables'

// The tables of the accounting: chart, rules, banks, settings, closings and reports sent.

/** An account added to the chart, or a default account renamed (accounting/plan.ts). */
export interface AccountingAccountsTable extends RecordColumns {
  number: string
  label: string
  note: string | null
}

/** Which account a role of a ledger event goes to, under conditions, from a day on. */
export interface AccountingRulesTable extends RecordColumns {
  role: string
  fund_class: 'tied' | 'untied' | null
  nature: 'operating' | 'investment' | null
  funder_kind: string | null
  budget_line: string | null
  account: string
  valid_from: string
  note: string | null
}

export interface BankAccountsTable extends RecordColumns {
  label: string
  currency: string
  account: string
  journal_code: string
  journal_label: string
  iban: string | null
  is_default: number
  note: string | null
}

/** One row (id ACCOUNTING_SETTINGS_ID): the general journals and the SIREN. */
export interface AccountingSettingsTable extends RecordColumns {
  siren: string | null
  general_journal_code: string
  general_journal_label: string
  opening_journal_code: string
  opening_journal_label: string
}

/** A closed period: the days after `previous_through` up to `closes_through`. */
export interface PeriodClosuresTable extends RecordColumns {
  closes_through: string
  previous_through: string | null
  closed_on: string
  /** The ids of the ledger entries it closed, sorted, one per line. */
  ledger_ids: string
  /** Those of them dated before `previous_through`: booked on the day after it. */
  late_ids: string
  entry_count: number
  /** JSON: each journal's entries, totals and last number in the period. */
  journals: string
  digest: string
  /** JSON: the plan and the records' attributes the period's books were made with. */
  frozen: string
  note: string | null
  reopen_reason: string | null
}

/** A report sent to a funder, as it was sent: its request, figures and digest. */
export interface SentReportsTable extends RecordColumns {
  kind: string
  agreement_id: string | null
  title: string
  request: string
  sent_on: string
  recipient: string | null
  note: string | null
  format: string | null
  digest: string
  row_digests: string
  figures: string
}
