import type { z } from 'zod'
import { programmeCode, programmeInput } from '@shared/programmes/schema'
import { type Register, ARCHIVED_ON, same } from '../workbook/register'
import { programmesByCode } from '../workbook/references'

const programmeRowInput = programmeInput.extend({ code: programmeCode })
type ProgrammeRow = z.output<typeof programmeRowInput>

/**
 * The AIMF programmes, known by their code: a workbook brings those a file lacks and the names
 * it gives them; projects and agreements name a programme by its name or its code.
 */
export const programmes: Register<ProgrammeRow> = {
  key: 'programmes',
  sheet: 'workbook.sheet.programmes',
  columns: [
    { field: 'code', heading: 'programmes.code', kind: 'text', required: true },
    { field: 'label', heading: 'programmes.label', kind: 'text', required: true },
    { field: 'labelEn', heading: 'programmes.labelEn', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: programmeRowInput,
  identity: (row) => String(row.code ?? '').toLowerCase(),
  name: (row) => String(row.code ?? ''),
  aliases: (row) => [row.label, row.labelEn].filter((name) => typeof name === 'string'),
  referencedByName: true,
  rows: async (session) =>
    (await session.programmes.list({ includeArchived: true })).map((p) => ({
      code: p.code,
      label: p.label,
      labelEn: p.labelEn,
      archivedOn: p.archivedAt?.slice(0, 10) ?? null,
    })),
  apply: async (session, input, author, memo) => {
    const byCode = await programmesByCode(session, memo)
    const key = input.code.toLowerCase()
    const existing = byCode.get(key)
    if (!existing) {
      byCode.set(key, await session.programmes.create(input, author))
      return 'created'
    }
    // An archived programme is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt || same(existing as unknown as Record<string, unknown>, input))
      return 'unchanged'
    byCode.set(key, await session.programmes.update(existing.id, input, author))
    return 'updated'
  },
  // What a reference to a programme finds is its code (projects and agreements keep it).
  archive: async (session, code, author) => {
    const found = (await session.programmes.list({ includeArchived: true })).find(
      (p) => p.code === code,
    )
    if (found) await session.programmes.archive(found.id, author)
  },
}
