import type { CurrencyCode } from '@shared/money/currencies'
import type {
  FinancingSource,
  IndicatorLevel,
  IndicatorMeasure,
  ProjectStatus,
} from '@shared/projects/schema'
import type { DefaultProgrammeCode } from '@shared/programmes/schema'

export interface DemoProject {
  code: string
  /** The member's demo code (DEMO_MEMBERS). */
  member: string
  title: string
  /** The title in English, for the funders that read English and the IATI registry. */
  titleEn?: string
  sector: string
  programme: DefaultProgrammeCode
  currency: CurrencyCode
  cost: string
  startsOn: string
  endsOn: string
  objectives?: string
  /** The lifecycle after the application, each status with its date. */
  path: [ProjectStatus, string][]
  abandonReason?: string
  /** Sources: the agreement's reference, or the partner's name; AIMF lines are committed on approval. */
  /** Source, agreement or partner, amount, and the donor heading an agreement line charges. */
  lines: [FinancingSource, string | null, string, string?][]
  tranches?: { on: string; amount: string; paidOn?: string; condition?: string; metOn?: string }[]
  indicators?: {
    name: string
    level: IndicatorLevel
    measure: IndicatorMeasure
    unit?: string
    baseline?: string
    target: string
    values?: [string, string][]
  }[]
  expenses?: [on: string, supplier: string, description: string, amount: string][]
}

/** The Bureau meeting recorded with a demo approval. */
export function bureauMeetingOf(date: string): string {
  return `Bureau du ${date.split('-').reverse().join('/')}`
}

