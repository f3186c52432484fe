import { afterEach } from 'vitest'
import { checkFile } from '../../electron/main/check/file-check'
import type { ProjectDetail } from '@shared/projects/schema'
import { startTestApp, type TestApp } from '../support/core'
import { franceAndEu, untiedGrant } from '../support/funding'

// The set-up the projects tests share: a file with funds, a programme, a city and a project.

/** The app of the test under way (set by setUp), closed after each test. */
export let app: TestApp
afterEach(async () => app?.core.dispose())

/** A file with an untied grant, a project-tied EU action, a climate programme and a city. */
export async function setUp() {
  app = await startTestApp()
  const { france, eu } = await franceAndEu(app)
  const untied = await untiedGrant(app, france.id, { endsOn: '2027-12-31', amount: '500000' })
  const action = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-ANE-2026',
    title: 'Action UE',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    currency: 'EUR',
    amount: '100000',
    earmarking: 'projects',
    nature: 'investment',
  })
  const climate = await app.ok('agreements.create', {
    funderId: eu.id,
    reference: 'UE-CLIMAT-2026',
    title: 'Climat',
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    currency: 'EUR',
    amount: '50000',
    earmarking: 'programme',
    programmeCode: 'climate',
    nature: 'investment',
  })
  const dakar = await app.ok('members.create', {
    kind: 'city',
    name: 'Ville de Dakar',
    country: 'SN',
    status: 'active',
  })
  const project = await app.ok('projects.create', {
    title: 'Assainissement du quartier de la Médina',
    memberId: dakar.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '200000',
  })
  return { untied, action, climate, dakar, project }
}

/**
 * The project named on the EU action and financed by it (100,000 €), and by the untied fund
 * (`untied` euros) when given; the project as its page then shows it.
 */
export async function financeFromAction(
  projectId: string,
  actionId: string,
  untied?: string,
): Promise<ProjectDetail> {
  await app.ok('agreements.nameProject', { agreementId: actionId, projectId })
  const detail = await app.ok('projects.addFinancingLine', {
    projectId,
    source: 'agreement',
    agreementId: actionId,
    amount: '100000',
    currency: 'EUR',
  })
  if (untied === undefined) return detail
  return app.ok('projects.addFinancingLine', {
    projectId,
    source: 'untied_fund',
    amount: untied,
    currency: 'EUR',
  })
}

export async function approveAndSign(id: string) {
  await app.ok('projects.transition', {
    confirmed: true,
    projectId: id,
    to: 'approved',
    onDate: '2026-03-10',
    bureauMeeting: 'Bureau de mars 2026',
  })
  return app.ok('projects.transition', {
    confirmed: true,
    projectId: id,
    to: 'agreement_signed',
    onDate: '2026-04-01',
  })
}

export async function rowCount(
  table: 'ledger_entries' | 'projects' | 'financing_lines' | 'tranches',
) {
  const db = app.core.requireSession().file.db
  const row = await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The file's problems, checked as `aimf check` does once the file is closed. */
export async function checkedFile() {
  const path = app.core.requireSession().file.path
  await app.core.closeFile()
  return checkFile(path)
}

export function lineOf(project: ProjectDetail, source: string) {
  const line = project.plan.lines.find((l) => l.source === source)
  if (!line) throw new Error(`no ${source} line`)
  return line
}
