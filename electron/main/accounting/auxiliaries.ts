import type { DataFile } from '../db/data-file'
import type { Auxiliary } from './postings'

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
 * The sub-accounts of third parties: each funder's (its receivable) and each city's (the grants
 * owed to it). A funder's code comes from its acronym or name, the same on every copy (funders
 * are taken in the order they were created; a code already given gets a number); a city's is
 * its member code.
 */
export class Auxiliaries {
  private constructor(
    private readonly funders: ReadonlyMap<string, Auxiliary>,
    private readonly cities: ReadonlyMap<string, Auxiliary>,
  ) {}

  static async load(db: DataFile['db']): Promise<Auxiliaries> {
    const funders = new Map<string, Auxiliary>()
    const taken = new Set<string>()
    for (const row of await db
      .selectFrom('funders')
      .select(['id', 'name', 'acronym'])
      .orderBy('created_at')
      .orderBy('id')
      .execute()) {
      const base = `F${plainCode(row.acronym || row.name, 9) || 'X'}`
      let code = base
      for (let n = 2; taken.has(code); n += 1) code = `${base.slice(0, 10 - String(n).length)}${n}`
      taken.add(code)
      funders.set(row.id, { code, label: row.name })
    }
    const cities = new Map<string, Auxiliary>()
    for (const row of await db.selectFrom('members').select(['id', 'code', 'name']).execute()) {
      cities.set(row.id, { code: `C${plainCode(row.code, 16)}`, label: row.name })
    }
    return new Auxiliaries(funders, cities)
  }

  funder(id: string | null): Auxiliary | null {
    return id ? (this.funders.get(id) ?? null) : null
  }

  city(id: string | null): Auxiliary | null {
    return id ? (this.cities.get(id) ?? null) : null
  }
}
