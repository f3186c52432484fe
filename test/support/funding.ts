import type { TestApp } from './core'

// The funding the budget, projects and reports tests start from, made through the channels as
// a user would: France and the European Union, France's untied grant, an EU action's headings.

/** France (a state) and the European Union (multilateral), both giving in euros. */
export async function franceAndEu(app: TestApp) {
  const france = await app.ok('funders.create', {
    name: 'France',
    kind: 'state',
    defaultCurrency: 'EUR',
  })
  const eu = await app.ok('funders.create', {
    name: 'Union européenne',
    kind: 'multilateral',
    defaultCurrency: 'EUR',
  })
  return { france, eu }
}

/** France's untied operating grant SUBV-FR-2026, in euros from 1 January 2026. */
export async function untiedGrant(
  app: TestApp,
  funderId: string,
  terms: { endsOn: string; amount: string },
) {
  return app.ok('agreements.create', {
    funderId,
    reference: 'SUBV-FR-2026',
    title: 'Subvention de fonctionnement',
    startsOn: '2026-01-01',
    endsOn: terms.endsOn,
    currency: 'EUR',
    amount: terms.amount,
    earmarking: 'untied',
    nature: 'operating',
  })
}

/** The headings of an EU action of 100,000 €: two direct ones and 7 % of indirect costs. */
export const EU_ACTION_HEADINGS = [
  { code: '1', label: 'Ressources humaines', role: 'direct', amount: '60000' },
  { code: '2', label: 'Voyages', role: 'direct', amount: '33000' },
  { code: '8', label: 'Coûts indirects', role: 'indirect', amount: '6510' },
] as const
