import type { CountryCode } from '@shared/geo/countries'
import type { DefaultProgrammeCode as Programme } from '@shared/programmes/schema'
import { DEMO_NETWORK } from '../demo-network'

/** Per year of history, so that 20 years give the volumes. */
export const PER_YEAR = {
  untiedAgreements: 5,
  tiedAgreements: 10,
  projects: 75,
  expensesPerProject: 33,
  budgetExpenses: 7_000,
}
export const MEMBERS = 400
export const FUNDERS = 60
export const RATE_CURRENCIES = [
  ['USD', 1.25],
  ['CAD', 1.45],
  ['CHF', 1.2],
] as const
/** The network's countries, and nine more of the Francophonie: 50 in all. */
export const COUNTRIES = [
  ...Object.keys(DEMO_NETWORK),
  'GW',
  'CV',
  'ST',
  'VU',
  'EG',
  'BG',
  'MK',
  'GR',
  'AD',
] as CountryCode[]
export const SECTORS_BY_PROGRAMME: Record<Programme, string[]> = {
  gender_equality: ['15170'],
  climate: ['41010', '74020'],
  city_diplomacy: ['15150', '15220'],
  urban_planning: ['43030'],
  diasporas: ['15190'],
  disinformation: ['15153'],
  sport: ['16062'],
  french_language: ['11330', '16061'],
  culture_heritage: ['16061'],
  essential_services: ['14030', '14050', '14021'],
  local_governance: ['15112', '15111'],
  health: ['12220', '12230', '13020'],
  education: ['11220', '11110'],
  digital: ['22040'],
}
