import type { Session } from '../app/session'
import type { BandInput } from '@shared/dues/schema'
import type { MemberFields } from '@shared/members/schema'
import { fromEuro } from '@shared/money/exchange'
import { money, toDecimalString } from '@shared/money/money'
import { today } from '@shared/validation/dates'
import { DEMO_ASSOCIATIONS, DEMO_NETWORK } from './demo-network'

const FIRST_YEAR = 2017
const LAST_YEAR = 2026
/** The countries of the franc zones, whose members pay in francs CFA. */
export const FRANC_ZONES: Record<string, 'XOF' | 'XAF'> = {
  SN: 'XOF',
  CI: 'XOF',
  BF: 'XOF',
  ML: 'XOF',
  NE: 'XOF',
  BJ: 'XOF',
  TG: 'XOF',
  CM: 'XAF',
  GA: 'XAF',
  CG: 'XAF',
  CF: 'XAF',
  TD: 'XAF',
  GQ: 'XAF',
}

/** A deterministic number from 0 to 99 for a text: the demo is the same on every machine. */
function dice(text: string): number {
  let hash = 2166136261
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619)
  return (hash >>> 0) % 100
}

/** The dues scale of a year: the amounts of 2017, a tenth higher from 2022. */
export function demoDuesScale(year: number): (BandInput & { currency: 'EUR' })[] {
  // The scale rose by a tenth in 2022.
  const k = year >= 2022 ? 11 : 10
  const eur = (amount: number) => String((amount * k) / 10)
  return [
    {
      memberKind: 'city',
      populationFrom: 0,
      populationTo: 99_999,
      amount: eur(500),
      currency: 'EUR',
      label: 'Ville de moins de 100 000 habitants',
    },
    {
      memberKind: 'city',
      populationFrom: 100_000,
      populationTo: 499_999,
      amount: eur(1_200),
      currency: 'EUR',
      label: 'Ville de 100 000 à 499 999 habitants',
    },
    {
      memberKind: 'city',
      populationFrom: 500_000,
      populationTo: 1_999_999,
      amount: eur(2_500),
      currency: 'EUR',
      label: 'Ville de 500 000 à 1 999 999 habitants',
    },
    {
      memberKind: 'city',
      populationFrom: 2_000_000,
      amount: eur(5_000),
      currency: 'EUR',
      label: 'Ville de 2 millions d’habitants et plus',
    },
    {
      memberKind: 'national_association',
      populationFrom: 0,
      amount: eur(1_000),
      currency: 'EUR',
      label: 'Association nationale de villes',
    },
    {
      memberKind: 'regional_platform',
      populationFrom: 0,
      amount: eur(800),
      currency: 'EUR',
      label: 'Plateforme sous-régionale',
    },
    {
      memberKind: 'associate',
      populationFrom: 0,
      amount: eur(300),
      currency: 'EUR',
      label: 'Membre associé',
    },
  ]
}

/**
 * The dues of the demo: about 250 more members across the network, the scale of each year
 * since 2017, the calls of each year, and payments following each member's habit — most pay
 * within the year, some a year late, a few rarely; the franc zone pays in francs CFA.
 */
