import type { DataFile } from '../db/data-file'

/** A third party's sub-account (compte auxiliaire): a funder's receivable, a city's grant. */
export interface Auxiliary {
  code: string
  label: string
}

/** Letters and digits only, upper case, accents dropped: what every accounting software reads. */
export function plainCode(text: string, length: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, length)
}

/**
 * What the books read of the records besides the ledger: each agreement's funder and period,
 * each funder's kind and sub-account, each city's sub-account, each budget line's code. These
 * can be edited; a closing keeps them as they were (frozen.ts), so that editing a funder's kind
 * or an agreement's dates later changes the open period only.
 */
export interface AttributeMaps {
  /** Each agreement's funder, and its schedule of instalments (day, amount in its currency). */
  agreements: Record<string, { funderId: string | null; schedule: [string, number][] }>
  funders: Record<string, { kind: string | null; auxiliary: Auxiliary }>
  cities: Record<string, Auxiliary>
  budgetLines: Record<string, string>
}

export class Attributes {
  constructor(readonly maps: AttributeMaps) {}

  funderOf(agreementId: string | null): string | null {
    return agreementId ? (this.maps.agreements[agreementId]?.funderId ?? null) : null
  }

  funderKind(funderId: string | null): string | null {
    return funderId ? (this.maps.funders[funderId]?.kind ?? null) : null
  }

  funderAux(funderId: string | null): Auxiliary | null {
    return funderId ? (this.maps.funders[funderId]?.auxiliary ?? null) : null
  }

  cityAux(memberId: string | null): Auxiliary | null {
    return memberId ? (this.maps.cities[memberId] ?? null) : null
  }

  budgetLine(lineKey: string | null): string | null {
    return lineKey ? (this.maps.budgetLines[lineKey] ?? null) : null
  }

  /** The instalments an agreement's funder scheduled: [day, amount], in day order. */
  schedule(agreementId: string): readonly [string, number][] {
    return this.maps.agreements[agreementId]?.schedule ?? []
  }
}

/**
 * Reads the attributes as they are now. A funder's sub-account code comes from its acronym or
 * name, the same on every copy (funders taken in the order they were created; a code already
 * given gets a number); a city's is its member code.
 */
export async function loadAttributes(db: DataFile['db']): Promise<Attributes> {
  const maps: AttributeMaps = { agreements: {}, funders: {}, cities: {}, budgetLines: {} }
  const taken = new Set<string>()
  for (const row of await db
    .selectFrom('funders')
    .select(['id', 'name', 'acronym', 'kind'])
    .orderBy('created_at')
    .orderBy('id')
    .execute()) {
    const base = `F${plainCode(row.acronym || row.name, 9) || 'X'}`
    let code = base
    for (let n = 2; taken.has(code); n += 1) code = `${base.slice(0, 10 - String(n).length)}${n}`
    taken.add(code)
    maps.funders[row.id] = { kind: row.kind, auxiliary: { code, label: row.name } }
  }
  for (const row of await db.selectFrom('agreements').select(['id', 'funder_id']).execute()) {
    maps.agreements[row.id] = { funderId: row.funder_id, schedule: [] }
  }
  for (const row of await db
    .selectFrom('agreement_instalments')
    .select(['agreement_id', 'expected_on', 'amount_minor'])
    .where('deleted_at', 'is', null)
    .orderBy('expected_on')
    .orderBy('id')
    .execute()) {
    maps.agreements[row.agreement_id]?.schedule.push([row.expected_on, row.amount_minor])
  }
  for (const row of await db.selectFrom('members').select(['id', 'code', 'name']).execute()) {
    maps.cities[row.id] = { code: `C${plainCode(row.code, 16)}`, label: row.name }
  }
  for (const row of await db
    .selectFrom('budget_items')
    .select(['line_key', 'code'])
    .where('item_kind', '=', 'line')
    .orderBy('created_at')
    .orderBy('id')
    .execute()) {
    maps.budgetLines[row.line_key] = row.code
  }
  return new Attributes(maps)
}
