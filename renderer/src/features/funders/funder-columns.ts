import type { MessageKey } from '@shared/i18n/messages/catalog'

/** The label of each stored column, for the history of a funder. */
export const FUNDER_COLUMN_LABELS: Record<string, MessageKey> = {
  name: 'funders.field.name',
  acronym: 'funders.field.acronym',
  kind: 'funders.field.kind',
  country: 'funders.field.country',
  default_currency: 'funders.field.defaultCurrency',
  contact_name: 'funders.field.contactName',
  contact_email: 'funders.field.contactEmail',
  contact_phone: 'funders.field.contactPhone',
  notes: 'funders.field.notes',
  deleted_at: 'common.archived',
}