export async function buildDemoDues(session: Session, author: string): Promise<void> {
  const blank = {
    region: null,
    leaderName: null,
    leaderCivility: null,
    address: null,
    email: null,
    phone: null,
    statusOn: null,
    statusReason: null,
    notes: null,
    populationYear: 2022,
  } satisfies Partial<MemberFields>
  for (const [country, cities] of Object.entries(DEMO_NETWORK)) {
    for (const [index, city] of cities.entries()) {
      const roll = dice(`${country}${city}`)
      // Populations spread from 30,000 to about 3 million, the way the network's cities are.
      const population =
        Math.round((30_000 * 100 ** (dice(`${city}${country}p`) / 100)) / 1000) * 1000
      const status = roll < 4 ? 'suspended' : roll < 6 ? 'resigned' : 'active'
      await session.members.create(
        {
          ...blank,
          code: `M-${country}-${String(index + 1).padStart(2, '0')}`,
          kind: 'city',
          name: /^[AEIOUÉÈH]/.test(city) ? `Ville d’${city}` : `Ville de ${city}`,
          country: country as MemberFields['country'],
          population,
          joinedOn: `${1980 + dice(city) / 3}`.slice(0, 4) + '-06-01',
          status,
          statusOn: status === 'active' ? null : '2023-06-30',
          statusReason:
            status === 'suspended'
              ? 'Cotisations impayées depuis plus de trois ans (décision du Bureau)'
              : status === 'resigned'
                ? 'Démission notifiée par le conseil municipal'
                : null,
        },
        author,
      )
    }
  }
  for (const [country, name] of DEMO_ASSOCIATIONS) {
    await session.members.create(
      {
        ...blank,
        code: null,
        kind: 'national_association',
        name,
        country: country as MemberFields['country'],
        population: null,
        joinedOn: '2005-01-01',
        status: 'active',
      },
      author,
    )
  }
  await session.members.create(
    {
      ...blank,
      code: null,
      kind: 'regional_platform',
      name: 'Plateforme des autorités locales des pays des Grands Lacs',
      country: 'RW',
      population: null,
      joinedOn: '2014-11-01',
      status: 'active',
    },
    author,
  )

  const members = await session.members.list()
  for (const [role, name] of [
    ['Vice-président', 'District autonome d’Abidjan'],
    ['Vice-président', 'Ville de Kigali'],
    ['Vice-président', 'Municipalité de Beyrouth'],
    ['Trésorier', 'Ville de Montréal'],
    ['Membre du Bureau', 'Ville de Dakar'],
    ['Membre du Bureau', 'Ville de Phnom Penh'],
  ] as const) {
    const member = members.find((m) => m.name === name)
    if (member) {
      await session.dues.addRole(
        { memberId: member.id, body: 'bureau', role, startsOn: '2023-11-01', endsOn: '2027-10-31' },
        author,
      )
    }
  }

  for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
    await session.duesScale.save(
      {
        year,
        bands: demoDuesScale(year).map((b) => ({ ...b, populationTo: b.populationTo ?? null })),
      },
      author,
    )
    await session.duesCalls.generate(
      { year, calledOn: `${year}-01-20`, dueOn: `${year}-03-31` },
      author,
    )
  }

  const until = today()
  const calls = await session.duesCalls.list({})
  const payments = []
  for (const call of calls) {
    const member = members.find((m) => m.id === call.memberId)
    if (!member) continue
    const habit = dice(member.name)
    const delay =
      habit < 60 ? 0 : habit < 85 ? 1 : dice(`${member.name}${call.year}`) % 3 === 0 ? 2 : null
    if (delay === null) continue
    const month = String(3 + (dice(`${member.code}${call.year}`) % 8)).padStart(2, '0')
    const receivedOn = `${call.year + delay}-${month}-${String(5 + (habit % 20)).padStart(2, '0')}`
    if (receivedOn > until) continue
    const francs = member.country ? FRANC_ZONES[member.country] : undefined
    // The franc zone pays in francs, rounded up to the thousand: a little credit is left.
    const amount = francs
      ? String(Math.ceil(fromEuro(money(call.amount, 'EUR'), francs).minor / 1000) * 1000)
      : toDecimalString(money(call.amount, call.currency))
    payments.push({
      memberId: member.id,
      kind: 'dues' as const,
      receivedOn,
      payer: null,
      amount,
      currency: francs ?? ('EUR' as const),
      rate: null,
      method: francs
        ? ('transfer' as const)
        : habit % 4 === 0
          ? ('cheque' as const)
          : ('transfer' as const),
      bankReference: `VIR-${member.code}-${call.year}`,
      note: null,
      settle: null,
    })
  }
  for (const name of ['Ville de Montréal', 'Ville de Québec', 'Ville de Lyon', 'Ville de Dakar']) {
    const member = members.find((m) => m.name === name)
    if (member) {
      payments.push({
        memberId: member.id,
        kind: 'voluntary' as const,
        receivedOn: '2025-06-15',
        payer: null,
        amount: '10000',
        currency: 'EUR' as const,
        rate: null,
        method: 'transfer' as const,
        bankReference: null,
        note: 'Cotisation volontaire — appui au programme Climat',
        settle: null,
      })
    }
  }
  payments.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
  await session.duesPayments.addMany(payments, author)
}
