import type { Session } from '../app/session'
import { fieldFailure } from '../failure'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { translate } from '@shared/i18n/translate'
import type { FinancingSource } from '@shared/projects/schema'
import { nameKey, quotedNames } from '../workbook/names'

/** A committed plan line as a tranche's split names it. */
export interface NamedLine {
  id: string
  source: string
  reference: string | null
  heading_code: string | null
}

/**
 * What names a plan line in a tranche's split: its agreement's reference (and the donor
 * heading it charges), or the untied fund.
 */
export function lineLabel(
  line: { source: string; reference: string | null; heading_code: string | null },
  language: Language,
): string {
  if (line.source !== 'agreement' || !line.reference)
    return translate(
      language,
      `projects.plan.source_${line.source as FinancingSource}` as MessageKey,
    )
  return line.heading_code ? `${line.reference} / ${line.heading_code}` : line.reference
}

/** Other names of the untied fund a person writes in a split: « Fonds délié », "untied fund". */
const UNTIED_FUND_NAMES = ['Fonds délié', 'Fonds délié AIMF', 'Untied fund']

/** Every name a committed line goes by in a split, as compared (see {@link nameKey}). */
function lineNames(line: {
  source: string
  reference: string | null
  heading_code: string | null
}) {
  const names = (['fr', 'en'] as const).map((language) => lineLabel(line, language))
  if (line.source === 'untied_fund') names.push(...UNTIED_FUND_NAMES)
  return new Set(names.map(nameKey))
}

/** A project's committed lines, in the plan's order, as a split names them. */
export async function committedLines(session: Session, projectId: string): Promise<NamedLine[]> {
  return session.file.db
    .selectFrom('financing_lines as l')
    .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
    .select(['l.id', 'l.source', 'l.heading_code', 'a.reference'])
    .where('l.project_id', '=', projectId)
    .where('l.deleted_at', 'is', null)
    .where('l.committed_on', 'is not', null)
    .orderBy('l.created_at')
    .execute()
}

/**
 * A tranche's split as the service takes it: each named line found among the project's
 * committed lines (two lines of one name in the order of the plan), its name compared without
 * case, accents or the kind of apostrophe. Null when the row has none. A name that finds no line
 * is refused with the names of the lines it may give.
 */
export function splitOfLines(
  lines: readonly NamedLine[],
  split: { key: string; amount: string }[] | null | undefined,
  language: Language,
): { lineId: string; amount: string }[] | null {
  if (!split || split.length === 0) return null
  const named = lines.map((line) => ({ line, names: lineNames(line) }))
  const taken = new Set<string>()
  return split.map(({ key, amount }) => {
    const wanted = nameKey(key)
    const found = named.find(({ line, names }) => !taken.has(line.id) && names.has(wanted))
    if (!found) {
      const accepted = [...new Set(lines.map((line) => lineLabel(line, language)))]
      throw fieldFailure('VALIDATION', 'split', 'workbook.splitUnknownLine', {
        line: key,
        lines: accepted.length > 0 ? quotedNames(accepted, language) : '—',
      })
    }
    taken.add(found.line.id)
    return { lineId: found.line.id, amount }
  })
}
