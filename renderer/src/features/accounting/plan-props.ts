import type { AccountingPlanView } from '@shared/accounting/schema'

/** What each tab of AccountingSection is given: the plan, and how to save a change to it. */
export interface PlanProps {
  plan: AccountingPlanView
  /** Runs a change; the plan it answers is shown, its refusal said (null when it succeeded). */
  change: (action: () => Promise<AccountingPlanView>) => Promise<unknown>
}
