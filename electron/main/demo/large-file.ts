import type { DataFile } from '../db/data-file'
import { type Session, createSession } from '../app/session'
import { AIMF_ORGANISATION } from '../organisation/organisation-service'
import type { BudgetItem } from '@shared/budget/schema'
import type { CountryCode } from '@shared/geo/countries'
import type { CurrencyCode } from '@shared/money/currencies'
import { fromEuro } from '@shared/money/exchange'
import { money, toDecimalString } from '@shared/money/money'
import {
  DEFAULT_PROGRAMME_CODES as PROGRAMMES,
  type DefaultProgrammeCode as Programme,
} from '@shared/programmes/schema'
import { addBudgetItems, DEMO_BUDGET_STRUCTURE } from './demo-budget'
import { demoDuesScale, FRANC_ZONES } from './demo-dues'
import { DEMO_NETWORK } from './demo-network'

/** The author stamped on every change of a generated file. */
export const GENERATED_AUTHOR = 'Fichier généré'

export interface LargeFileOptions {
  /** How many years of history, ending with `lastYear`. */
  years: number
  /** The same seed gives the same records and amounts (ids and time stamps differ). */
  seed: number
  /** The last year of history: a complete year before the current one, so no date is future. */
  lastYear: number
  /** Called as each part of the file is written. */
  onProgress?: (part: LargeFilePart, done: number, total: number) => void
}

export type LargeFilePart = 'funds' | 'projects' | 'dues' | 'budget'

/** What a generated file holds, for the benchmark's report. */
export interface LargeFileCounts {
  members: number
  agreements: number
  projects: number
  projectExpenses: number
  budgetExpenses: number
}

