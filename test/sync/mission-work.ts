import { join } from 'node:path'
import { missionCopy } from '../../electron/main/sync/sync-service'
import { startTestApp, type TestApp } from '../support/core'
import { tempFolder } from '../support/temp'
import { joinTarget } from './sync-targets'

/**
 * The office's first records: a grant received, a city paying its dues, its approved project
 * (shared by the mission tests and the convergence test).
 */
export async function officeRecords(office: TestApp) {
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
  await office.ok('receipts.add', {
    confirmed: true,
    agreementId: grant.id,
    receivedOn: '2026-02-01',
    amount: '60000',
  })
  const dakar = await office.ok('members.create', {
    kind: 'city',
    name: 'Ville de Dakar',
    country: 'SN',
    status: 'active',
  })
  const project = await office.ok('projects.create', {
    title: 'Assainissement de la Médina',
    memberId: dakar.id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '200000',
  })
  await office.ok('projects.transition', {
    confirmed: true,
    projectId: project.id,
    to: 'approved',
    onDate: '2026-03-10',
    bureauMeeting: 'Bureau de mars 2026',
  })
  await office.ok('dues.addPayment', {
    confirmed: true,
    memberId: dakar.id,
    kind: 'dues',
    receivedOn: '2026-03-01',
    amount: '1500',
    currency: 'EUR',
    method: 'transfer',
  })
  return { france, grant, dakar, project }
}

/** The office's file before a mission: money of every kind, and the records it hangs on. */
export async function officeWithHistory(office: TestApp) {
  const records = await officeRecords(office)
  await office.ok('dues.updateSettings', { arrearsTolerance: '500', paymentDays: 60 })
  return records
}

type Office = Awaited<ReturnType<typeof officeWithHistory>>

/**
 * A mission's ordinary work, every money action of the application among it: an existing
 * agreement edited and amended, a new funder with its agreement and a receipt, a receipt
 * cancelled, a new city with its project approved, signed and under way, a plan line committed,
 * a tranche paid and another cancelled, dues paid and one payment cancelled, other income, a
 * budget line and an expense, a funder archived.
 */
