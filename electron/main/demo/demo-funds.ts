import type { AgreementFields } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'

/**
 * Exchange rates of the demo: yearly averages of the ECB reference rates, rounded, dated the
 * first of January so that every day of the year finds one. Demo data, not a rates source.
 */
export const DEMO_RATES: { currency: CurrencyCode; year: number; rate: string }[] = [
  ...(
    [
      [2009, '1.3948', '1.5850', '1.5100'],
      [2010, '1.3257', '1.3651', '1.3803'],
      [2011, '1.3920', '1.3761', '1.2326'],
      [2012, '1.2848', '1.2842', '1.2053'],
      [2013, '1.3281', '1.3684', '1.2311'],
      [2014, '1.3285', '1.4661', '1.2146'],
      [2015, '1.1095', '1.4186', '1.0679'],
      [2016, '1.1069', '1.4659', '1.0902'],
      [2017, '1.1297', '1.4647', '1.1117'],
      [2018, '1.1810', '1.5294', '1.1550'],
      [2019, '1.1195', '1.4855', '1.1124'],
      [2020, '1.1422', '1.5300', '1.0705'],
      [2021, '1.1827', '1.4826', '1.0811'],
      [2022, '1.0530', '1.3695', '1.0047'],
      [2023, '1.0813', '1.4595', '0.9718'],
      [2024, '1.0824', '1.4821', '0.9526'],
      [2025, '1.1300', '1.5800', '0.9400'],
      [2026, '1.1600', '1.6100', '0.9300'],
    ] as const
  ).flatMap(([year, usd, cad, chf]) => [
    { currency: 'USD' as const, year, rate: usd },
    { currency: 'CAD' as const, year, rate: cad },
    { currency: 'CHF' as const, year, rate: chf },
  ]),
]

export interface DemoAgreement {
  /** The demo funder, by acronym or name. */
  funder: string
  fields: Omit<AgreementFields, 'funderId' | 'notes'> & { notes?: string }
  receipts: { on: string; amount: string }[]
  instalments?: { on: string; amount: string }[]
  reports?: {
    kind: 'interim' | 'final'
    due: string
    from: string
    to: string
    status: 'to_prepare' | 'sent' | 'accepted'
    sent?: string
  }[]
  /** Amounts of the EU structure's eight headings, in order (1–6, 8, 10). */
  euHeadings?: string[]
}

const untiedFunders: { funder: string; currency: CurrencyCode; amounts: [number, string][] }[] = [
  // Untied operating grants, shrinking over the years as the strategic plan 2024–2028 says.
  {
    funder: 'MEAE',
    currency: 'EUR',
    amounts: [
      [2016, '1200000'],
      [2018, '1150000'],
      [2020, '1100000'],
      [2022, '1000000'],
      [2024, '950000'],
      [2026, '900000'],
    ],
  },
  {
    funder: 'AMC',
    currency: 'CAD',
    amounts: [
      [2016, '750000'],
      [2018, '700000'],
      [2020, '650000'],
      [2022, '600000'],
      [2024, '550000'],
      [2026, '500000'],
    ],
  },
  {
    funder: 'MRIF',
    currency: 'CAD',
    amounts: [
      [2016, '400000'],
      [2018, '380000'],
      [2020, '360000'],
      [2022, '340000'],
      [2024, '320000'],
      [2026, '300000'],
    ],
  },
  {
    funder: 'Cameroun — Gouvernement de la République du Cameroun',
    currency: 'XAF',
    amounts: [
      [2016, '150000000'],
      [2018, '150000000'],
      [2020, '120000000'],
      [2022, '120000000'],
      [2024, '100000000'],
      [2026, '100000000'],
    ],
  },
]

/** Biennial untied grants: half received in the first year, half in the second (2026: first half only). */
const UNTIED: DemoAgreement[] = untiedFunders.flatMap(({ funder, currency, amounts }) =>
  amounts.map(([year, amount]) => {
    const half = (BigInt(amount) / 2n).toString()
    const rest = (BigInt(amount) - BigInt(half)).toString()
    return {
      funder,
      fields: {
        reference: `SUBV-${funder.slice(0, 4).toUpperCase()}-${year}`,
        title: `Subvention de fonctionnement ${year}–${year + 1}`,
        signedOn: `${year}-02-15`,
        startsOn: `${year}-01-01`,
        endsOn: `${year + 1}-12-31`,
        currency,
        amount,
        earmarking: 'untied',
        programme: null,
        programmeCode: null,
        nature: 'operating',
        operatingSharePercent: null,
        cofinancingPercent: null,
        indirectCostMaxPercent: null,
      },
      receipts:
        year < 2026
          ? [
              { on: `${year}-04-10`, amount: half },
              { on: `${year + 1}-04-10`, amount: rest },
            ]
          : [{ on: `${year}-04-10`, amount: half }],
    } satisfies DemoAgreement
  }),
)

