/**
 * The regions of the AIMF network, by country. A member's and a project's region default to
 * their country's; the user may choose another (a multi-country project, a country the list
 * does not place).
 */
export const REGIONS = [
  'west_africa',
  'central_africa',
  'east_africa',
  'indian_ocean',
  'north_africa',
  'middle_east',
  'asia',
  'americas',
  'europe',
] as const
export type Region = (typeof REGIONS)[number]

const REGION_OF_COUNTRY: Readonly<Record<string, Region>> = {
  BJ: 'west_africa',
  BF: 'west_africa',
  CV: 'west_africa',
  CI: 'west_africa',
  GM: 'west_africa',
  GH: 'west_africa',
  GN: 'west_africa',
  GW: 'west_africa',
  ML: 'west_africa',
  MR: 'west_africa',
  NE: 'west_africa',
  NG: 'west_africa',
  SN: 'west_africa',
  TG: 'west_africa',
  CM: 'central_africa',
  CF: 'central_africa',
  CG: 'central_africa',
  CD: 'central_africa',
  GA: 'central_africa',
  GQ: 'central_africa',
  TD: 'central_africa',
  ST: 'central_africa',
  BI: 'east_africa',
  RW: 'east_africa',
  DJ: 'east_africa',
  ET: 'east_africa',
  KE: 'east_africa',
  UG: 'east_africa',
  TZ: 'east_africa',
  MG: 'indian_ocean',
  KM: 'indian_ocean',
  MU: 'indian_ocean',
  SC: 'indian_ocean',
  DZ: 'north_africa',
  EG: 'north_africa',
  MA: 'north_africa',
  TN: 'north_africa',
  LB: 'middle_east',
  AM: 'middle_east',
  KH: 'asia',
  LA: 'asia',
  VN: 'asia',
  HT: 'americas',
  CA: 'americas',
  US: 'americas',
  FR: 'europe',
  BE: 'europe',
  CH: 'europe',
  LU: 'europe',
  MC: 'europe',
  RO: 'europe',
  MD: 'europe',
  BG: 'europe',
  AL: 'europe',
}

/** The region of a country in the network, if the list places it. */
export function regionOfCountry(country: string | null): Region | null {
  return country ? (REGION_OF_COUNTRY[country] ?? null) : null
}