export async function missionWork(mission: TestApp, office: Office) {
  const { grant, france, dakar } = office
  await mission.ok('agreements.update', {
    id: grant.id,
    fields: {
      funderId: france.id,
      reference: 'SUBV-FR-2026',
      title: 'Subvention de fonctionnement 2026-2027',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      currency: 'EUR',
      amount: '520000',
      earmarking: 'untied',
      nature: 'operating',
    },
  })
  await mission.ok('agreements.addAmendment', {
    agreementId: grant.id,
    signedOn: '2026-04-01',
    amountChange: '10000',
    newEndsOn: null,
    note: 'Avenant 1',
  })
  const lyon = await mission.ok('funders.create', {
    name: 'Métropole de Lyon',
    kind: 'city',
    defaultCurrency: 'EUR',
  })
  const lyonGrant = await mission.ok('agreements.create', {
    funderId: lyon.id,
    reference: 'LYON-2026',
    title: 'Coopération décentralisée',
    startsOn: '2026-03-01',
    endsOn: '2028-02-29',
    currency: 'EUR',
    amount: '120000',
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'mixed',
    operatingSharePercent: '40',
  })
  await mission.ok('receipts.add', {
    confirmed: true,
    agreementId: lyonGrant.id,
    receivedOn: '2026-04-02',
    amount: '40000',
  })
  const wrong = await mission.ok('receipts.add', {
    confirmed: true,
    agreementId: grant.id,
    receivedOn: '2026-04-03',
    amount: '999',
  })
  const mistaken = wrong.receipts.find((r) => r.amount === 99900)
  if (mistaken) await mission.ok('receipts.cancel', { id: mistaken.id, reason: 'Saisi par erreur' })
  const thies = await mission.ok('members.create', {
    kind: 'city',
    name: 'Ville de Thiès',
    country: 'SN',
    status: 'active',
  })
  const created = await mission.ok('projects.create', {
    title: 'Éclairage public solaire',
    memberId: thies.id,
    sectorCode: '23230',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: '80000',
  })
  for (const [to, onDate] of [
    ['approved', '2026-04-10'],
    ['agreement_signed', '2026-04-20'],
    ['in_progress', '2026-05-01'],
  ] as const) {
    await mission.ok('projects.transition', {
      confirmed: true,
      projectId: created.id,
      to,
      onDate,
      ...(to === 'approved' ? { bureauMeeting: 'Bureau d’avril 2026' } : {}),
    })
  }
  const planned = await mission.ok('projects.addFinancingLine', {
    projectId: created.id,
    source: 'agreement',
    agreementId: lyonGrant.id,
    amount: '30000',
    currency: 'EUR',
  })
  const line = planned.plan.lines[0]
  if (line)
    await mission.ok('projects.commitFinancingLine', {
      confirmed: true,
      id: line.id,
      committedOn: '2026-05-02',
    })
  let detail = await mission.ok('projects.addTranche', {
    projectId: created.id,
    plannedOn: '2026-05-15',
    amount: '12000',
  })
  detail = await mission.ok('projects.addTranche', {
    projectId: created.id,
    plannedOn: '2026-09-15',
    amount: '18000',
  })
  const [first, second] = detail.tranches
  if (first)
    await mission.ok('projects.payTranche', {
      confirmed: true,
      id: first.id,
      paidOn: '2026-05-16',
    })
  if (second) await mission.ok('projects.cancelTranche', { id: second.id, reason: 'Reportée' })
  await mission.ok('dues.addPayment', {
    confirmed: true,
    memberId: thies.id,
    kind: 'voluntary',
    receivedOn: '2026-05-03',
    amount: '250000',
    currency: 'XOF',
    method: 'mobile_money',
  })
  const twice = await mission.ok('dues.addPayment', {
    confirmed: true,
    memberId: dakar.id,
    kind: 'dues',
    receivedOn: '2026-05-04',
    amount: '300',
    currency: 'EUR',
    method: 'cash',
  })
  await mission.ok('dues.cancelPayment', { id: twice.id, reason: 'Saisi par erreur' })
  const income = await mission.ok('funds.addOtherIncome', {
    confirmed: true,
    receivedOn: '2026-05-05',
    label: 'Intérêts du compte',
    currency: 'EUR',
    amount: '120.50',
  })
  const interest = income.find((i) => i.label === 'Intérêts du compte')
  await mission.ok('funds.addOtherIncome', {
    confirmed: true,
    receivedOn: '2026-05-06',
    label: 'Saisie en double',
    currency: 'EUR',
    amount: '12',
  })
  const doubled = (await mission.ok('funds.otherIncome', {})).find(
    (i) => i.label === 'Saisie en double',
  )
  if (doubled)
    await mission.ok('funds.cancelOtherIncome', { id: doubled.id, reason: 'Saisi par erreur' })
  const budget = await mission.ok('budget.create', { year: 2026 })
  const withLine = await mission.ok('budget.saveItem', {
    versionId: budget.version.id,
    kind: 'line',
    code: '6251',
    label: 'Missions',
    direction: 'expense',
    nature: 'operating',
    planned: '20000',
    tracks: 'expenses',
  })
  const missions = withLine.items.find((item) => item.code === '6251')
  if (missions) {
    await mission.ok('budget.addExpense', {
      confirmed: true,
      lineKey: missions.lineKey,
      spentOn: '2026-05-07',
      description: 'Billets Dakar–Thiès',
      amount: '480',
      currency: 'EUR',
    })
    const expenses = await mission.ok('budget.addExpense', {
      confirmed: true,
      lineKey: missions.lineKey,
      spentOn: '2026-05-08',
      agreementId: lyonGrant.id,
      description: 'Hôtel (saisi deux fois)',
      amount: '210',
      currency: 'EUR',
    })
    const again = expenses.find((e) => e.description === 'Hôtel (saisi deux fois)')
    if (again) await mission.ok('budget.cancelExpense', { id: again.id, reason: 'Doublon' })
  }
  const extra = await mission.ok('funders.create', {
    name: 'Fondation éphémère',
    kind: 'foundation',
    defaultCurrency: 'EUR',
  })
  await mission.ok('funders.archive', { id: extra.id })
  return { lyon, lyonGrant, thies, project: created, interest }
}

/**
 * The office, its mission laptop (which has done {@link missionWork} and synced it) and a
 * second laptop, all on one shared folder; the files are closed, ready to be copied.
 */
export async function officeAfterMission(lifetime: 'test' | 'file' = 'test') {
  const folder = await tempFolder(lifetime)
  const share = join(folder, 'partage')
  const office = await startTestApp({ lifetime })
  const history = await officeWithHistory(office)
  await joinTarget(office, { kind: 'folder', share })
  const session = office.core.requireSession()
  const officePath = session.file.path
  const paths = { mission: join(folder, 'mission.sqlite'), witness: join(folder, 'temoin.sqlite') }
  await missionCopy(session.file, session.sync, paths.mission)
  await missionCopy(session.file, session.sync, paths.witness)
  const replicas = { office: session.file.info().replicaId, mission: '', witness: '' }
  const datasetId = (await office.ok('sync.status', {})).datasetId ?? ''
  await office.core.dispose()

  const mission = await startTestApp({ openFile: false, lifetime })
  await mission.core.openFile(paths.mission)
  replicas.mission = mission.core.requireSession().file.info().replicaId
  const work = await missionWork(mission, history)
  await mission.ok('sync.now', {})
  await mission.core.dispose()
  return { folder, share, officePath, paths, replicas, datasetId, history, work }
}