/** Rwanda, seed 004: maternal and reproductive health in Kigali, Rusizi and Rubavu since 2019. */
const RWANDA: DemoProject[] = [
  {
    code: 'FC-2019-014',
    member: 'M-KGL',
    title: 'Santé maternelle et reproductive — centres de santé et maternité de Kigali',
    titleEn: 'Maternal and reproductive health — Kigali health centres and maternity ward',
    sector: '13020',
    programme: 'essential_services',
    currency: 'USD',
    cost: '520000',
    startsOn: '2019-06-01',
    endsOn: '2021-12-31',
    objectives:
      'Construire et équiper six centres de santé et une maternité ; développer les services de planification familiale avec la société civile.',
    path: [
      ['approved', '2019-04-12'],
      ['agreement_signed', '2019-05-20'],
      ['in_progress', '2019-06-01'],
      ['completed', '2021-12-15'],
      ['closed', '2022-06-30'],
    ],
    lines: [
      ['agreement', 'BMGF-SUCSS-2017', '430000'],
      ['city_in_kind', null, '90000'],
    ],
    tranches: [
      { on: '2019-06-15', amount: '172000', paidOn: '2019-06-20' },
      {
        on: '2020-06-15',
        amount: '172000',
        paidOn: '2020-07-06',
        condition: 'Rapport intermédiaire reçu',
        metOn: '2020-06-30',
      },
      { on: '2021-06-15', amount: '86000', paidOn: '2021-06-28' },
    ],
    indicators: [
      {
        name: 'Centres de santé construits et équipés',
        level: 'output',
        measure: 'number',
        unit: 'centres',
        baseline: '0',
        target: '6',
        values: [
          ['2020-12-31', '3'],
          ['2021-12-31', '6'],
        ],
      },
      {
        name: 'Maternités construites et équipées',
        level: 'output',
        measure: 'number',
        unit: 'maternités',
        baseline: '0',
        target: '1',
        values: [['2021-12-31', '1']],
      },
      {
        name: 'Personnes ayant un meilleur accès à la santé',
        level: 'outcome',
        measure: 'number',
        unit: 'personnes',
        baseline: '0',
        target: '40000',
        values: [
          ['2020-12-31', '18000'],
          ['2021-12-31', '40000'],
        ],
      },
    ],
  },
  {
    code: 'FC-2019-015',
    member: 'M-RSZ',
    title: 'Santé maternelle et planification familiale — District de Rusizi',
    sector: '13030',
    programme: 'essential_services',
    currency: 'USD',
    cost: '380000',
    startsOn: '2019-06-01',
    endsOn: '2021-12-31',
    path: [
      ['approved', '2019-04-12'],
      ['agreement_signed', '2019-05-20'],
      ['in_progress', '2019-06-01'],
      ['completed', '2021-12-20'],
    ],
    lines: [
      ['agreement', 'BMGF-SUCSS-2017', '320000'],
      ['city_in_kind', null, '60000'],
    ],
    tranches: [
      { on: '2019-06-15', amount: '160000', paidOn: '2019-06-20' },
      { on: '2020-09-15', amount: '160000', paidOn: '2020-09-28' },
    ],
    indicators: [
      {
        name: 'Centres de santé construits et équipés',
        level: 'output',
        measure: 'number',
        unit: 'centres',
        baseline: '0',
        target: '5',
        values: [['2021-12-31', '5']],
      },
      {
        name: 'Personnes ayant un meilleur accès à la santé',
        level: 'outcome',
        measure: 'number',
        unit: 'personnes',
        baseline: '0',
        target: '25000',
        values: [['2021-12-31', '25000']],
      },
    ],
  },
  {
    code: 'FC-2019-016',
    member: 'M-RBV',
    title: 'Santé maternelle, sport et santé des mères adolescentes — District de Rubavu',
    sector: '13020',
    programme: 'essential_services',
    currency: 'USD',
    cost: '410000',
    startsOn: '2019-06-01',
    endsOn: '2021-12-31',
    path: [
      ['approved', '2019-04-12'],
      ['agreement_signed', '2019-05-20'],
      ['in_progress', '2019-06-01'],
      ['completed', '2021-12-20'],
    ],
    lines: [
      ['agreement', 'BMGF-SUCSS-2017', '340000'],
      ['city_in_kind', null, '45000'],
      ['partner', 'Association Akwos', '25000'],
    ],
    tranches: [
      { on: '2019-06-15', amount: '170000', paidOn: '2019-06-20' },
      { on: '2020-09-15', amount: '170000', paidOn: '2020-10-05' },
    ],
    indicators: [
      {
        name: 'Centres de santé construits et équipés',
        level: 'output',
        measure: 'number',
        unit: 'centres',
        baseline: '0',
        target: '4',
        values: [['2021-12-31', '4']],
      },
      {
        name: 'Maternités construites et équipées',
        level: 'output',
        measure: 'number',
        unit: 'maternités',
        baseline: '0',
        target: '1',
        values: [['2021-12-31', '1']],
      },
      {
        name: 'Personnes ayant un meilleur accès à la santé',
        level: 'outcome',
        measure: 'number',
        unit: 'personnes',
        baseline: '0',
        target: '20000',
        values: [['2021-12-31', '20000']],
      },
    ],
  },
]

/** Pilot projects of the Gates-funded programme, financed in US dollars. */
const GATES_PILOTS: DemoProject[] = [
  ['FC-2018-003', 'M-DKR', 'Filière de gestion des boues de vidange', '14032', '2018'],
  ['FC-2018-004', 'M-COO', 'Collecte et traitement des boues de vidange', '14032', '2018'],
  [
    'FC-2018-005',
    'M-NIM',
    'Planification familiale dans les centres de santé communaux',
    '13030',
    '2018',
  ],
  ['FC-2019-006', 'M-OUA', 'Planification familiale et santé des jeunes', '13030', '2019'],
  [
    'FC-2019-007',
    'M-BJM',
    'Préparation aux urgences sanitaires et aux inondations',
    '74020',
    '2019',
  ],
].map(([code, member, title, sector, year]) => ({
  code: String(code),
  member: String(member),
  title: String(title),
  sector: String(sector),
  programme: 'essential_services' as const,
  currency: 'USD' as const,
  cost: '300000',
  startsOn: `${year}-03-01`,
  endsOn: `${Number(year) + 2}-02-28`,
  path: [
    ['approved', `${year}-02-10`],
    ['agreement_signed', `${year}-02-25`],
    ['in_progress', `${year}-03-01`],
    ['completed', `${Number(year) + 2}-02-15`],
    ['closed', `${Number(year) + 2}-09-30`],
  ],
  lines: [
    ['agreement', 'BMGF-SUCSS-2017', '250000'],
    ['city_cash', null, '50000'],
  ],
  tranches: [
    { on: `${year}-03-15`, amount: '125000', paidOn: `${year}-03-20` },
    { on: `${Number(year) + 1}-03-15`, amount: '125000', paidOn: `${Number(year) + 1}-03-25` },
  ],
}))

