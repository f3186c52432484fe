import { startTestApp, type TestApp } from '../support/core'
import { missionLaptop } from './both-ways'

/**
 * An office with France and its untied operating grant, joined to a shared folder, and a mission
 * laptop opened on a copy of its file. `prepare` adds what the office has before the copy is made.
 * Both apps are pushed onto `apps`, for the caller to dispose of.
 */
export async function officeAndMission(
  apps: TestApp[],
  prepare: (office: TestApp) => Promise<void> = async () => undefined,
) {
  const office = await startTestApp()
  apps.push(office)
  const france = await office.ok('funders.create', {
    name: 'France',
    kind: 'state',
    defaultCurrency: 'EUR',
  })
  const grant = await office.ok('agreements.create', {
    funderId: france.id,
    reference: 'SUBV-FR-2026',
    title: 'Subvention de fonctionnement',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    currency: 'EUR',
    amount: '500000',
    earmarking: 'untied',
    nature: 'operating',
  })
  await prepare(office)
  const { mission, share } = await missionLaptop(office, apps)
  return { office, mission, france, grant, share }
}
