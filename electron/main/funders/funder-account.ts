import type { FunderAccount } from '@shared/funders/account'
import type { FundFigures } from '@shared/funds/schema'
import type { Session } from '../app/session'
import { emptyFigures } from '../funds/ledger'

/**
 * A funder with its agreements still in force (not archived) and their totals in euros: each
 * agreement's figures come from the ledger, the totals are their sums, so the funder's page,
 * the Conventions list and the dashboard always agree.
 */
export async function funderAccount(session: Session, id: string): Promise<FunderAccount> {
  const funder = await session.funders.get(id)
  const agreements = (await session.agreements.list()).filter((a) => a.funderId === id)
  return { funder, agreements, totalsEur: sumFigures(agreements.map((a) => a.figuresEur)) }
}

function sumFigures(all: readonly FundFigures[]): FundFigures {
  const total = emptyFigures()
  for (const figures of all)
    for (const key of Object.keys(total) as (keyof FundFigures)[]) total[key] += figures[key]
  return total
}