/** The two EU actions of seed 002, each a multi-country project of a national association. */
const EU_ACTIONS: DemoProject[] = [
  {
    code: 'FC-2010-001',
    member: 'M-UVICOCI',
    title: 'Consolidation de la paix par les autorités locales — Côte d’Ivoire et Burkina Faso',
    titleEn: 'Peacebuilding by local authorities — Côte d’Ivoire and Burkina Faso',
    sector: '15220',
    programme: 'city_diplomacy',
    currency: 'EUR',
    cost: '1100000',
    startsOn: '2010-01-01',
    endsOn: '2013-12-31',
    path: [
      ['approved', '2009-12-16'],
      ['agreement_signed', '2009-12-18'],
      ['in_progress', '2010-01-01'],
      ['completed', '2013-12-31'],
      ['closed', '2014-05-31'],
    ],
    lines: [
      // The EU share of the action, spread over the headings of its Budget for the Action.
      ['agreement', 'UE-ANE-2010-CI-BF', '317000', '1'],
      ['agreement', 'UE-ANE-2010-CI-BF', '68000', '2'],
      ['agreement', 'UE-ANE-2010-CI-BF', '113000', '3'],
      ['agreement', 'UE-ANE-2010-CI-BF', '45000', '4'],
      ['agreement', 'UE-ANE-2010-CI-BF', '189000', '5'],
      ['agreement', 'UE-ANE-2010-CI-BF', '23000', '6'],
      ['agreement', 'UE-ANE-2010-CI-BF', '52000', '8'],
      ['agreement', 'UE-ANE-2010-CI-BF', '23000', '10'],
      ['partner', 'France et Wallonie (cofinancement)', '270000'],
    ],
    tranches: [
      { on: '2010-03-01', amount: '330000', paidOn: '2010-03-05' },
      { on: '2011-07-01', amount: '250000', paidOn: '2011-07-04' },
      { on: '2012-10-01', amount: '170000', paidOn: '2012-10-02' },
      { on: '2014-05-20', amount: '80000', paidOn: '2014-05-26' },
    ],
  },
  {
    code: 'FC-2009-002',
    member: 'M-CVUC',
    title: 'Renforcement des capacités des autorités locales — Cameroun et Congo',
    titleEn: 'Capacity building of local authorities — Cameroon and Congo',
    sector: '15112',
    programme: 'local_governance',
    currency: 'EUR',
    cost: '717744.50',
    startsOn: '2009-01-01',
    endsOn: '2012-04-30',
    path: [
      ['approved', '2008-12-12'],
      ['agreement_signed', '2008-12-20'],
      ['in_progress', '2009-01-01'],
      ['completed', '2012-04-30'],
      ['closed', '2012-12-31'],
    ],
    lines: [
      ['agreement', 'UE-ANE-2009-CM-CG', '500000'],
      ['partner', 'Cofinancements de l’action', '217744.50'],
    ],
    tranches: [
      { on: '2009-03-20', amount: '200000', paidOn: '2009-03-23' },
      { on: '2010-07-15', amount: '150000', paidOn: '2010-07-19' },
      { on: '2011-09-20', amount: '100000', paidOn: '2011-09-26' },
      { on: '2012-11-26', amount: '50000', paidOn: '2012-11-28' },
    ],
  },
]

