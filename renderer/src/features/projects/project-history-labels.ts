import type { MessageKey } from '@shared/i18n/messages/catalog'

/** The label of each stored column of a project, for its history. */
export const PROJECT_COLUMN_LABELS: Record<string, MessageKey> = {
  code: 'projects.field.code',
  title: 'projects.field.title',
  member_id: 'projects.field.member',
  region: 'projects.field.region',
  sector_code: 'projects.field.sector',
  programme: 'projects.field.programme',
  nature: 'projects.field.nature',
  currency: 'projects.field.currency',
  total_cost_minor: 'projects.field.totalCost',
  starts_on: 'projects.field.startsOn',
  ends_on: 'projects.field.endsOn',
  status: 'projects.field.status',
  approved_on: 'projects.field.approvedOn',
  bureau_meeting: 'projects.field.bureauMeeting',
  objectives: 'projects.field.objectives',
  description: 'projects.field.description',
  contact_name: 'projects.field.contactName',
  contact_email: 'projects.field.contactEmail',
  contact_phone: 'projects.field.contactPhone',
  deleted_at: 'common.archived',
}
