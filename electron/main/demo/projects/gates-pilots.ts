import type { DemoProject } from './demo-project'

/** Pilot projects of the Gates-funded programme, financed in US dollars. */
export const GATES_PILOTS: DemoProject[] = [
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
