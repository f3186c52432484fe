import type { MemberFields } from '@shared/members/schema'

type DemoMember = Pick<MemberFields, 'kind' | 'name' | 'country'> &
  Partial<Pick<MemberFields, 'population' | 'populationYear' | 'joinedOn'>> & { code: string }

/**
 * Members of the demo: cities of the network across its regions, with rounded populations.
 * Demo data, not a register: figures are orders of magnitude.
 */
export const DEMO_MEMBERS: DemoMember[] = [
  ['DKR', 'Ville de Dakar', 'SN', 1_200_000, '1979-05-01'],
  ['ABJ', 'District autonome d’Abidjan', 'CI', 5_600_000, '1979-05-01'],
  ['OUA', 'Commune de Ouagadougou', 'BF', 2_900_000, '1980-06-01'],
  ['YAO', 'Communauté urbaine de Yaoundé', 'CM', 4_100_000, '1979-05-01'],
  ['DLA', 'Communauté urbaine de Douala', 'CM', 3_900_000, '1981-03-01'],
  ['BKO', 'District de Bamako', 'ML', 2_800_000, '1980-06-01'],
  ['NIM', 'Ville de Niamey', 'NE', 1_500_000, '1982-04-01'],
  ['COO', 'Ville de Cotonou', 'BJ', 680_000, '1979-05-01'],
  ['LFW', 'Commune de Lomé', 'TG', 1_900_000, '1983-05-01'],
  ['FIH', 'Ville de Kinshasa', 'CD', 16_000_000, '1980-06-01'],
  ['BJM', 'Ville de Bujumbura', 'BI', 1_100_000, '1985-05-01'],
  ['TNR', 'Commune urbaine d’Antananarivo', 'MG', 1_400_000, '1983-05-01'],
  ['MJN', 'Commune urbaine de Mahajanga', 'MG', 250_000, '2001-10-01'],
  ['VTE', 'Ville de Vientiane', 'LA', 950_000, '1990-11-01'],
  ['REP', 'Ville de Siem Reap', 'KH', 250_000, '2006-11-01'],
  ['PNH', 'Ville de Phnom Penh', 'KH', 2_300_000, '1991-11-01'],
  ['HUI', 'Ville de Hué', 'VN', 650_000, '1994-10-01'],
  ['BEY', 'Municipalité de Beyrouth', 'LB', 430_000, '1979-05-01'],
  ['TUN', 'Commune de Tunis', 'TN', 640_000, '1979-05-01'],
  ['RBA', 'Commune de Rabat', 'MA', 580_000, '1979-05-01'],
  ['NKC', 'Communauté urbaine de Nouakchott', 'MR', 1_300_000, '1983-05-01'],
  ['PAP', 'Ville de Port-au-Prince', 'HT', 990_000, '1987-05-01'],
  ['KGL', 'Ville de Kigali', 'RW', 1_750_000, '1997-11-01'],
  ['RSZ', 'District de Rusizi', 'RW', 490_000, '2012-11-01'],
  ['RBV', 'District de Rubavu', 'RW', 550_000, '2012-11-01'],
].map(([code, name, country, population, joinedOn]) => ({
  code: `M-${String(code)}`,
  kind: 'city' as const,
  name: String(name),
  country: String(country) as MemberFields['country'],
  population: Number(population),
  populationYear: 2022,
  joinedOn: String(joinedOn),
}))

/** National associations of cities, beneficiaries of the multi-country EU actions. */
DEMO_MEMBERS.push(
  {
    code: 'M-UVICOCI',
    kind: 'national_association',
    name: 'Union des villes et communes de Côte d’Ivoire',
    country: 'CI',
    joinedOn: '2005-10-01',
  },
  {
    code: 'M-CVUC',
    kind: 'national_association',
    name: 'Communes et villes unies du Cameroun',
    country: 'CM',
    joinedOn: '2004-11-01',
  },
)
