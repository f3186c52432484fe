import type { FunderKind } from '@shared/funders/schema'
import type { PostingContext, SignedLine } from './postings'
import type { AgreementYear } from './agreement-year'

export type YearEndLineKind =
  'deferred' | 'deferredRelease' | 'dedicatedCharge' | 'dedicatedRelease'

/**
 * The year-end entry of an agreement (écritures d'inventaire): the change of the share of
 * future years (74x against 487), what is carried to dedicated funds (689 against 19x) and what
 * of them was used (19x against 789).
 */
export function yearEndLines(
  agreementYear: AgreementYear,
  context: PostingContext,
): { lines: SignedLine[]; kinds: YearEndLineKind[] } {
  const day = `${agreementYear.year}-12-31`
  const { plan, attributes } = context.at(day)
  const funderKind = agreementYear.funderKind as FunderKind | null
  const match = {
    fundClass: agreementYear.fundClass,
    nature: null,
    funderKind,
    budgetLine: null,
  }
  const funder = attributes.funderAux(agreementYear.funderId)
  const lines: SignedLine[] = []
  const kinds: YearEndLineKind[] = []
  const push = (account: string, eur: number, kind: YearEndLineKind, auxiliary = funder) => {
    lines.push({
      account,
      auxiliary: auxiliary ?? null,
      eur,
      native: null,
      agreementId: agreementYear.agreementId,
      project: null,
    })
    kinds.push(kind)
  }
  for (const nature of ['operating', 'investment'] as const) {
    const change = agreementYear.futureEnd[nature] - agreementYear.futureStart[nature]
    if (change === 0) continue
    const kind = change > 0 ? 'deferred' : 'deferredRelease'
    push(plan.account('subsidy.income', { ...match, nature }, day), change, kind, null)
    push(plan.account('deferred.income', match, day), -change, kind)
  }
  if (agreementYear.dedicatedAdded !== 0) {
    push(
      plan.account('dedicated.charge', match, day),
      agreementYear.dedicatedAdded,
      'dedicatedCharge',
      null,
    )
    push(
      plan.account('dedicated.fund', match, day),
      -agreementYear.dedicatedAdded,
      'dedicatedCharge',
    )
  }
  if (agreementYear.dedicatedUsed !== 0) {
    push(
      plan.account('dedicated.fund', match, day),
      agreementYear.dedicatedUsed,
      'dedicatedRelease',
    )
    push(
      plan.account('dedicated.release', match, day),
      -agreementYear.dedicatedUsed,
      'dedicatedRelease',
      null,
    )
  }
  return { lines, kinds }
}
