import type { CountryCode } from '@shared/geo/countries'
import { DEMO_NETWORK } from '../demo-network'
import { MEMBERS, COUNTRIES } from './volumes'
import { GENERATED_AUTHOR, type LargeFileRun } from './run'

/** 400 members across 50 countries, eight per country; most cities, a few associations. */
export async function generateMembers(
  run: LargeFileRun,
): Promise<{ id: string; country: CountryCode }[]> {
  const created: { id: string; country: CountryCode }[] = []
  const perCountry = Math.ceil(MEMBERS / COUNTRIES.length)
  for (const country of COUNTRIES) {
    const cities = DEMO_NETWORK[country] ?? []
    for (let k = 0; k < perCountry && created.length < MEMBERS; k += 1) {
      const association = k === perCountry - 1
      const city = cities[k] ?? `Commune ${k + 1}`
      const roll = run.random()
      const status = roll < 0.03 ? 'suspended' : 'active'
      const member = await run.session.members.create(
        {
          code: `G-${country}-${String(k + 1).padStart(2, '0')}`,
          kind: association ? 'national_association' : 'city',
          name: association ? `Association des maires (${country})` : `Ville de ${city}`,
          country,
          region: null,
          population: association ? null : Math.round(20_000 + run.random() * 2_000_000),
          populationYear: association ? null : 2020,
          leaderName: null,
          leaderCivility: null,
          address: null,
          email: null,
          phone: null,
          joinedOn: `${run.int(run.firstYear - 15, run.firstYear)}-06-01`,
          status,
          statusOn: status === 'active' ? null : `${run.options.lastYear}-06-30`,
          statusReason: status === 'active' ? null : 'Cotisations impayées (décision du Bureau)',
          notes: null,
        },
        GENERATED_AUTHOR,
      )
      run.counts.members += 1
      if (!association && status === 'active') created.push({ id: member.id, country })
    }
  }
  return created
}
