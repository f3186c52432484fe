import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { divideHalfUp } from '@shared/money/decimal'
import type { Attributes } from './attributes'
import type { Closures } from './closures'
import type { BookRules } from './frozen'
import { ledgerRowsById } from './ledger-rows'
import type { AgreementYear, ByNature, Nature } from './agreement-year'

const NATURES: readonly Nature[] = ['operating', 'investment']
const zero = (): ByNature => ({ operating: 0, investment: 0 })

interface AgreementRow {
  id: string
  reference: string
  earmarking: string
  funder_name: string | null
}

/**
 * The part of what was notified that belongs to the years after `year` (deferred income,
 * produits constatés d'avance): a multi-year subsidy's share of the instalments its funder
 * scheduled after that year's end. An agreement without a schedule is the resource of the year
 * it is notified in; what it leaves unspent is carried as dedicated funds.
 */
export function futureShare(
  amount: number,
  schedule: readonly (readonly [string, number])[],
  year: number,
): number {
  if (amount === 0 || schedule.length === 0) return 0
  const end = `${year}-12-31`
  let total = 0
  let later = 0
  for (const [day, scheduled] of schedule) {
    total += scheduled
    if (day > end) later += scheduled
  }
  if (total <= 0 || later <= 0) return 0
  return Number(divideHalfUp(BigInt(amount) * BigInt(Math.min(later, total)), BigInt(total)))
}

/**
 * Every agreement's years up to `lastYear`, from the ledger: sums by year of booking, kind and
 * nature, then the share of future years and the dedicated funds rolled forward year by year.
 * A closed year's figures are those its closing kept; the years after roll on from them.
 */
export async function agreementYears(
  db: DataFile['db'],
  closures: Closures,
  rules: BookRules,
  lastYear: number,
): Promise<Map<string, AgreementYear[]>> {
  const end = `${lastYear}-12-31`
  const agreements = await sql<AgreementRow>`
    SELECT a.id, a.reference, a.earmarking, f.name AS funder_name
    FROM agreements a LEFT JOIN funders f ON f.id = a.funder_id`.execute(db)
  const attributes: Attributes = rules.current.attributes
  const sums = await sql<{
    agreement_id: string
    year: string
    kind: string
    nature: Nature | null
    eur: number
  }>`
    SELECT agreement_id, substr(entry_date, 1, 4) AS year, kind, nature, SUM(eur_minor) AS eur
    FROM ledger_entries
    WHERE deleted_at IS NULL AND agreement_id IS NOT NULL AND entry_date <= ${end}
      AND kind IN ('commitment', 'receipt', 'allocation', 'expense')
    GROUP BY agreement_id, year, kind, nature`.execute(db)
  const flows = new Map<
    string,
    Map<number, { committed: ByNature; used: ByNature; received: number }>
  >()
  const add = (
    agreementId: string,
    year: number,
    kind: string,
    nature: Nature | null,
    eur: number,
  ) => {
    const byYear = flows.get(agreementId) ?? new Map()
    flows.set(agreementId, byYear)
    const flow = byYear.get(year) ?? { committed: zero(), used: zero(), received: 0 }
    byYear.set(year, flow)
    const key: Nature = nature ?? 'operating'
    if (kind === 'commitment') flow.committed[key] += eur
    else if (kind === 'receipt') flow.received += eur
    else flow.used[key] += eur
  }
  for (const row of sums.rows)
    add(row.agreement_id, Number(row.year), row.kind, row.nature, Number(row.eur))
  // An entry booked on another day than its own (it came after a closing) counts in the year
  // it is booked in.
  const moved = [...closures.movedEntries]
  if (moved.length > 0) {
    const rows = await ledgerRowsById(
      db,
      moved.map(([id]) => id),
    )
    for (const row of rows) {
      if (
        !row.agreement_id ||
        !['commitment', 'receipt', 'allocation', 'expense'].includes(row.kind)
      )
        continue
      const booked = closures.bookedOn(row.id, row.entry_date)
      if (row.entry_date <= end)
        add(
          row.agreement_id,
          Number(row.entry_date.slice(0, 4)),
          row.kind,
          row.nature,
          -row.eur_minor,
        )
      if (booked <= end)
        add(row.agreement_id, Number(booked.slice(0, 4)), row.kind, row.nature, row.eur_minor)
    }
  }

  const frozen = new Map<string, Map<number, AgreementYear>>()
  for (const [year, list] of rules.frozenYears()) {
    for (const item of list) {
      const byYear = frozen.get(item.agreementId) ?? new Map<number, AgreementYear>()
      byYear.set(year, item)
      frozen.set(item.agreementId, byYear)
    }
  }
  const years = new Map<string, AgreementYear[]>()
  for (const agreement of agreements.rows) {
    const byYear = flows.get(agreement.id)
    if (!byYear || byYear.size === 0) continue
    const first = Math.min(...byYear.keys())
    const fundClass = agreement.earmarking === 'untied' ? 'untied' : 'tied'
    const schedule = attributes.schedule(agreement.id)
    const funderId = attributes.funderOf(agreement.id)
    const list: AgreementYear[] = []
    const cumulative = zero()
    let futureStart = zero()
    let dedicated = 0
    let usedBefore = 0
    for (let year = first; year <= lastYear; year += 1) {
      const flow = byYear.get(year) ?? { committed: zero(), used: zero(), received: 0 }
      for (const nature of NATURES) cumulative[nature] += flow.committed[nature]
      const kept = frozen.get(agreement.id)?.get(year)
      if (kept) {
        list.push(kept)
        futureStart = kept.futureEnd
        dedicated = kept.dedicatedEnd
        usedBefore = kept.used.operating + kept.used.investment
        continue
      }
      const futureEnd = zero()
      for (const nature of NATURES) {
        futureEnd[nature] = futureShare(cumulative[nature], schedule, year)
      }
      const income = NATURES.reduce(
        (sum, n) => sum + flow.committed[n] - (futureEnd[n] - futureStart[n]),
        0,
      )
      const used = flow.used.operating + flow.used.investment
      let dedicatedUsed = 0
      let dedicatedAdded = 0
      let dedicatedEnd = 0
      if (fundClass === 'tied') {
        // The opening dedicated funds are used first; what the year's resources leave unused is
        // carried; a year spending beyond both leaves nothing (the association bore it).
        dedicatedEnd = Math.max(0, dedicated + income - used)
        dedicatedUsed = Math.min(dedicated, Math.max(0, used))
        dedicatedAdded = dedicatedEnd - dedicated + dedicatedUsed
        if (dedicatedAdded < 0) {
          dedicatedUsed -= dedicatedAdded
          dedicatedAdded = 0
        }
      }
      list.push({
        agreementId: agreement.id,
        reference: agreement.reference,
        funderId,
        funderName: agreement.funder_name ?? '',
        funderKind: attributes.funderKind(funderId),
        fundClass,
        year,
        committed: flow.committed,
        received: flow.received,
        used: flow.used,
        futureStart,
        futureEnd,
        income,
        dedicatedStart: dedicated,
        dedicatedUsed,
        dedicatedAdded,
        dedicatedEnd,
        idle: dedicatedEnd > 0 && used <= 0 && usedBefore <= 0,
      })
      futureStart = futureEnd
      dedicated = dedicatedEnd
      usedBefore = used
    }
    years.set(agreement.id, list)
  }
  return years
}

/** The years whose year-end entries exist: those over (before today's) and those closed. */
export function yearEndDone(year: number, today: string, closures: Closures): boolean {
  const end = `${year}-12-31`
  return end < today || (closures.closedThrough !== null && closures.closedThrough >= end)
}
