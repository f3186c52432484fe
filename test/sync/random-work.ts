import fc from 'fast-check'
import { expect } from 'vitest'
import type { ChannelInput, ChannelName } from '@shared/contract/channels'
import type { Result } from '@shared/contract/errors'
import type { TestApp } from '../support/core'

/**
 * What a person does on a copy of the file, drawn at random: every action that syncs, among
 * them edits of existing records interleaved with new parents and their children (a funder, its
 * agreement, a receipt; a city, its project, a tranche; an agreement, a plan line of it),
 * archives and restores, cancellations and reversals.
 */
export const WORK = [
  'funder',
  'note',
  'archive',
  'receipt',
  'cancelReceipt',
  'payment',
  'cancelPayment',
  'allocate',
  'member',
  'archiveMember',
  'chain',
  'editAgreement',
  'amend',
  'project',
  'planLine',
  'uncommit',
  'payTranche',
  'cancelTranchePayment',
  'otherIncome',
  'expense',
  'cancelExpense',
] as const
export type Work = (typeof WORK)[number]

export type Step = { kind: Work | 'sync' | 'partition'; copy: number; n: number }

export const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom<Step['kind']>(...WORK, 'sync', 'sync', 'sync', 'partition'),
  copy: fc.integer({ min: 0, max: 2 }),
  n: fc.integer({ min: 1, max: 9999 }),
})

/** The channels that succeeded at least once over the runs: the work did happen. */
export const done = new Set<string>()

/** The office's records the work starts from. */
export interface Start {
  grant: { id: string }
  dakar: { id: string }
  project: { id: string }
  lineKey: string
}

