import type { z } from 'zod'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { FUNDER_KINDS, funderInput } from '@shared/funders/schema'
import { type Register, ARCHIVED_ON, same } from '../workbook/register'
import { fundersByName } from '../workbook/references'

export const funders: Register<z.output<typeof funderInput>> = {
  key: 'funders',
  sheet: 'workbook.sheet.funders',
  columns: [
    { field: 'name', heading: 'funders.field.name', kind: 'text', required: true },
    { field: 'acronym', heading: 'funders.field.acronym', kind: 'text' },
    {
      field: 'kind',
      heading: 'funders.field.kind',
      kind: 'choice',
      required: true,
      choices: { codes: FUNDER_KINDS, label: (code) => `funders.kind.${code}` as MessageKey },
    },
    { field: 'country', heading: 'funders.field.country', kind: 'country' },
    {
      field: 'defaultCurrency',
      heading: 'funders.field.defaultCurrency',
      kind: 'currency',
      required: true,
    },
    { field: 'contactName', heading: 'funders.field.contactName', kind: 'text' },
    { field: 'contactEmail', heading: 'funders.field.contactEmail', kind: 'text' },
    { field: 'contactPhone', heading: 'funders.field.contactPhone', kind: 'text' },
    { field: 'notes', heading: 'funders.field.notes', kind: 'text' },
    { field: ARCHIVED_ON, heading: 'workbook.column.archivedOn', kind: 'date' },
  ],
  schema: funderInput,
  identity: (row) => String(row.name ?? '').toLowerCase(),
  name: (row) => String(row.name ?? ''),
  rows: async (session) =>
    (await session.funders.list({ includeArchived: true })).map((f) => ({
      name: f.name,
      acronym: f.acronym,
      kind: f.kind,
      country: f.country,
      defaultCurrency: f.defaultCurrency,
      contactName: f.contactName,
      contactEmail: f.contactEmail,
      contactPhone: f.contactPhone,
      notes: f.notes,
      archivedOn: f.archivedAt?.slice(0, 10) ?? null,
    })),
  apply: async (session, input, author, memo) => {
    const byName = await fundersByName(session, memo)
    const key = input.name.toLowerCase()
    const existing = byName.get(key)
    if (!existing) {
      byName.set(key, await session.funders.create(input, author))
      return 'created'
    }
    // An archived funder is left as it is: it is restored in the window, not by a workbook.
    if (existing.archivedAt || same(existing as unknown as Record<string, unknown>, input))
      return 'unchanged'
    byName.set(key, await session.funders.update(existing.id, input, author))
    return 'updated'
  },
  archive: async (session, id, author) => {
    await session.funders.archive(id, author)
  },
}
