import type { AccountingSettings } from '@shared/accounting/schema'
import type { AgreementYear } from './agreement-year'
import type { AttributeMaps } from './attributes'
import type { BankRecord, Rule } from './plan'

/**
 * What a closing keeps besides the ledger entries it closed: the file's own mapping rules, bank
 * accounts and journals, the records' attributes the books read, and the year-end figures of
 * the years it closed. The closed period's books are made with these for ever after.
 */
export interface Frozen {
  rules: Rule[]
  banks: BankRecord[]
  settings: AccountingSettings
  attributes: AttributeMaps
  /** Each closed year's year-end figures, by year. */
  yearEnds: Record<string, AgreementYear[]>
}
