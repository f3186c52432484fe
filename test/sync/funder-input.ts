/** A foundation funder's form as the interface sends it: a name and a note, the rest left empty. */
export const funderInput = (name: string, notes: string | null = null) =>
  ({
    name,
    acronym: null,
    kind: 'foundation',
    country: null,
    defaultCurrency: 'EUR',
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    notes,
  }) as const
