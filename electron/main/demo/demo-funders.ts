import type { FunderFields } from '@shared/funders/schema'

const DEMO_NOTE = 'Donnée de démonstration.'

type DemoFunder = Omit<
  FunderFields,
  'acronym' | 'contactName' | 'contactEmail' | 'contactPhone' | 'notes'
> & {
  acronym?: string
  notes?: string
}

function funder(fields: DemoFunder): FunderFields {
  return {
    acronym: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    ...fields,
    notes: fields.notes ? `${fields.notes} ${DEMO_NOTE}` : DEMO_NOTE,
  }
}

/**
 * The funders of the demo file, from the public record (seeds 000–004): the four governments
 * that give untied money, the European Union, the Gates Foundation, agencies and partner cities.
 * Contacts are left empty on purpose: no real person's details are invented.
 */
export const DEMO_FUNDERS: FunderFields[] = [
  funder({
    name: 'France — Ministère de l’Europe et des Affaires étrangères',
    acronym: 'MEAE',
    kind: 'state',
    country: 'FR',
    defaultCurrency: 'EUR',
    notes: 'Un des quatre États qui apportent des fonds déliés à l’AIMF.',
  }),
  funder({
    name: 'Canada — Affaires mondiales Canada',
    acronym: 'AMC',
    kind: 'state',
    country: 'CA',
    defaultCurrency: 'CAD',
    notes: 'Un des quatre États qui apportent des fonds déliés à l’AIMF.',
  }),
  funder({
    name: 'Québec — Ministère des Relations internationales et de la Francophonie',
    acronym: 'MRIF',
    kind: 'local_government',
    country: 'CA',
    defaultCurrency: 'CAD',
    notes: 'Un des quatre gouvernements qui apportent des fonds déliés à l’AIMF.',
  }),
  funder({
    name: 'Cameroun — Gouvernement de la République du Cameroun',
    kind: 'state',
    country: 'CM',
    defaultCurrency: 'XAF',
    notes: 'Un des quatre États qui apportent des fonds déliés à l’AIMF.',
  }),
  funder({
    name: 'Union européenne — Commission européenne',
    acronym: 'UE',
    kind: 'multilateral',
    country: 'BE',
    defaultCurrency: 'EUR',
    notes: 'Programme « Acteurs non étatiques et autorités locales dans le développement ».',
  }),
  funder({
    name: 'Fondation Bill & Melinda Gates',
    acronym: 'BMGF',
    kind: 'foundation',
    country: 'US',
    defaultCurrency: 'USD',
    notes: 'Initiative pour les services urbains clés dans les secteurs sociaux (2017–2021).',
  }),
  funder({ name: 'Ville de Paris', kind: 'city', country: 'FR', defaultCurrency: 'EUR' }),
  funder({ name: 'Ville de Genève', kind: 'city', country: 'CH', defaultCurrency: 'CHF' }),
  funder({ name: 'Ville de Lausanne', kind: 'city', country: 'CH', defaultCurrency: 'CHF' }),
  funder({
    name: 'Agence française de développement',
    acronym: 'AFD',
    kind: 'agency',
    country: 'FR',
    defaultCurrency: 'EUR',
  }),
  funder({
    name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit',
    acronym: 'GIZ',
    kind: 'agency',
    country: 'DE',
    defaultCurrency: 'EUR',
  }),
  funder({
    name: 'Agence de la transition écologique',
    acronym: 'ADEME',
    kind: 'agency',
    country: 'FR',
    defaultCurrency: 'EUR',
  }),
  funder({
    name: 'Agence de l’eau Seine-Normandie',
    acronym: 'AESN',
    kind: 'agency',
    country: 'FR',
    defaultCurrency: 'EUR',
  }),
  funder({
    name: 'Syndicat interdépartemental pour l’assainissement de l’agglomération parisienne',
    acronym: 'SIAAP',
    kind: 'local_government',
    country: 'FR',
    defaultCurrency: 'EUR',
  }),
]
