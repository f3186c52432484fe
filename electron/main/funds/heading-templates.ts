import type { HeadingRole, HeadingTemplate } from '@shared/funds/schema'
import type { MessageKey } from '@shared/i18n/messages/catalog'

/**
 * Ready budget structures. The EU "Budget for the Action": six direct headings, indirect costs
 * (8, capped at 7 % of the direct subtotal 7) and the contingency reserve (10, at most 5 % of 7);
 * lines 7, 9 and 11 are computed. The simple one is by specific objective.
 */
export const HEADING_TEMPLATES: Record<
  HeadingTemplate,
  { code: string; label: MessageKey; role: HeadingRole }[]
> = {
  eu: [
    { code: '1', label: 'headings.eu.humanResources', role: 'direct' },
    { code: '2', label: 'headings.eu.travel', role: 'direct' },
    { code: '3', label: 'headings.eu.equipment', role: 'direct' },
    { code: '4', label: 'headings.eu.localOffice', role: 'direct' },
    { code: '5', label: 'headings.eu.otherServices', role: 'direct' },
    { code: '6', label: 'headings.eu.other', role: 'direct' },
    { code: '8', label: 'headings.eu.indirect', role: 'indirect' },
    { code: '10', label: 'headings.eu.contingency', role: 'contingency' },
  ],
  objectives: [
    { code: 'OS1', label: 'headings.objectives.objective1', role: 'direct' },
    { code: 'OS2', label: 'headings.objectives.objective2', role: 'direct' },
    { code: 'OS3', label: 'headings.objectives.objective3', role: 'direct' },
    { code: 'G', label: 'headings.objectives.management', role: 'direct' },
    { code: 'CI', label: 'headings.objectives.indirect', role: 'indirect' },
  ],
}

/** The contingency reserve may not exceed 5 % of the direct costs (EU rule, applied to all). */
export const CONTINGENCY_CAP_BP = 500
/** The EU's default indirect-cost rate, used when the agreement sets none. */
export const DEFAULT_INDIRECT_CAP_BP = 700
