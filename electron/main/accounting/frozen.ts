import type { DataFile } from '../db/data-file'
import { Attributes, loadAttributes } from './attributes'
import type { Closures } from './closures'
import type { Frozen } from './frozen-record'
import { AccountingPlan, defaultRules, loadPlan } from './plan'
import type { AgreementYear } from './agreement-year'

interface Period {
  /** The last day of the period before (exclusive), '' for the first. */
  after: string
  through: string
  plan: AccountingPlan
  attributes: Attributes
  yearEnds: Record<string, AgreementYear[]>
}

/**
 * The plan and attributes to make each day's entries with: a closed period's as frozen at its
 * closing, the open period's as they are now.
 */
export class BookRules {
  constructor(
    readonly current: { plan: AccountingPlan; attributes: Attributes },
    private readonly periods: readonly Period[],
  ) {}

  at(day: string): { plan: AccountingPlan; attributes: Attributes } {
    if (this.periods.length === 0 || day > (this.periods.at(-1)?.through ?? '')) return this.current
    const period = this.periods.find((p) => day > p.after && day <= p.through)
    return period ?? this.current
  }

  /** The closed years' year-end figures, as their closings kept them. */
  frozenYears(): Map<number, AgreementYear[]> {
    const years = new Map<number, AgreementYear[]>()
    for (const period of this.periods) {
      for (const [year, list] of Object.entries(period.yearEnds)) years.set(Number(year), list)
    }
    return years
  }

  /** Every plan in use, the open period's and the closed ones'. */
  get plans(): AccountingPlan[] {
    return [this.current.plan, ...this.periods.map((p) => p.plan)]
  }
}

/** The rules of a file: the current plan and attributes, and each closing's frozen ones. */
export async function loadBookRules(db: DataFile['db'], closures: Closures): Promise<BookRules> {
  const plan = await loadPlan(db)
  const attributes = await loadAttributes(db)
  const periods: Period[] = []
  for (const [index, closure] of closures.list.entries()) {
    const frozen = closure.frozen
    periods.push({
      after: closures.list[index - 1]?.closesThrough ?? '',
      through: closure.closesThrough,
      plan: new AccountingPlan(
        plan.accounts,
        [...defaultRules(), ...frozen.rules],
        new Map(frozen.banks.map((bank) => [bank.id, bank])),
        frozen.settings,
      ),
      attributes: new Attributes(frozen.attributes),
      yearEnds: frozen.yearEnds,
    })
  }
  return new BookRules({ plan, attributes }, periods)
}

/** What a closing made now keeps: the current rules and attributes, and its years' figures. */
export function freeze(
  current: { plan: AccountingPlan; attributes: Attributes },
  yearEnds: Record<string, AgreementYear[]>,
): Frozen {
  return {
    rules: current.plan.rules.filter((rule) => rule.id !== null),
    banks: [...current.plan.banks.values()],
    settings: current.plan.settings,
    attributes: current.attributes.maps,
    yearEnds,
  }
}
