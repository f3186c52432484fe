import type { MessageKey } from '@shared/i18n/messages/catalog'

/** The label of each stored column of a member, for its history. */
export const MEMBER_COLUMN_LABELS: Record<string, MessageKey> = {
  code: 'members.field.code',
  kind: 'members.field.kind',
  name: 'members.field.name',
  country: 'members.field.country',
  region: 'members.field.region',
  population: 'members.field.population',
  population_year: 'members.field.populationYear',
  leader_name: 'members.field.leaderName',
  address: 'members.field.address',
  email: 'members.field.email',
  phone: 'members.field.phone',
  joined_on: 'members.field.joinedOn',
  status: 'members.field.status',
  status_on: 'members.field.statusOn',
  status_reason: 'members.field.statusReason',
  notes: 'members.field.notes',
  deleted_at: 'common.archived',
}