/** Does one action on a copy; a refusal of the domain is fine, an internal error never. */
export async function doWork(app: TestApp, kind: Work, n: number, start: Start): Promise<void> {
  const call = async <C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<Result<unknown>> => {
    const result = await app.call(channel, input)
    if (!result.ok)
      expect(result.error.code, `${channel}: ${result.error.message}`).not.toBe('INTERNAL')
    else done.add(channel)
    return result
  }
  const pick = <T>(list: readonly T[]): T | undefined => list[n % Math.max(1, list.length)]
  const funders = await app.ok('funders.list', { includeArchived: true })
  const funder = pick(funders)
  const agreements = await app.ok('agreements.list', {})
  const agreement = pick(agreements)
  const projects = await app.ok('projects.list', {})
  const project = pick(projects)
  switch (kind) {
    case 'funder':
      await call('funders.create', {
        name: `Fondation ${n}`,
        kind: 'foundation',
        defaultCurrency: 'EUR',
      })
      return
    case 'note':
      if (funder && !funder.archivedAt)
        await call('funders.update', {
          id: funder.id,
          name: funder.name,
          kind: funder.kind,
          defaultCurrency: funder.defaultCurrency,
          notes: `Note ${n}`,
        })
      return
    case 'archive':
      if (funder && funder.name !== 'France')
        await call(funder.archivedAt ? 'funders.restore' : 'funders.archive', { id: funder.id })
      return
    case 'receipt':
      await call('receipts.add', {
        confirmed: true,
        agreementId: agreement?.id ?? start.grant.id,
        receivedOn: '2026-05-01',
        amount: `${n}.${String(n % 100).padStart(2, '0')}`,
        confirmOverpayment: true,
      })
      return
    case 'cancelReceipt': {
      const detail = await app.ok('agreements.get', { id: agreement?.id ?? start.grant.id })
      const receipt = pick(detail.receipts)
      if (receipt) await call('receipts.cancel', { id: receipt.id, reason: 'Saisi par erreur' })
      return
    }
    case 'payment':
      await call('dues.addPayment', {
        confirmed: true,
        memberId: start.dakar.id,
        kind: n % 2 === 0 ? 'dues' : 'voluntary',
        receivedOn: '2026-06-01',
        amount: String(n * 100),
        currency: n % 3 === 0 ? 'XOF' : 'EUR',
        method: 'transfer',
      })
      return
    case 'cancelPayment': {
      const payment = pick(await app.ok('dues.payments', { year: 2026 }))
      if (payment) await call('dues.cancelPayment', { id: payment.id, reason: 'Saisi par erreur' })
      return
    }
    case 'allocate': {
      const added = await call('projects.addFinancingLine', {
        projectId: project?.id ?? start.project.id,
        source: 'untied_fund',
        amount: String(n),
        currency: 'EUR',
      })
      const lines = added.ok
        ? (added.value as { plan: { lines: { id: string; committedOn: string | null }[] } }).plan
            .lines
        : []
      const line = lines.find((l) => l.committedOn === null)
      if (line)
        await call('projects.commitFinancingLine', {
          confirmed: true,
          id: line.id,
          committedOn: '2026-06-15',
        })
      return
    }
    case 'member':
      await call('members.create', {
        kind: 'city',
        name: `Ville ${n}`,
        country: 'CI',
        status: 'active',
      })
      return
    case 'archiveMember': {
      const member = pick(await app.ok('members.list', { includeArchived: true }))
      if (member && member.id !== start.dakar.id)
        await call(member.archivedAt ? 'members.restore' : 'members.archive', { id: member.id })
      return
    }
    case 'chain':
      return chain(app, call, n, start)
    case 'editAgreement':
      if (agreement) await editAgreement(app, call, agreement.id, n)
      return
    case 'amend':
      if (agreement)
        await call('agreements.addAmendment', {
          agreementId: agreement.id,
          signedOn: '2026-07-01',
          amountChange: String(n),
          newEndsOn: null,
          note: `Avenant ${n}`,
        })
      return
    case 'project':
      await newProject(app, call, n)
      return
    case 'planLine': {
      const tied = agreements.find((a) => a.earmarking === 'programme')
      if (!tied || !project) return
      const added = await call('projects.addFinancingLine', {
        projectId: project.id,
        source: 'agreement',
        agreementId: tied.id,
        amount: String(n),
        currency: 'EUR',
      })
      const lines = added.ok
        ? (added.value as { plan: { lines: { id: string; committedOn: string | null }[] } }).plan
            .lines
        : []
      const line = lines.find((l) => l.committedOn === null)
      if (line)
        await call('projects.commitFinancingLine', {
          confirmed: true,
          id: line.id,
          committedOn: '2026-06-20',
        })
      return
    }
    case 'uncommit':
    case 'payTranche':
    case 'cancelTranchePayment': {
      // Money moves on a signed project: a tranche is paid only once the agreement is signed.
      // A copy with none signs one first, so that paying a tranche is drawn as often as the rest.
      const signed =
        pick(projects.filter((p) => p.status === 'agreement_signed'))?.id ??
        (kind === 'payTranche' ? await newProject(app, call, n) : undefined)
      if (signed) await projectMoney(app, call, kind, signed, n)
      return
    }
    case 'otherIncome': {
      const list = await app.ok('funds.otherIncome', {})
      const income = pick(list)
      if (n % 3 === 0 && income)
        await call('funds.cancelOtherIncome', { id: income.id, reason: 'Saisi par erreur' })
      else
        await call('funds.addOtherIncome', {
          confirmed: true,
          receivedOn: '2026-06-02',
          label: `Intérêts ${n}`,
          currency: 'EUR',
          amount: String(n),
        })
      return
    }
    case 'expense':
      await call('budget.addExpense', {
        confirmed: true,
        lineKey: start.lineKey,
        spentOn: '2026-06-03',
        description: `Dépense ${n}`,
        amount: String(n),
        currency: 'EUR',
      })
      return
    case 'cancelExpense': {
      const expense = pick(await app.ok('budget.expenses', { year: 2026 }))
      if (expense && !expense.cancelReason)
        await call('budget.cancelExpense', { id: expense.id, reason: `Erreur ${n}` })
      return
    }
  }
}

type Call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<Result<unknown>>

