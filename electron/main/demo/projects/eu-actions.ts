import type { DemoProject } from './demo-project'

/** The two EU actions of seed 002, each a multi-country project of a national association. */
export const EU_ACTIONS: DemoProject[] = [
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
