import type { MessageKey } from '@shared/i18n/messages/catalog'

/** The label of each stored column, for the history of an agreement. */
export const AGREEMENT_COLUMN_LABELS: Record<string, MessageKey> = {
  funder_id: 'agreements.field.funder',
  reference: 'agreements.field.reference',
  title: 'agreements.field.title',
  signed_on: 'agreements.field.signedOn',
  starts_on: 'agreements.field.startsOn',
  ends_on: 'agreements.field.endsOn',
  currency: 'agreements.field.currency',
  amount_minor: 'agreements.field.amount',
  earmarking: 'agreements.field.earmarking',
  programme: 'agreements.field.programme',
  programme_code: 'agreements.field.programmeCode',
  nature: 'agreements.field.nature',
  operating_share_bp: 'agreements.field.operatingShare',
  cofinancing_bp: 'agreements.field.cofinancing',
  indirect_cost_max_bp: 'agreements.field.indirectCostMax',
  notes: 'agreements.field.notes',
  deleted_at: 'common.archived',
}