/** An existing agreement edited, then a new funder, an agreement of it and a receipt. */
async function chain(app: TestApp, call: Call, n: number, start: Start): Promise<void> {
  await editAgreement(app, call, start.grant.id, n)
  const funder = await call('funders.create', {
    name: `Bailleur ${n}`,
    kind: 'agency',
    defaultCurrency: 'EUR',
  })
  if (!funder.ok) return
  const created = await call('agreements.create', {
    funderId: (funder.value as { id: string }).id,
    reference: `PROG-${n}`,
    title: `Programme ${n}`,
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    currency: 'EUR',
    amount: String(1000 + n),
    earmarking: 'programme',
    programmeCode: 'essential_services',
    nature: 'investment',
  })
  if (created.ok)
    await call('receipts.add', {
      confirmed: true,
      agreementId: (created.value as { id: string }).id,
      receivedOn: '2026-04-01',
      amount: String(500 + n),
    })
}

async function editAgreement(app: TestApp, call: Call, id: string, n: number): Promise<void> {
  const a = await app.ok('agreements.get', { id })
  await call('agreements.update', {
    id,
    fields: {
      funderId: a.funderId,
      reference: a.reference,
      title: `${a.title.replace(/ \(\d+\)$/, '')} (${n})`,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      currency: a.currency,
      // Every third edit corrects the amount: the commitment is reversed and posted again.
      amount: String((n % 3 === 0 ? a.initialAmount + n * 100 : a.initialAmount) / 100),
      earmarking: a.earmarking,
      programmeCode: a.programmeCode,
      nature: a.nature,
      operatingSharePercent: a.operatingShareBp === null ? null : String(a.operatingShareBp / 100),
    },
  })
}

/**
 * A new city, its project approved and signed, an untied line of its plan committed and a
 * tranche planned against it.
 */
async function newProject(app: TestApp, call: Call, n: number): Promise<string | undefined> {
  const member = await call('members.create', {
    kind: 'city',
    name: `Commune ${n}`,
    country: 'SN',
    status: 'active',
  })
  if (!member.ok) return undefined
  const created = await call('projects.create', {
    title: `Adduction d’eau ${n}`,
    memberId: (member.value as { id: string }).id,
    sectorCode: '14030',
    programme: 'essential_services',
    nature: 'investment',
    currency: 'EUR',
    totalCost: String(50_000 + n),
  })
  if (!created.ok) return undefined
  const projectId = (created.value as { id: string }).id
  await call('projects.transition', {
    confirmed: true,
    projectId,
    to: 'approved',
    onDate: '2026-04-15',
    bureauMeeting: 'Bureau',
  })
  await call('projects.transition', {
    confirmed: true,
    projectId,
    to: 'agreement_signed',
    onDate: '2026-04-20',
  })
  const added = await call('projects.addFinancingLine', {
    projectId,
    source: 'untied_fund',
    amount: '200',
    currency: 'EUR',
  })
  const line = added.ok
    ? (added.value as { plan: { lines: { id: string }[] } }).plan.lines[0]
    : undefined
  if (line)
    await call('projects.commitFinancingLine', {
      confirmed: true,
      id: line.id,
      committedOn: '2026-04-21',
    })
  await call('projects.addTranche', {
    projectId,
    plannedOn: '2026-07-01',
    amount: String(10 + (n % 90)),
  })
  return projectId
}

/** A plan line uncommitted, a tranche paid, a payment cancelled: money moved and moved back. */
async function projectMoney(
  app: TestApp,
  call: Call,
  kind: Work,
  projectId: string,
  n: number,
): Promise<void> {
  const detail = await app.ok('projects.get', { id: projectId })
  if (kind === 'uncommit') {
    const line = detail.plan.lines.find((l) => l.committedOn !== null && l.disbursed === 0)
    if (line)
      await call('projects.uncommitFinancingLine', { id: line.id, reason: 'Saisi par erreur' })
    return
  }
  if (kind === 'cancelTranchePayment') {
    const paid = detail.tranches.find((t) => t.status === 'paid')
    if (paid)
      await call('projects.cancelTranchePayment', { id: paid.id, reason: 'Saisi par erreur' })
    return
  }
  const tranche = detail.tranches.find((t) => t.status === 'planned' || t.status === 'released')
  if (!tranche) {
    await call('projects.addTranche', {
      projectId,
      plannedOn: '2026-08-01',
      amount: String(5 + (n % 20)),
    })
    return
  }
  await call('projects.payTranche', {
    confirmed: true,
    id: tranche.id,
    paidOn: '2026-08-02',
    overrideReason: 'Urgence',
  })
}
