import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import type { Session } from '../app/session'
import type { RecordValues } from '../changelog/record-writer'
import { AppFailure, fieldFailure } from '../failure'
import {
  type LedgerEntryInput,
  type LineFigures,
  financingLineFigures,
  postEntries,
} from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import type { CurrencyCode } from '@shared/money/currencies'
import { toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import {
  type ProjectStatus,
  TRANCHE_PAYABLE_STATUSES,
  type trancheInput,
} from '@shared/projects/schema'
import { type ImportOutcome, type Memo, type Register, known, oneByOne } from '../workbook/register'
import { assertOpenProject } from './project-records'
import { idChunks, projectsById, ratesOf, writeAsSet } from './set-import'
import { type CommittedLine, trancheShares } from './tranche-shares'
import { plannedTranche } from './tranches-service'
import { type NamedLine, splitOfLines } from './tranche-split'

/** A tranche row of the workbook, as its register's contract reads it. */
export type TrancheRow = z.output<typeof trancheInput> & {
  number: number
  currency: string
  conditionMetOn: string | null
  releasedOn: string | null
  paidOn: string | null
  paidAmount: string | null
  bankReference: string | null
  overrideReason: string | null
  cancelReason: string | null
  split: { key: string; amount: string }[] | null | undefined
}

/** A tranche as the import remembers it, by project and number. */
export interface TrancheAsFound {
  id: string
  project_id: string
  number: number
  planned_on: string
  amount_minor: number
  condition: string | null
  condition_met_on: string | null
  status: string
  released_on: string | null
}

/** The file's tranches by "project id|number", read once per import. */
export function knownTranches(session: Session, memo: Memo) {
  return known<TrancheAsFound>(
    memo,
    'tranches',
    () =>
      session.file.db
        .selectFrom('tranches')
        .select(['id', 'project_id', 'number', 'planned_on', 'amount_minor', 'condition'])
        .select(['condition_met_on', 'status', 'released_on'])
        .where('deleted_at', 'is', null)
        .execute(),
    (t) => `${t.project_id}|${t.number}`,
  )
}

/**
 * Writes a sheet of new tranches as a set: each row goes as far as the row path would take it
 * (added, its condition met, released, paid, cancelled), with the service's rules checked row
 * by row against what is read once — the projects, their committed lines and what each still
 * has to pay, the rates of the days paid — and kept current in memory. Each tranche is then
 * inserted once in its final state with the change log of every step, and the disbursements
 * posted together (the same records, entries and log rows as the row path, in a few
 * statements instead of about ten a tranche).
 *
 * A sheet that changes tranches the file holds goes row by row (`apply`). So does one with a
 * row refused, before anything is written: the refusal is then the row path's own, at the same
 * row and column.
 */
export async function writeTranches<Row extends TrancheRow>(
  session: Session,
  rows: Row[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
  apply: Register<Row>['apply'],
): Promise<ImportOutcome[]> {
  const byNumber = await knownTranches(session, memo)
  return writeAsSet(
    rows.length,
    async () =>
      rows.some((row) => byNumber.has(`${row.projectId}|${row.number}`))
        ? null
        : planTranches(session, rows, byNumber, at),
    async (plan) => {
      await session.file.write(author, async (writer) => {
        // The ledger's own guards (a closed period, a closed agreement) run before it writes.
        await postEntries(writer, plan.entries)
        await writer.insertReplayed('tranches', plan.records)
      })
      for (const tranche of plan.found)
        byNumber.set(`${tranche.project_id}|${tranche.number}`, tranche)
    },
    () => oneByOne(apply, session, rows, author, memo, at),
  )
}

interface TranchesPlan {
  records: { id: string; first: RecordValues; steps: RecordValues[] }[]
  entries: LedgerEntryInput[]
  found: TrancheAsFound[]
}

/** Every row's tranche and steps, checked as the row path checks them; nothing written. */
async function planTranches(
  session: Session,
  rows: readonly TrancheRow[],
  byNumber: ReadonlyMap<string, TrancheAsFound>,
  at: (index: number) => void,
): Promise<TranchesPlan> {
  const file = await readProjectsOf(
    session,
    rows.map((row) => row.projectId),
  )
  const rateOn = ratesOf(session)
  const counts = new Map<string, number>()
  for (const tranche of byNumber.values())
    counts.set(tranche.project_id, (counts.get(tranche.project_id) ?? 0) + 1)
  const plan: TranchesPlan = { records: [], entries: [], found: [] }
  for (const [index, row] of rows.entries()) {
    at(index)
    const project = file.projects.get(row.projectId)
    if (!project) throw new AppFailure('NOT_FOUND')
    if (row.currency !== project.currency) {
      throw fieldFailure('VALIDATION', 'currency', 'workbook.notProjectCurrency', {
        currency: project.currency,
      })
    }
    const next = 1 + (counts.get(project.id) ?? 0)
    if (row.number !== next) {
      throw fieldFailure('VALIDATION', 'number', 'workbook.trancheNumber', { number: next })
    }
    counts.set(project.id, next)
    // TranchesService.add: an open project, the amount in its currency, the next number.
    assertOpenProject(project)
    const currency = project.currency as CurrencyCode
    const amount = readAmount(row.amount, currency, 'amount')
    const number = (file.lastNumbers.get(project.id) ?? 0) + 1
    file.lastNumbers.set(project.id, number)
    const id = uuidv7()
    const first = plannedTranche(project.id, number, row, amount.minor)
    const state: RecordValues = { ...first }
    const steps: RecordValues[] = []
    // TranchesService.change: an open project and a tranche in one of the statuses `from`.
    const change = (from: readonly string[], patch: RecordValues) => {
      assertOpenProject(project)
      if (!from.includes(String(state.status))) {
        throw new AppFailure('CONFLICT', 'errors.trancheStatus', { number })
      }
      steps.push(patch)
      Object.assign(state, patch)
    }
    if (row.conditionMetOn)
      change(['planned', 'released'], { condition_met_on: row.conditionMetOn })
    if (row.releasedOn) change(['planned'], { status: 'released', released_on: row.releasedOn })
    if (row.paidOn) {
      const paidOn = row.paidOn
      const lines = file.lines.get(project.id) ?? []
      const split = splitOfLines(lines, row.split, session.language())
      // TranchesService.pay's rules, in its order.
      assertOpenProject(project)
      if (state.status === 'paid')
        throw new AppFailure('CONFLICT', 'errors.tranchePaid', { number })
      if (state.status === 'cancelled') throw new AppFailure('CONFLICT', 'errors.trancheCancelled')
      if (!TRANCHE_PAYABLE_STATUSES.includes(project.status as ProjectStatus)) {
        throw new AppFailure('CONFLICT', 'errors.projectNotSigned', { code: project.code })
      }
      if (row.condition && !state.condition_met_on && !row.overrideReason) {
        throw fieldFailure('CONFLICT', 'overrideReason', 'errors.trancheConditionNotMet', {
          condition: row.condition,
        })
      }
      const paid = row.paidAmount
        ? readAmount(row.paidAmount, currency, 'amount')
        : money(amount.minor, currency)
      const paidEur = toEuro(paid, await rateOn(currency, paidOn, 'paidOn'))
      const parts = await trancheShares(
        lines,
        file.figures,
        (lineCurrency) => rateOn(lineCurrency, paidOn, 'paidOn'),
        paid,
        paidEur,
        { split },
      )
      for (const part of parts) {
        plan.entries.push({
          entryDate: paidOn,
          kind: 'disbursement',
          fundClass: part.fundClass,
          agreementId: part.agreementId,
          nature: project.nature as 'operating' | 'investment',
          amount: part.native,
          eurMinor: part.eur.minor,
          rate: part.rate,
          use: { table: 'financing_lines', id: part.lineId },
          source: { table: 'tranches', id },
          headingCode: lines.find((line) => line.id === part.lineId)?.heading_code ?? null,
        })
        // What the line still has to pay, for the tranches after this one.
        const figures = file.figures.get(part.lineId) ?? emptyLine()
        figures.disbursed += part.native.minor
        figures.disbursedEur += part.eur.minor
        file.figures.set(part.lineId, figures)
      }
      const patch: RecordValues = {
        status: 'paid',
        paid_on: paidOn,
        paid_amount_minor: paid.minor,
        paid_eur_minor: paidEur.minor,
        bank_reference: row.bankReference,
        override_reason: row.overrideReason,
      }
      steps.push(patch)
      Object.assign(state, patch)
    }
    if (row.cancelReason)
      change(['planned', 'released'], { status: 'cancelled', cancel_reason: row.cancelReason })
    plan.records.push({ id, first, steps })
    // As the row path remembers a tranche it added: as the service first wrote it.
    plan.found.push({
      id,
      project_id: project.id,
      number: row.number,
      planned_on: row.plannedOn,
      amount_minor: amount.minor,
      condition: row.condition,
      condition_met_on: null,
      status: 'planned',
      released_on: null,
    })
  }
  return plan
}

const emptyLine = (): LineFigures => ({
  allocated: 0,
  allocatedEur: 0,
  disbursed: 0,
  disbursedEur: 0,
})

/**
 * What the rows' projects are, read once: each project, the last number of its tranches (the
 * archived ones too, as the service counts), its committed lines in the plan's order, and what
 * each line has allocated and disbursed.
 */
async function readProjectsOf(session: Session, ids: readonly string[]) {
  const db = session.file.db
  const wanted = [...new Set(ids)]
  const projects = await projectsById(session, wanted)
  const lastNumbers = new Map<string, number>()
  const lines = new Map<string, (CommittedLine & NamedLine & { heading_code: string | null })[]>()
  for (const some of idChunks(wanted)) {
    for (const last of await db
      .selectFrom('tranches')
      .select('project_id')
      .select((eb) => eb.fn.max<number>('number').as('number'))
      .where('project_id', 'in', some)
      .groupBy('project_id')
      .execute())
      lastNumbers.set(last.project_id, Number(last.number ?? 0))
    for (const line of await db
      .selectFrom('financing_lines as l')
      .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
      .select(['l.id', 'l.project_id', 'l.currency', 'l.source', 'l.agreement_id'])
      .select(['l.heading_code', 'a.earmarking', 'a.reference'])
      .where('l.project_id', 'in', some)
      .where('l.deleted_at', 'is', null)
      .where('l.committed_on', 'is not', null)
      .orderBy('l.created_at')
      .execute())
      lines.set(line.project_id, [...(lines.get(line.project_id) ?? []), line])
  }
  const lineIds = [...lines.values()].flat().map((line) => line.id)
  const figures = new Map<string, LineFigures>()
  for (const some of idChunks(lineIds)) {
    for (const [id, f] of await financingLineFigures(db, some)) figures.set(id, f)
  }
  return { projects, lastNumbers, lines, figures }
}
