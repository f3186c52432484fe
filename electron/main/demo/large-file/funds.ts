import type { CurrencyCode } from '@shared/money/currencies'
import {
  DEFAULT_PROGRAMME_CODES as PROGRAMMES,
  type DefaultProgrammeCode as Programme,
} from '@shared/programmes/schema'
import { PER_YEAR, FUNDERS, RATE_CURRENCIES } from './volumes'
import { GENERATED_AUTHOR, type LargeFileRun } from './run'

/** A rate per currency at the start of each year, from the year before the first. */
export async function generateRates(run: LargeFileRun): Promise<void> {
  for (let year = run.firstYear - 1; year <= run.options.lastYear; year += 1) {
    for (const [currency, centre] of RATE_CURRENCIES) {
      const rate = (centre * (0.85 + run.random() * 0.3)).toFixed(4)
      await run.session.rates.add(
        { currency, rateDate: `${year}-01-01`, rate, source: 'Taux générés' },
        GENERATED_AUTHOR,
      )
    }
  }
}

/**
 * Funders, then each year's agreements: untied operating grants from states (some in their
 * own currency) and programme-tied agreements, each received in instalments; one in five is
 * amended upwards.
 */
export async function generateFunds(run: LargeFileRun): Promise<void> {
  const kinds = ['state', 'multilateral', 'foundation', 'agency', 'city'] as const
  const funders: { id: string; currency: CurrencyCode; kind: string }[] = []
  for (let n = 1; n <= FUNDERS; n += 1) {
    const kind = n <= 12 ? 'state' : run.pick(kinds)
    const currency: CurrencyCode =
      n % 12 === 1 ? 'CAD' : n % 12 === 2 ? 'CHF' : n % 12 === 3 ? 'USD' : 'EUR'
    const funder = await run.session.funders.create(
      {
        name: `Bailleur ${String(n).padStart(2, '0')}`,
        acronym: `B${n}`,
        kind,
        country: null,
        defaultCurrency: currency,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
        notes: null,
      },
      GENERATED_AUTHOR,
    )
    funders.push({ id: funder.id, currency, kind })
  }
  const states = funders.filter((f) => f.kind === 'state')
  const others = funders.filter((f) => f.kind !== 'state')
  for (let year = run.firstYear; year <= run.options.lastYear; year += 1) {
    run.progress('funds', year - run.firstYear, run.options.years)
    for (let n = 1; n <= PER_YEAR.untiedAgreements; n += 1) {
      const funder = run.pick(states)
      await agreement(run, year, n, funder.id, funder.currency, null)
    }
    for (let n = 1; n <= PER_YEAR.tiedAgreements; n += 1) {
      const funder = run.pick(others)
      const currency: CurrencyCode = run.random() < 0.15 ? 'USD' : 'EUR'
      await agreement(run, year, 100 + n, funder.id, currency, run.pick(PROGRAMMES))
    }
  }
}

async function agreement(
  run: LargeFileRun,
  year: number,
  n: number,
  funderId: string,
  currency: CurrencyCode,
  programme: Programme | null,
): Promise<void> {
  const startsOn = `${year}-01-01`
  const endsOn = `${year + (programme ? 3 : 0)}-12-31`
  const major = programme ? run.int(8, 40) * 100_000 : run.int(6, 14) * 100_000
  const agreement = await run.session.agreements.create(
    {
      funderId,
      reference: `GEN-${year}-${String(n).padStart(3, '0')}`,
      title: programme
        ? `Programme ${programme} — ${year}`
        : `Subvention de fonctionnement ${year}`,
      signedOn: `${year - 1}-12-15`,
      startsOn,
      endsOn,
      currency,
      amount: String(major),
      earmarking: programme ? 'programme' : 'untied',
      programme: null,
      programmeCode: programme,
      nature: programme ? 'mixed' : 'operating',
      operatingSharePercent: programme ? 2000 : null,
      cofinancingPercent: null,
      indirectCostMaxPercent: null,
      notes: null,
    },
    GENERATED_AUTHOR,
  )
  run.counts.agreements += 1
  let total = major
  if (run.random() < 0.2) {
    const more = Math.round(major / 10)
    await run.session.agreements.addAmendment(
      {
        agreementId: agreement.id,
        signedOn: `${year}-09-15`,
        amountChange: String(more),
        newEndsOn: null,
        note: 'Avenant : extension du programme',
      },
      GENERATED_AUTHOR,
    )
    total += more
  }
  const instalments = programme ? 3 : 1
  for (let i = 0; i < instalments; i += 1) {
    const receivedOn = `${Math.min(year + i, run.options.lastYear)}-${String(3 + i).padStart(2, '0')}-15`
    const share =
      i === instalments - 1
        ? total - Math.floor(total / instalments) * (instalments - 1)
        : Math.floor(total / instalments)
    await run.session.receipts.add(
      {
        agreementId: agreement.id,
        receivedOn,
        amount: String(share),
        rate: null,
        bankReference: null,
        note: null,
      },
      GENERATED_AUTHOR,
    )
  }
  if (programme) {
    run.tied.push({
      id: agreement.id,
      currency,
      programme,
      startsOn,
      endsOn,
      free: total * 100,
    })
  }
}
