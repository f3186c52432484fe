import type { DemoProject } from './demo-project'

type Indicators = NonNullable<DemoProject['indicators']>

/** What the three health projects count, each the same way in each district. */
const RESULTS = {
  centres: { name: 'Centres de santé construits et équipés', level: 'output', unit: 'centres' },
  maternities: { name: 'Maternités construites et équipées', level: 'output', unit: 'maternités' },
  people: {
    name: 'Personnes ayant un meilleur accès à la santé',
    level: 'outcome',
    unit: 'personnes',
  },
} as const

/** What differs between the districts' projects; the rest is the programme's common frame. */
interface RwandaProject {
  code: string
  member: string
  title: string
  titleEn?: string
  sector: string
  cost: string
  objectives?: string
  completedOn: string
  closedOn?: string
  /** The Gates agreement's share, the district's contribution in kind, and partners' shares. */
  gates: string
  inKind: string
  partners?: [name: string, amount: string][]
  tranches: DemoProject['tranches']
  /** Each result counted: its target, and the values reached by date. */
  results: [result: keyof typeof RESULTS, target: string, values: Record<string, string>][]
}

/** A project of the Rwanda health programme: approved in April 2019, run from June 2019 to 2021. */
function rwandaProject(project: RwandaProject): DemoProject {
  const { completedOn, closedOn, gates, inKind, partners = [], results, ...record } = project
  const indicators: Indicators = results.map(([result, target, values]) => ({
    ...RESULTS[result],
    measure: 'number',
    baseline: '0',
    target,
    values: Object.entries(values),
  }))
  return {
    ...record,
    programme: 'essential_services',
    currency: 'USD',
    startsOn: '2019-06-01',
    endsOn: '2021-12-31',
    path: [
      ['approved', '2019-04-12'],
      ['agreement_signed', '2019-05-20'],
      ['in_progress', '2019-06-01'],
      ['completed', completedOn],
      ...(closedOn ? [['closed', closedOn] satisfies DemoProject['path'][number]] : []),
    ],
    lines: [
      ['agreement', 'BMGF-SUCSS-2017', gates],
      ['city_in_kind', null, inKind],
      ...partners.map(([name, amount]): DemoProject['lines'][number] => ['partner', name, amount]),
    ],
    indicators,
  }
}

/** Rwanda, seed 004: maternal and reproductive health in Kigali, Rusizi and Rubavu since 2019. */
export const RWANDA: DemoProject[] = [
  rwandaProject({
    code: 'FC-2019-014',
    member: 'M-KGL',
    title: 'Santé maternelle et reproductive — centres de santé et maternité de Kigali',
    titleEn: 'Maternal and reproductive health — Kigali health centres and maternity ward',
    sector: '13020',
    cost: '520000',
    objectives:
      'Construire et équiper six centres de santé et une maternité ; développer les services de planification familiale avec la société civile.',
    completedOn: '2021-12-15',
    closedOn: '2022-06-30',
    gates: '430000',
    inKind: '90000',
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
    results: [
      ['centres', '6', { '2020-12-31': '3', '2021-12-31': '6' }],
      ['maternities', '1', { '2021-12-31': '1' }],
      ['people', '40000', { '2020-12-31': '18000', '2021-12-31': '40000' }],
    ],
  }),
  rwandaProject({
    code: 'FC-2019-015',
    member: 'M-RSZ',
    title: 'Santé maternelle et planification familiale — District de Rusizi',
    sector: '13030',
    cost: '380000',
    completedOn: '2021-12-20',
    gates: '320000',
    inKind: '60000',
    tranches: [
      { on: '2019-06-15', amount: '160000', paidOn: '2019-06-20' },
      { on: '2020-09-15', amount: '160000', paidOn: '2020-09-28' },
    ],
    results: [
      ['centres', '5', { '2021-12-31': '5' }],
      ['people', '25000', { '2021-12-31': '25000' }],
    ],
  }),
  rwandaProject({
    code: 'FC-2019-016',
    member: 'M-RBV',
    title: 'Santé maternelle, sport et santé des mères adolescentes — District de Rubavu',
    sector: '13020',
    cost: '410000',
    completedOn: '2021-12-20',
    gates: '340000',
    inKind: '45000',
    partners: [['Association Akwos', '25000']],
    tranches: [
      { on: '2019-06-15', amount: '170000', paidOn: '2019-06-20' },
      { on: '2020-09-15', amount: '170000', paidOn: '2020-10-05' },
    ],
    results: [
      ['centres', '4', { '2021-12-31': '4' }],
      ['maternities', '1', { '2021-12-31': '1' }],
      ['people', '20000', { '2021-12-31': '20000' }],
    ],
  }),
]