/** Projects under way today: climate, water, culture (about a third), governance. */
const CURRENT: DemoProject[] = [
  {
    code: 'FC-2018-008',
    member: 'M-BKO',
    title: 'Bornes-fontaines et réseau d’eau potable dans les quartiers périphériques',
    titleEn: 'Standpipes and drinking-water network in the outlying districts',
    sector: '14030',
    programme: 'essential_services',
    currency: 'EUR',
    cost: '400000',
    startsOn: '2018-09-01',
    endsOn: '2020-12-31',
    path: [
      ['approved', '2018-06-20'],
      ['agreement_signed', '2018-07-15'],
      ['in_progress', '2018-09-01'],
      ['completed', '2020-12-31'],
      ['closed', '2021-06-30'],
    ],
    lines: [
      ['agreement', 'PARIS-SUCSS-2018', '300000'],
      ['city_cash', null, '100000'],
    ],
    tranches: [
      { on: '2018-09-10', amount: '150000', paidOn: '2018-09-12' },
      { on: '2020-06-30', amount: '150000', paidOn: '2020-07-02' },
    ],
  },
  {
    code: 'FC-2023-011',
    member: 'M-NKC',
    title: 'Protection des quartiers contre les inondations et l’ensablement',
    sector: '43060',
    programme: 'climate',
    currency: 'EUR',
    cost: '1200000',
    startsOn: '2023-09-01',
    endsOn: '2027-03-31',
    path: [
      ['approved', '2023-06-28'],
      ['agreement_signed', '2023-07-20'],
      ['in_progress', '2023-09-01'],
    ],
    lines: [
      ['agreement', 'AFD-CLIMAT-2023', '900000'],
      ['untied_fund', null, '150000'],
      ['city_cash', null, '150000'],
    ],
    tranches: [
      { on: '2023-09-15', amount: '350000', paidOn: '2023-09-18' },
      {
        on: '2024-10-01',
        amount: '350000',
        paidOn: '2024-10-07',
        condition: 'Rapport intermédiaire reçu',
        metOn: '2024-09-20',
      },
      { on: '2026-09-30', amount: '350000', condition: 'Digues du secteur nord réceptionnées' },
    ],
    indicators: [
      {
        name: 'Digues et ouvrages de drainage réalisés',
        level: 'output',
        measure: 'number',
        unit: 'km',
        baseline: '0',
        target: '12',
        values: [
          ['2024-12-31', '5'],
          ['2025-12-31', '8.5'],
        ],
      },
      {
        name: 'Ménages protégés des inondations',
        level: 'outcome',
        measure: 'percentage',
        baseline: '20',
        target: '80',
        values: [['2025-12-31', '55']],
      },
    ],
    expenses: [
      ['2023-11-20', 'SOGECO', 'Études topographiques', '48000'],
      ['2024-03-15', 'ENTREPRISE SAHEL BTP', 'Digue secteur ouest — lot 1', '310000'],
    ],
  },
  {
    code: 'FC-2024-004',
    member: 'M-TNR',
    title: 'Curage et réhabilitation des canaux de drainage',
    sector: '14022',
    programme: 'climate',
    currency: 'EUR',
    cost: '800000',
    startsOn: '2024-03-01',
    endsOn: '2026-12-31',
    path: [
      ['approved', '2024-01-25'],
      ['agreement_signed', '2024-02-15'],
      ['in_progress', '2024-03-01'],
    ],
    lines: [
      ['agreement', 'AFD-CLIMAT-2023', '700000'],
      ['city_in_kind', null, '100000'],
    ],
    tranches: [
      { on: '2024-03-15', amount: '280000', paidOn: '2024-03-20' },
      { on: '2025-03-15', amount: '280000', paidOn: '2025-04-02' },
      { on: '2026-10-15', amount: '140000', condition: 'Rapport final technique' },
    ],
  },
  {
    code: 'FC-2024-006',
    member: 'M-LFW',
    title: 'Accès à l’eau potable dans les quartiers précaires de Lomé',
    titleEn: 'Access to drinking water in Lomé’s informal settlements',
    sector: '14031',
    programme: 'essential_services',
    currency: 'CHF',
    cost: '200000',
    startsOn: '2024-04-01',
    endsOn: '2026-12-31',
    path: [
      ['approved', '2024-03-05'],
      ['agreement_signed', '2024-03-25'],
      ['in_progress', '2024-04-01'],
    ],
    lines: [
      ['agreement', 'GE-EAU-2024', '160000'],
      ['city_cash', null, '40000'],
    ],
    tranches: [{ on: '2024-04-15', amount: '80000', paidOn: '2024-04-22' }],
  },
  {
    code: 'FC-2024-007',
    member: 'M-PAP',
    title: 'Kiosques à eau et comités de gestion à Port-au-Prince',
    sector: '14031',
    programme: 'essential_services',
    currency: 'CHF',
    cost: '150000',
    startsOn: '2024-05-01',
    endsOn: '2026-12-31',
    path: [
      ['approved', '2024-03-05'],
      ['agreement_signed', '2024-04-10'],
      ['in_progress', '2024-05-01'],
    ],
    lines: [
      ['agreement', 'GE-EAU-2024', '140000'],
      ['city_in_kind', null, '10000'],
    ],
    tranches: [{ on: '2024-05-15', amount: '70000', paidOn: '2024-05-21' }],
  },
  {
    code: 'FC-2024-009',
    member: 'M-HUI',
    title: 'Restauration de la porte Hiển Nhơn de la citadelle impériale',
    titleEn: 'Restoration of the Hiển Nhơn gate of the imperial citadel',
    sector: '16061',
    programme: 'culture_heritage',
    currency: 'EUR',
    cost: '260000',
    startsOn: '2024-10-01',
    endsOn: '2026-12-31',
    path: [
      ['approved', '2024-06-18'],
      ['agreement_signed', '2024-09-10'],
      ['in_progress', '2024-10-01'],
    ],
    lines: [
      ['untied_fund', null, '180000'],
      ['city_cash', null, '80000'],
    ],
    tranches: [
      { on: '2024-10-15', amount: '90000', paidOn: '2024-10-21' },
      { on: '2025-10-15', amount: '90000', paidOn: '2025-11-03' },
    ],
    indicators: [
      {
        name: 'Porte restaurée et ouverte au public',
        level: 'output',
        measure: 'yes_no',
        target: 'yes',
        values: [['2025-12-31', 'no']],
      },
    ],
  },
  {
    code: 'FC-2025-002',
    member: 'M-REP',
    title: 'Sentier patrimonial et signalétique bilingue du centre ancien',
    sector: '16061',
    programme: 'culture_heritage',
    currency: 'EUR',
    cost: '120000',
    startsOn: '2025-04-01',
    endsOn: '2026-12-31',
    path: [
      ['approved', '2025-02-20'],
      ['agreement_signed', '2025-03-15'],
      ['in_progress', '2025-04-01'],
    ],
    lines: [
      ['untied_fund', null, '90000'],
      ['city_in_kind', null, '30000'],
    ],
    tranches: [{ on: '2025-04-15', amount: '45000', paidOn: '2025-04-18' }],
  },
  {
    code: 'FC-2025-005',
    member: 'M-BEY',
    title: 'Réhabilitation de façades patrimoniales du quartier de Gemmayzé',
    sector: '16061',
    programme: 'culture_heritage',
    currency: 'EUR',
    cost: '350000',
    startsOn: '2025-06-01',
    endsOn: '2027-05-31',
    path: [
      ['approved', '2025-04-24'],
      ['agreement_signed', '2025-05-20'],
      ['in_progress', '2025-06-01'],
    ],
    lines: [
      ['untied_fund', null, '250000'],
      ['partner', 'Région Île-de-France', '100000'],
    ],
    tranches: [
      { on: '2025-06-15', amount: '100000', paidOn: '2025-06-19' },
      { on: '2026-06-15', amount: '100000', condition: 'Rapport intermédiaire reçu' },
    ],
  },
  {
    code: 'FC-2025-008',
    member: 'M-TUN',
    title: 'Réhabilitation d’un îlot de la médina',
    sector: '16061',
    programme: 'culture_heritage',
    currency: 'EUR',
    cost: '300000',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    path: [['approved', '2025-11-27']],
    lines: [
      ['untied_fund', null, '200000'],
      ['city_cash', null, '100000'],
    ],
  },
  {
    code: 'FC-2025-010',
    member: 'M-RBA',
    title: 'Maison des femmes entrepreneures',
    sector: '15170',
    programme: 'gender_equality',
    currency: 'EUR',
    cost: '150000',
    startsOn: '2026-02-01',
    endsOn: '2027-06-30',
    path: [
      ['approved', '2025-11-27'],
      ['agreement_signed', '2026-01-20'],
    ],
    lines: [
      ['untied_fund', null, '100000'],
      ['city_in_kind', null, '50000'],
    ],
    tranches: [{ on: '2026-02-15', amount: '50000' }],
  },
  {
    code: 'FC-2022-012',
    member: 'M-PNH',
    title: 'Équipement de six écoles primaires en salles multimédia',
    sector: '11120',
    programme: 'education',
    currency: 'EUR',
    cost: '180000',
    startsOn: '2022-09-01',
    endsOn: '2024-06-30',
    path: [
      ['approved', '2022-06-15'],
      ['agreement_signed', '2022-07-20'],
      ['in_progress', '2022-09-01'],
      ['completed', '2024-06-30'],
    ],
    lines: [
      ['untied_fund', null, '150000'],
      ['city_cash', null, '30000'],
    ],
    tranches: [
      { on: '2022-09-15', amount: '75000', paidOn: '2022-09-19' },
      { on: '2023-09-15', amount: '75000', paidOn: '2023-09-25' },
    ],
  },
  {
    code: 'FC-2023-003',
    member: 'M-YAO',
    title: 'Marché municipal de Mokolo — reconstruction',
    sector: '43030',
    programme: 'local_governance',
    currency: 'XAF',
    cost: '262382800',
    startsOn: '2023-06-01',
    endsOn: '2025-06-30',
    path: [['abandoned', '2023-09-15']],
    abandonReason: 'Site non libéré ; la ville présentera un nouveau dossier.',
    lines: [['city_cash', null, '65595700']],
  },
  {
    code: 'FC-2026-001',
    member: 'M-DLA',
    title: 'Plan de déplacements urbains — études',
    sector: '43030',
    programme: 'urban_planning',
    currency: 'XAF',
    cost: '98393550',
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
    path: [],
    lines: [['city_cash', null, '32797850']],
  },
  {
    code: 'FC-2026-002',
    member: 'M-MJN',
    title: 'Collecte et valorisation des déchets ménagers',
    titleEn: 'Household waste collection and recovery',
    sector: '14050',
    programme: 'climate',
    currency: 'EUR',
    cost: '220000',
    startsOn: '2027-01-01',
    endsOn: '2028-06-30',
    path: [],
    lines: [],
  },
  {
    code: 'FC-2026-003',
    member: 'M-VTE',
    title: 'Guichet numérique des services municipaux',
    sector: '22040',
    programme: 'digital',
    currency: 'EUR',
    cost: '140000',
    startsOn: '2027-01-01',
    endsOn: '2027-12-31',
    path: [],
    lines: [],
  },
  {
    code: 'FC-2026-004',
    member: 'M-FIH',
    title: 'Modernisation de l’état civil des communes',
    sector: '15112',
    programme: 'local_governance',
    currency: 'EUR',
    cost: '250000',
    startsOn: '2027-01-01',
    endsOn: '2028-12-31',
    path: [],
    lines: [],
  },
]

export const DEMO_PROJECTS: DemoProject[] = [...EU_ACTIONS, ...GATES_PILOTS, ...RWANDA, ...CURRENT]