/** Per year of history, so that 20 years give the volumes. */
const PER_YEAR = {
  untiedAgreements: 5,
  tiedAgreements: 10,
  projects: 75,
  expensesPerProject: 33,
  budgetExpenses: 7_000,
}
const MEMBERS = 400
const FUNDERS = 60
const RATE_CURRENCIES = [
  ['USD', 1.25],
  ['CAD', 1.45],
  ['CHF', 1.2],
] as const
/** The network's countries, and nine more of the Francophonie: 50 in all. */
const COUNTRIES = [
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
const SECTORS_BY_PROGRAMME: Record<Programme, string[]> = {
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

/**
 * Writes a large, realistic file for the benchmark: members across 50 countries with their
 * yearly calls and payments, funders and agreements in several currencies with receipts and
 * amendments, projects taken along their lifecycle with plans, tranches, justified expenses and
 * indicators, and a budget per year with its expenses. Everything goes through the services,
 * so the file obeys the same rules as a user's input and passes `aimf check`.
 */
export async function generateLargeFile(
  file: DataFile,
  options: LargeFileOptions,
): Promise<LargeFileCounts> {
  return file.fill(async () => {
    const generator = new Generator(createSession(file), options)
    return generator.run()
  })
}

/** A small, fast, seeded random generator (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface TiedCapacity {
  id: string
  currency: CurrencyCode
  programme: Programme
  startsOn: string
  endsOn: string
  /** What is still free to commit, in cents of the agreement's currency (EUR or USD). */
  free: number
}

class Generator {
  private readonly random: () => number
  private readonly firstYear: number
  private readonly counts: LargeFileCounts = {
    members: 0,
    agreements: 0,
    projects: 0,
    projectExpenses: 0,
    budgetExpenses: 0,
  }
  private readonly tied: TiedCapacity[] = []

  constructor(
    private readonly session: Session,
    private readonly options: LargeFileOptions,
  ) {
    this.random = seededRandom(options.seed)
    this.firstYear = options.lastYear - options.years + 1
  }

  async run(): Promise<LargeFileCounts> {
    await this.session.organisation.update(
      {
        name: AIMF_ORGANISATION.name,
        address: AIMF_ORGANISATION.address,
        email: AIMF_ORGANISATION.email,
        website: AIMF_ORGANISATION.website,
      },
      GENERATED_AUTHOR,
    )
    await this.rates()
    await this.funds()
    const members = await this.members()
    await this.projects(members)
    await this.dues()
    await this.budget()
    return this.counts
  }

  private int(from: number, to: number): number {
    return from + Math.floor(this.random() * (to - from + 1))
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)]
    if (item === undefined) throw new Error('Nothing to pick from')
    return item
  }

  private day(year: number, fromMonth = 1, toMonth = 12): string {
    const month = this.int(fromMonth, toMonth)
    return `${year}-${String(month).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`
  }

  private progress(part: LargeFilePart, done: number, total: number): void {
    this.options.onProgress?.(part, done, total)
  }

  /** A rate per currency at the start of each year, from the year before the first. */
  private async rates(): Promise<void> {
    for (let year = this.firstYear - 1; year <= this.options.lastYear; year += 1) {
      for (const [currency, centre] of RATE_CURRENCIES) {
        const rate = (centre * (0.85 + this.random() * 0.3)).toFixed(4)
        await this.session.rates.add(
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
  private async funds(): Promise<void> {
    const kinds = ['state', 'multilateral', 'foundation', 'agency', 'city'] as const
    const funders: { id: string; currency: CurrencyCode; kind: string }[] = []
    for (let n = 1; n <= FUNDERS; n += 1) {
      const kind = n <= 12 ? 'state' : this.pick(kinds)
      const currency: CurrencyCode =
        n % 12 === 1 ? 'CAD' : n % 12 === 2 ? 'CHF' : n % 12 === 3 ? 'USD' : 'EUR'
      const funder = await this.session.funders.create(
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
    for (let year = this.firstYear; year <= this.options.lastYear; year += 1) {
      this.progress('funds', year - this.firstYear, this.options.years)
      for (let n = 1; n <= PER_YEAR.untiedAgreements; n += 1) {
        const funder = this.pick(states)
        await this.agreement(year, n, funder.id, funder.currency, null)
      }
      for (let n = 1; n <= PER_YEAR.tiedAgreements; n += 1) {
        const funder = this.pick(others)
        const currency: CurrencyCode = this.random() < 0.15 ? 'USD' : 'EUR'
        await this.agreement(year, 100 + n, funder.id, currency, this.pick(PROGRAMMES))
      }
    }
  }

  private async agreement(
    year: number,
    n: number,
    funderId: string,
    currency: CurrencyCode,
    programme: Programme | null,
  ): Promise<void> {
    const startsOn = `${year}-01-01`
    const endsOn = `${year + (programme ? 3 : 0)}-12-31`
    const major = programme ? this.int(8, 40) * 100_000 : this.int(6, 14) * 100_000
    const agreement = await this.session.agreements.create(
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
    this.counts.agreements += 1
    let total = major
    if (this.random() < 0.2) {
      const more = Math.round(major / 10)
      await this.session.agreements.addAmendment(
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
      const receivedOn = `${Math.min(year + i, this.options.lastYear)}-${String(3 + i).padStart(2, '0')}-15`
      const share =
        i === instalments - 1
          ? total - Math.floor(total / instalments) * (instalments - 1)
          : Math.floor(total / instalments)
      await this.session.receipts.add(
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
      this.tied.push({
        id: agreement.id,
        currency,
        programme,
        startsOn,
        endsOn,
        free: total * 100,
      })
    }
  }

  /** 400 members across 50 countries, eight per country; most cities, a few associations. */
  private async members(): Promise<{ id: string; country: CountryCode }[]> {
    const created: { id: string; country: CountryCode }[] = []
    const perCountry = Math.ceil(MEMBERS / COUNTRIES.length)
    for (const country of COUNTRIES) {
      const cities = DEMO_NETWORK[country] ?? []
      for (let k = 0; k < perCountry && created.length < MEMBERS; k += 1) {
        const association = k === perCountry - 1
        const city = cities[k] ?? `Commune ${k + 1}`
        const roll = this.random()
        const status = roll < 0.03 ? 'suspended' : 'active'
        const member = await this.session.members.create(
          {
            code: `G-${country}-${String(k + 1).padStart(2, '0')}`,
            kind: association ? 'national_association' : 'city',
            name: association ? `Association des maires (${country})` : `Ville de ${city}`,
            country,
            region: null,
            population: association ? null : Math.round(20_000 + this.random() * 2_000_000),
            populationYear: association ? null : 2020,
            leaderName: null,
            address: null,
            email: null,
            phone: null,
            joinedOn: `${this.int(this.firstYear - 15, this.firstYear)}-06-01`,
            status,
            statusOn: status === 'active' ? null : `${this.options.lastYear}-06-30`,
            statusReason: status === 'active' ? null : 'Cotisations impayées (décision du Bureau)',
            notes: null,
          },
          GENERATED_AUTHOR,
        )
        this.counts.members += 1
        if (!association && status === 'active') created.push({ id: member.id, country })
      }
    }
    return created
  }

  /**
   * Each year's projects: approved in the spring, financed by a programme-tied agreement of
   * their programme when one has room, the untied fund and the city; paid in three tranches;
   * the city's justified expenses; two indicators with their yearly values. Projects older than
   * three years are closed; a few are abandoned.
   */
  private async projects(members: { id: string; country: CountryCode }[]): Promise<void> {
    const total = PER_YEAR.projects * this.options.years
    for (let year = this.firstYear; year <= this.options.lastYear; year += 1) {
      for (let n = 0; n < PER_YEAR.projects; n += 1) {
        this.progress('projects', this.counts.projects, total)
        await this.project(year, this.pick(members).id)
      }
    }
  }

  private async project(year: number, memberId: string): Promise<void> {
    const approvedOn = this.day(year, 2, 5)
    const programme = this.pick(PROGRAMMES)
    const costMajor = this.int(5, 40) * 10_000
    const agreement = this.tied.find(
      (a) =>
        a.programme === programme &&
        a.currency === 'EUR' &&
        a.startsOn <= approvedOn &&
        a.endsOn >= `${year + 2}-12-31` &&
        a.free >= costMajor * 60,
    )
    const currency: CurrencyCode = 'EUR'
    const startsOn = approvedOn
    const endsOn = `${year + 2}-${approvedOn.slice(5)}`
    const project = await this.session.projects.create(
      {
        code: null,
        title: `Projet ${programme} — ${year}`,
        titleEn: null,
        descriptionEn: null,
        memberId,
        region: null,
        sectorCode: this.pick(SECTORS_BY_PROGRAMME[programme]),
        programme,
        nature: 'investment',
        currency,
        totalCost: String(costMajor),
        startsOn,
        endsOn,
        objectives: null,
        description: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      },
      GENERATED_AUTHOR,
    )
    this.counts.projects += 1
    const tiedMajor = agreement ? Math.round(costMajor * 0.6) : 0
    const untiedMajor = Math.round(costMajor * (agreement ? 0.15 : 0.2))
    const cityMajor = costMajor - tiedMajor - untiedMajor
    const lines: [source: 'agreement' | 'untied_fund' | 'city_cash', amount: number][] = [
      ['untied_fund', untiedMajor],
      ['city_cash', cityMajor],
    ]
    if (agreement) lines.unshift(['agreement', tiedMajor])
    for (const [source, amount] of lines) {
      await this.session.financing.addLine(
        {
          projectId: project.id,
          source,
          agreementId: source === 'agreement' ? (agreement?.id ?? null) : null,
          partnerName: null,
          headingCode: null,
          amount: String(amount),
          currency,
          note: null,
        },
        GENERATED_AUTHOR,
      )
    }
    if (agreement) agreement.free -= tiedMajor * 100
    for (const [name, unit, target] of [
      ['Personnes desservies', 'personnes', this.int(2, 80) * 1000],
      ['Agents municipaux formés', 'agents', this.int(10, 120)],
    ] as const) {
      await this.session.indicators.add(
        {
          projectId: project.id,
          name,
          level: unit === 'agents' ? 'output' : 'outcome',
          measure: 'number',
          unit,
          baselineValue: '0',
          baselineOn: startsOn,
          targetValue: String(target),
          targetOn: endsOn,
        },
        GENERATED_AUTHOR,
      )
    }
    const move = (to: 'approved' | 'agreement_signed' | 'in_progress', onDate: string) =>
      this.session.projects.transition(
        {
          projectId: project.id,
          to,
          onDate,
          note: null,
          bureauMeeting: to === 'approved' ? `Bureau ${year}` : null,
          reason: null,
          overrideReason: null,
        },
        GENERATED_AUTHOR,
      )
    await move('approved', approvedOn)
    let detail = await this.session.projects.get(project.id)
    for (const line of detail.plan.lines) {
      if (line.source === 'agreement' || line.source === 'untied_fund') {
        await this.session.financing.commitLine(line.id, approvedOn, GENERATED_AUTHOR)
      }
    }
    if (this.random() < 0.04) {
      await this.session.projects.transition(
        {
          projectId: project.id,
          to: 'abandoned',
          onDate: `${year}-09-30`,
          note: null,
          bureauMeeting: null,
          reason: 'La commune a renoncé au projet',
          overrideReason: null,
        },
        GENERATED_AUTHOR,
      )
      return
    }
    const signedOn = `${year}-06-15`
    await move('agreement_signed', signedOn)
    const aimfMajor = tiedMajor + untiedMajor
    const shares = [0.4, 0.4]
    const planned = [`${year}-07-01`, `${year + 1}-07-01`, `${year + 2}-03-01`]
    const amounts = shares.map((share) => Math.round(aimfMajor * share))
    amounts.push(aimfMajor - amounts.reduce((a, b) => a + b, 0))
    for (const [i, amount] of amounts.entries()) {
      await this.session.tranches.add(
        {
          projectId: project.id,
          plannedOn: planned[i] ?? signedOn,
          amount: String(amount),
          condition: null,
        },
        GENERATED_AUTHOR,
      )
    }
    await move('in_progress', `${year}-07-01`)
    detail = await this.session.projects.get(project.id)
    const lastDay = `${this.options.lastYear}-12-31`
    let paidMajor = 0
    for (const tranche of detail.tranches) {
      if (tranche.plannedOn > lastDay) break
      await this.session.tranches.pay(
        {
          id: tranche.id,
          paidOn: tranche.plannedOn,
          amount: null,
          bankReference: `VIR-${tranche.plannedOn.replaceAll('-', '')}`,
          overrideReason: null,
          split: null,
        },
        GENERATED_AUTHOR,
      )
      paidMajor += Number(tranche.amount) / 100
    }
    await this.projectExpenses(project.id, year, paidMajor + cityMajor, lastDay)
    for (const indicator of detail.indicators) {
      for (let k = 1; k <= 2 && year + k <= this.options.lastYear; k += 1) {
        await this.session.indicators.addValue(
          {
            indicatorId: indicator.id,
            periodEnd: `${year + k}-06-30`,
            value: String(Math.round((Number(indicator.targetValue) * k) / 3)),
            comment: null,
          },
          GENERATED_AUTHOR,
        )
      }
    }
    if (year + 3 <= this.options.lastYear) {
      for (const [to, onDate] of [
        ['completed', `${year + 2}-09-30`],
        ['closed', `${year + 3}-03-31`],
      ] as const) {
        await this.session.projects.transition(
          {
            projectId: project.id,
            to,
            onDate,
            note: null,
            bureauMeeting: null,
            reason: null,
            overrideReason: null,
          },
          GENERATED_AUTHOR,
        )
      }
    }
  }

  /** The city's expenses, spread over the project's months up to the last day of history. */
  private async projectExpenses(
    projectId: string,
    year: number,
    totalMajor: number,
    lastDay: string,
  ): Promise<void> {
    const count = PER_YEAR.expensesPerProject
    const each = Math.max(1, Math.floor(totalMajor / count))
    const suppliers = ['Entreprise BTP', 'Cabinet d’études', 'Fournitures SA', 'ONG locale']
    for (let i = 0; i < count; i += 1) {
      const spentOn = this.day(year + Math.floor(i / 12), 1, 12)
      if (spentOn > lastDay) break
      await this.session.projectExpenses.add(
        {
          projectId,
          spentOn,
          supplier: this.pick(suppliers),
          description: `Dépense justifiée n° ${i + 1}`,
          amount: String(each),
          currency: 'EUR',
          agreementId: null,
          headingCode: null,
          document: null,
        },
        GENERATED_AUTHOR,
      )
      this.counts.projectExpenses += 1
    }
  }

  /** The scale and calls of each year, then payments by each member's habit. */
  private async dues(): Promise<void> {
    for (let year = this.firstYear; year <= this.options.lastYear; year += 1) {
      this.progress('dues', year - this.firstYear, this.options.years)
      await this.session.duesScale.save(
        {
          year,
          bands: demoDuesScale(year).map((b) => ({ ...b, populationTo: b.populationTo ?? null })),
        },
        GENERATED_AUTHOR,
      )
      await this.session.duesCalls.generate(
        { year, calledOn: `${year}-01-20`, dueOn: `${year}-03-31` },
        GENERATED_AUTHOR,
      )
    }
    const members = new Map((await this.session.members.list()).map((m) => [m.id, m]))
    const habits = new Map<string, number>()
    const payments = []
    for (const call of await this.session.duesCalls.list({})) {
      const member = members.get(call.memberId)
      if (!member) continue
      let habit = habits.get(member.id)
      if (habit === undefined) {
        habit = this.random()
        habits.set(member.id, habit)
      }
      const delay = habit < 0.6 ? 0 : habit < 0.85 ? 1 : this.random() < 0.3 ? 2 : null
      if (delay === null || call.year + delay > this.options.lastYear) continue
      const francs = member.country ? FRANC_ZONES[member.country] : undefined
      const amount = francs
        ? String(Math.ceil(fromEuro(money(call.amount, 'EUR'), francs).minor / 1000) * 1000)
        : toDecimalString(money(call.amount, call.currency))
      payments.push({
        memberId: member.id,
        kind: 'dues' as const,
        receivedOn: this.day(call.year + delay, 3, 11),
        payer: null,
        amount,
        currency: francs ?? ('EUR' as const),
        rate: null,
        method: 'transfer' as const,
        bankReference: `VIR-${member.code}-${call.year}`,
        note: null,
        settle: null,
      })
    }
    payments.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))
    await this.session.duesPayments.addMany(payments, GENERATED_AUTHOR)
  }

  /** A budget per year (the demo's structure) and its expenses on the running-cost lines. */
  private async budget(): Promise<void> {
    let previous: string | null = null
    for (let year = this.firstYear; year <= this.options.lastYear; year += 1) {
      this.progress('budget', year - this.firstYear, this.options.years)
      let versionId: string
      if (previous === null) {
        versionId = await this.session.budget.create(year, GENERATED_AUTHOR)
        await addBudgetItems(this.session, versionId, null, DEMO_BUDGET_STRUCTURE, GENERATED_AUTHOR)
      } else {
        versionId = await this.session.budget.copyToYear(previous, year, GENERATED_AUTHOR)
      }
      await this.session.budget.adopt(versionId, `${year - 1}-12-05`, GENERATED_AUTHOR)
      previous = versionId
      const { items } = await this.session.budget.view(versionId, null)
      const lines = items.filter(
        (item: BudgetItem) =>
          item.kind === 'line' && item.direction === 'expense' && item.tracks === 'expenses',
      )
      const plannedTotal = lines.reduce((sum, line) => sum + line.figures.planned, 0)
      const expenses = []
      for (const line of lines) {
        // Each line's share of the year's expenses, at most 90 % of what it planned in all.
        const count = Math.max(
          1,
          Math.round((PER_YEAR.budgetExpenses * line.figures.planned) / plannedTotal),
        )
        const eachCents = Math.floor((line.figures.planned * 0.9) / count)
        for (let i = 0; i < count; i += 1) {
          expenses.push({
            lineKey: line.lineKey,
            spentOn: this.day(year),
            agreementId: null,
            headingCode: null,
            supplier: null,
            description: `${line.label} — pièce ${i + 1}`,
            amount: toDecimalString(money(eachCents, 'EUR')),
            currency: 'EUR' as const,
            document: null,
          })
        }
      }
      expenses.sort((a, b) => a.spentOn.localeCompare(b.spentOn))
      this.counts.budgetExpenses += (
        await this.session.budgetExpenses.addMany(expenses, GENERATED_AUTHOR)
      ).length
    }
  }
}