/**
 * Tied agreements from the public record (seeds 000, 002): the Gates initiative (USD 4.75 M of
 * USD 6 M, 2017–2021) and the two EU actions with their real amounts and dates; then recent
 * tied grants that grow while untied money shrinks. References are made up for the demo.
 */
const TIED: DemoAgreement[] = [
  {
    funder: 'BMGF',
    fields: {
      reference: 'BMGF-SUCSS-2017',
      title:
        'Initiative pour les services urbains clés dans les secteurs sociaux (15 projets pilotes)',
      signedOn: '2016-12-12',
      startsOn: '2017-01-01',
      endsOn: '2021-12-31',
      currency: 'USD',
      amount: '4750000',
      earmarking: 'programme',
      programme:
        'Services essentiels — planification familiale, boues de vidange, préparation aux urgences',
      programmeCode: 'essential_services',
      nature: 'mixed',
      operatingSharePercent: 1500,
      cofinancingPercent: 2083,
      indirectCostMaxPercent: 1000,
      notes:
        'Budget total de l’initiative : plus de 6 M USD ; la Ville de Paris, l’AIMF et les villes bénéficiaires financent le reste.',
    },
    receipts: [
      { on: '2017-03-20', amount: '1200000' },
      { on: '2018-04-16', amount: '1300000' },
      { on: '2019-05-13', amount: '1250000' },
      { on: '2020-09-21', amount: '1000000' },
    ],
  },
  {
    funder: 'UE',
    fields: {
      reference: 'UE-ANE-2010-CI-BF',
      title: 'Consolidation de la paix par les autorités locales — Côte d’Ivoire et Burkina Faso',
      signedOn: '2009-12-14',
      startsOn: '2010-01-01',
      endsOn: '2013-12-31',
      currency: 'EUR',
      amount: '830000',
      earmarking: 'projects',
      programme: 'Acteurs non étatiques et autorités locales dans le développement',
      programmeCode: null,
      nature: 'mixed',
      operatingSharePercent: 4000,
      cofinancingPercent: 2455,
      indirectCostMaxPercent: 700,
      // A grant under the EU's PRAG rules: +25 % per heading, the 70 % test.
      euRules: true,
      notes: 'Coût total de l’action : 1 100 000 € ; contribution de l’UE : 830 000 €.',
    },
    receipts: [
      { on: '2010-02-22', amount: '332000' },
      { on: '2011-06-14', amount: '249000' },
      { on: '2012-09-17', amount: '166000' },
      { on: '2014-05-19', amount: '83000' },
    ],
    instalments: [
      { on: '2010-02-01', amount: '332000' },
      { on: '2011-04-01', amount: '249000' },
      { on: '2012-07-01', amount: '166000' },
      { on: '2014-04-01', amount: '83000' },
    ],
    reports: [
      {
        kind: 'interim',
        due: '2011-03-31',
        from: '2010-01-01',
        to: '2010-12-31',
        status: 'accepted',
        sent: '2011-03-25',
      },
      {
        kind: 'interim',
        due: '2012-06-30',
        from: '2011-01-01',
        to: '2012-03-31',
        status: 'accepted',
        sent: '2012-06-20',
      },
      {
        kind: 'final',
        due: '2014-03-31',
        from: '2010-01-01',
        to: '2013-12-31',
        status: 'accepted',
        sent: '2014-03-28',
      },
    ],
    // Total cost of the action 1,100,000 €: direct 1,000,000, indirect 7 %, contingency 3 %.
    euHeadings: ['420000', '90000', '150000', '60000', '250000', '30000', '70000', '30000'],
  },
  {
    funder: 'UE',
    fields: {
      reference: 'UE-ANE-2009-CM-CG',
      title: 'Renforcement des capacités des autorités locales — Cameroun et Congo',
      signedOn: '2008-12-10',
      startsOn: '2009-01-01',
      endsOn: '2012-04-30',
      currency: 'EUR',
      amount: '500000',
      earmarking: 'projects',
      programme: 'Acteurs non étatiques et autorités locales dans le développement',
      programmeCode: null,
      nature: 'operating',
      operatingSharePercent: null,
      cofinancingPercent: 3034,
      indirectCostMaxPercent: 700,
      // A grant under the EU's PRAG rules: +25 % per heading, the 70 % test.
      euRules: true,
      notes: 'Coût total de l’action : 717 744,50 € ; contribution de l’UE : 500 000 €.',
    },
    receipts: [
      { on: '2009-03-16', amount: '200000' },
      { on: '2010-07-12', amount: '150000' },
      { on: '2011-09-19', amount: '100000' },
      { on: '2012-11-26', amount: '50000' },
    ],
  },
  {
    funder: 'Ville de Paris',
    fields: {
      reference: 'PARIS-SUCSS-2018',
      title: 'Cofinancement de l’initiative services urbains clés',
      signedOn: '2018-03-01',
      startsOn: '2018-01-01',
      endsOn: '2021-12-31',
      currency: 'EUR',
      amount: '600000',
      earmarking: 'programme',
      programme: 'Services essentiels',
      programmeCode: 'essential_services',
      nature: 'investment',
      operatingSharePercent: null,
      cofinancingPercent: null,
      indirectCostMaxPercent: null,
    },
    receipts: [
      { on: '2018-06-11', amount: '300000' },
      { on: '2020-06-15', amount: '300000' },
    ],
  },
  {
    funder: 'AFD',
    fields: {
      reference: 'AFD-CLIMAT-2023',
      title: 'Villes résilientes au changement climatique',
      signedOn: '2023-05-15',
      startsOn: '2023-06-01',
      endsOn: '2027-05-31',
      currency: 'EUR',
      amount: '2500000',
      earmarking: 'programme',
      programme: 'Climat et transition écologique',
      programmeCode: 'climate',
      nature: 'mixed',
      operatingSharePercent: 2000,
      cofinancingPercent: 1000,
      indirectCostMaxPercent: 700,
    },
    receipts: [
      { on: '2023-07-10', amount: '750000' },
      { on: '2024-09-09', amount: '750000' },
      { on: '2025-10-13', amount: '500000' },
    ],
    instalments: [
      { on: '2023-07-01', amount: '750000' },
      { on: '2024-07-01', amount: '750000' },
      { on: '2025-07-01', amount: '500000' },
      { on: '2026-07-01', amount: '500000' },
    ],
    reports: [
      {
        kind: 'interim',
        due: '2024-06-30',
        from: '2023-06-01',
        to: '2024-05-31',
        status: 'accepted',
        sent: '2024-06-28',
      },
      {
        kind: 'interim',
        due: '2025-06-30',
        from: '2024-06-01',
        to: '2025-05-31',
        status: 'accepted',
        sent: '2025-07-04',
      },
      {
        kind: 'interim',
        due: '2026-06-30',
        from: '2025-06-01',
        to: '2026-05-31',
        status: 'to_prepare',
      },
      {
        kind: 'final',
        due: '2027-11-30',
        from: '2023-06-01',
        to: '2027-05-31',
        status: 'to_prepare',
      },
    ],
  },
  {
    funder: 'Ville de Genève',
    fields: {
      reference: 'GE-EAU-2024',
      title: 'Accès à l’eau potable dans des quartiers précaires',
      signedOn: '2024-02-20',
      startsOn: '2024-03-01',
      endsOn: '2026-12-31',
      currency: 'CHF',
      amount: '300000',
      earmarking: 'projects',
      programme: 'Services essentiels — eau et assainissement',
      programmeCode: null,
      nature: 'investment',
      operatingSharePercent: null,
      cofinancingPercent: null,
      indirectCostMaxPercent: 700,
    },
    receipts: [{ on: '2024-04-08', amount: '150000' }],
    reports: [
      {
        kind: 'final',
        due: '2027-03-31',
        from: '2024-03-01',
        to: '2026-12-31',
        status: 'to_prepare',
      },
    ],
  },
]

export const DEMO_AGREEMENTS: DemoAgreement[] = [...TIED, ...UNTIED]
