import type { RecordColumns } from './file-tables'

// The tables of members, their contacts and roles.

export interface MembersTable extends RecordColumns {
  code: string
  kind: string
  name: string
  country: string | null
  region: string | null
  population: number | null
  population_year: number | null
  leader_name: string | null
  /** 'f' (Madame) or 'm' (Monsieur): how letters greet the mayor or president. */
  leader_civility: string | null
  address: string | null
  email: string | null
  phone: string | null
  joined_on: string | null
  status: string
  status_on: string | null
  status_reason: string | null
  notes: string | null
}

export interface MemberContactsTable extends RecordColumns {
  member_id: string
  name: string
  role: string | null
  email: string | null
  phone: string | null
}

export interface MemberRolesTable extends RecordColumns {
  member_id: string
  body: 'bureau' | 'permanent_commission'
  role: string
  starts_on: string
  ends_on: string | null
}
