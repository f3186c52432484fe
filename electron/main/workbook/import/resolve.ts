import type { Session } from '../../app/session'
import type { Language } from '@shared/i18n/locale'
import { programmeLabel } from '@shared/programmes/schema'
import { type Found, NameIndex, closestNames, quotedNames } from '../names'
import type { Memo, RegisterKey, Resolve } from '../register'
import {
  agreementsByReference,
  fundersByName,
  indicatorsByProject,
  membersByCode,
  programmesByCode,
  projectsByCode,
} from '../references'

/** The records of a register others name, each with its names and what a reference gets. */
interface Named {
  records: Map<string, unknown>
  entries: () => Iterable<[name: string, value: string]>
  /** A short list a refusal may give whole when no name is close (the live programmes' names). */
  choices?: (language: Language) => string[]
}

async function namedOf(session: Session, memo: Memo, register: RegisterKey): Promise<Named | null> {
  switch (register) {
    case 'programmes': {
      // A programme is named by its code or one of its names; a reference gets its code.
      const records = await programmesByCode(session, memo)
      return {
        records,
        entries: () =>
          [...records.values()].flatMap((p) =>
            [p.code, p.label, p.labelEn].flatMap((name) =>
              name ? [[name, p.code] as [string, string]] : [],
            ),
          ),
        choices: (language) =>
          [...records.values()]
            .filter((p) => !p.archivedAt)
            .map((p) => programmeLabel(p, language)),
      }
    }
    case 'funders': {
      const records = await fundersByName(session, memo)
      return { records, entries: () => [...records.values()].map((f) => [f.name, f.id]) }
    }
    case 'agreements': {
      const records = await agreementsByReference(session, memo)
      return { records, entries: () => [...records.values()].map((a) => [a.reference, a.id]) }
    }
    case 'members': {
      const records = await membersByCode(session, memo)
      return { records, entries: () => [...records.values()].map((m) => [m.code, m.id]) }
    }
    case 'projects': {
      const records = await projectsByCode(session, memo)
      return { records, entries: () => [...records.values()].map((p) => [p.code, p.id]) }
    }
    case 'indicators': {
      // An indicator is named within its project: "project code|indicator name".
      const records = await indicatorsByProject(session, memo)
      const projects = await projectsByCode(session, memo)
      return {
        records,
        entries: () => {
          const codes = new Map([...projects.values()].map((p) => [p.id, p.code]))
          return [...records.values()].map((i) => [
            `${codes.get(i.project_id) ?? ''}|${i.name}`,
            i.id,
          ])
        },
      }
    }
    default:
      return null
  }
}

/**
 * Finds the records that rows name (a funder by its name, an agreement by its reference…): a
 * name is taken as written, then the forgiving way when it names one record only (see
 * {@link NameIndex}). While checking, the names the workbook's own rows bring stand for the
 * records they will make (`standIns`).
 */
export class NameResolver {
  private readonly indexes = new Map<
    RegisterKey,
    { records: Map<string, unknown>; size: number; index: NameIndex<string> }
  >()

  constructor(
    private readonly session: Session,
    private readonly memo: Memo,
    private readonly standIns: ReadonlyMap<RegisterKey, readonly [string, string][]> = new Map(),
  ) {}

  /** After a row's writing was undone: the records must be read again. */
  forget(): void {
    this.indexes.clear()
  }

  async find(register: RegisterKey, name: string): Promise<Found<string>> {
    return (await this.index(register))?.find(name) ?? { kind: 'none' }
  }

  /** Every name a register's records go by, for a refusal to suggest the closest. */
  async names(register: RegisterKey): Promise<string[]> {
    return (await this.index(register))?.names() ?? []
  }

  /**
   * The whole of a short list, for a refusal that found no close name: the file's live
   * programmes and those the workbook brings (by their names, not their codes). Empty for others.
   */
  async choices(register: RegisterKey, language: Language): Promise<string[]> {
    const named = await namedOf(this.session, this.memo, register)
    if (!named?.choices) return []
    const brought = (this.standIns.get(register) ?? [])
      .filter(([name, value]) => name !== value)
      .map(([name]) => name)
    return [...new Set([...named.choices(language), ...brought])]
  }

  /** The resolver the registers' `toInput` take: an id, or null when not one record. */
  readonly resolve: Resolve = async (register, name) => {
    const found = await this.find(register, name)
    return found.kind === 'one' ? found.value : null
  }

  private async index(register: RegisterKey): Promise<NameIndex<string> | null> {
    // Kept while the register's records stay as they are; made again once the import adds one.
    // The records the import remembers are kept under the register's key (references.ts): the
    // same map, as large, needs no reading — an import resolves a hundred thousand names.
    const cached = this.indexes.get(register)
    if (cached && this.memo.get(register) === cached.records && cached.records.size === cached.size)
      return cached.index
    const named = await namedOf(this.session, this.memo, register)
    if (!named) return null
    if (cached && cached.size === named.records.size) {
      cached.records = named.records
      return cached.index
    }
    const index = new NameIndex<string>()
    for (const [name, value] of named.entries()) index.add(name, value)
    for (const [name, value] of this.standIns.get(register) ?? []) index.add(name, value)
    this.indexes.set(register, { records: named.records, size: named.records.size, index })
    return index
  }
}

/** The id a record the workbook will make stands under while the workbook is checked. */
export const STAND_IN_ID = '00000000-0000-7000-8000-000000000000'

/**
 * What a refusal of a name says besides: the names it could have meant, when it named several,
 * or the closest ones, when it named none.
 */
export function spellings(
  found: Found<string>,
  wanted: string,
  names: readonly string[],
  language: Language,
): string {
  if (found.kind === 'ambiguous') return quotedNames(found.names, language)
  return quotedNames(closestNames(wanted, names), language)
}
