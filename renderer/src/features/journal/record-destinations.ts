import type { RecordPlace } from '@shared/history/schema'
import type { Area } from '../../app/area-names'

/** A record's page, opened on one of its tabs (none: the page as it was left). */
interface PageDestination {
  page: 'agreement' | 'project' | 'member' | 'funder'
  tab?: string
}

/** An area (or a section of the settings) with its tabs set in the address. */
interface AreaDestination {
  area: Area
  params: Readonly<Record<string, string>>
}

export type Destination = PageDestination | AreaDestination

const agreementTab = (tab: string): PageDestination => ({ page: 'agreement', tab })
const projectTab = (tab: string): PageDestination => ({ page: 'project', tab })
const memberTab = (tab: string): PageDestination => ({ page: 'member', tab })
const settings = (section: string, more: Record<string, string> = {}): AreaDestination => ({
  area: 'settings',
  params: { settings: section, ...more },
})

/**
 * Where each register's rows are shown (the core says which row, and the record whose page
 * lists it): the tab of an agreement's, project's or member's page, or an area's tab.
 * The address names the tabs as the pages do (`agreementTab`, `budgetTab`, `settings`…).
 */
const DESTINATIONS: Partial<Record<string, Destination>> = {
  agreements: { page: 'agreement' },
  projects: { page: 'project' },
  members: { page: 'member' },
  funders: { page: 'funder' },
  agreement_amendments: agreementTab('amendments'),
  receipts: agreementTab('receipts'),
  agreement_reports: agreementTab('schedule'),
  agreement_instalments: agreementTab('schedule'),
  agreement_headings: agreementTab('budget'),
  agreement_projects: agreementTab('projects'),
  overhead_recoveries: agreementTab('summary'),
  agreement_contributions: agreementTab('closing'),
  agreement_closings: agreementTab('closing'),
  project_transitions: projectTab('summary'),
  financing_lines: projectTab('plan'),
  tranches: projectTab('tranches'),
  project_expenses: projectTab('expenses'),
  indicators: projectTab('indicators'),
  indicator_values: projectTab('indicators'),
  project_documents: projectTab('documents'),
  member_contacts: memberTab('contacts'),
  member_roles: memberTab('contacts'),
  dues_calls: memberTab('account'),
  dues_payments: memberTab('account'),
  other_income: { area: 'agreements', params: {} },
  budget_versions: { area: 'budget', params: { budgetTab: 'lines' } },
  budget_items: { area: 'budget', params: { budgetTab: 'lines' } },
  budget_expenses: { area: 'budget', params: { budgetTab: 'expenses' } },
  cost_sharing_keys: { area: 'budget', params: { budgetTab: 'keys' } },
  dues_bands: { area: 'members', params: { membersTab: 'dues', duesTab: 'scale' } },
  dues_overrides: { area: 'members', params: { membersTab: 'dues', duesTab: 'scale' } },
  sent_reports: { area: 'reports', params: {} },
  organisation: settings('organisation'),
  exchange_rates: settings('rates'),
  programmes: settings('programmes'),
  dues_settings: settings('dues'),
  letter_templates: settings('dues'),
  accounting_rules: settings('accounting', { accountingTab: 'rules' }),
  accounting_accounts: settings('accounting', { accountingTab: 'accounts' }),
  bank_accounts: settings('accounting', { accountingTab: 'banks' }),
  accounting_settings: settings('accounting', { accountingTab: 'journals' }),
  period_closures: settings('accounting', { accountingTab: 'periods' }),
}

/** Where a journal line's « Voir » leads, or null when its record is shown nowhere. */
export function destinationOf(place: RecordPlace | null): Destination | null {
  if (!place) return null
  const destination = DESTINATIONS[place.table]
  if (!destination) return null
  // A register listed on a page needs that page's record.
  if ('page' in destination && place.parentId === null) return null
  return destination
}

/** The address values a page's tab is named by, as RecordTabs reads them. */
export const TAB_PARAMS: Record<PageDestination['page'], string> = {
  agreement: 'agreementTab',
  project: 'projectTab',
  member: 'memberTab',
  funder: 'funderTab',
}
