import type { Selectable } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { z } from 'zod'
import type { Session } from '../app/session'
import type { RecordValues } from '../changelog/record-writer'
import type { AgreementsTable, ProjectsTable } from '../db/schema'
import { AppFailure, fieldFailure } from '../failure'
import {
  type LedgerEntryInput,
  agreementFigures,
  postEntries,
  untiedUnallocated,
} from '../funds/ledger'
import { readAmount } from '../funds/money-input'
import type { CurrencyCode } from '@shared/money/currencies'
import { toEuro } from '@shared/money/exchange'
import { money } from '@shared/money/money'
import { type FinancingSource, type ProjectStatus, isAimfSource } from '@shared/projects/schema'
import type { financingLineInput } from '@shared/projects/schema'
import {
  type ImportOutcome,
  type Memo,
  type Register,
  amountText,
  keyOf,
  known,
  normalAmount,
  oneByOne,
} from '../workbook/register'
import { COMMITTABLE, assertEligible } from './financing-service'
import { type PlanAmount, planBalance } from './plan-balance'
import { assertOpenProject } from './project-records'
import { idChunks, projectsById, ratesOf, writeAsSet } from './set-import'

/** A plan line's row of the workbook, as its register's contract reads it. */
export type PlanLineRow = z.output<typeof financingLineInput> & { committedOn: string | null }

/** A plan line as the import remembers it, by {@link planLineKey}. */
export interface PlanLineAsFound {
  id: string
  committed_on: string | null
  key: string
}

/** The file's plan lines by {@link planLineKey}, read once per import. */
export function knownPlanLines(session: Session, memo: Memo) {
  return known<PlanLineAsFound>(
    memo,
    'planLines',
    async () =>
      (
        await session.file.db
          .selectFrom('financing_lines')
          .selectAll()
          .where('deleted_at', 'is', null)
          .execute()
      ).map((line) => ({ id: line.id, committed_on: line.committed_on, key: lineKey(line) })),
    (line) => line.key,
  )
}

/**
 * What finds a row's plan line again: its project, source, fund or partner, heading and amount,
 * the amount in the line's currency (its agreement's, euros for the untied fund).
 */
export function planLineKey(input: PlanLineRow, currency: string): string {
  return lineKey({
    project_id: input.projectId,
    source: input.source,
    agreement_id: input.source === 'agreement' ? input.agreementId : null,
    partner_name: input.source === 'partner' ? input.partnerName : null,
    heading_code: input.headingCode,
    amount_minor: null,
    amount: normalAmount(input.amount, currency as CurrencyCode),
    currency,
  }).toLowerCase()
}

/** The currency of a new line: its agreement's, euros for the untied fund, else as given. */
export function lineCurrency(
  input: PlanLineRow,
  agreement: { currency: string } | undefined,
): string {
  if (input.source === 'untied_fund') return 'EUR'
  if (input.source === 'agreement' && agreement) return agreement.currency
  return input.currency
}

function lineKey(line: {
  project_id: string
  source: string
  agreement_id: string | null
  partner_name: string | null
  heading_code: string | null
  amount_minor: number | null
  amount?: string
  currency: string
}): string {
  const amount = line.amount ?? amountText(line.amount_minor ?? 0, line.currency)
  return keyOf(
    line.project_id,
    line.source,
    line.agreement_id,
    line.partner_name,
    line.heading_code,
    amount,
    line.currency,
  )
}

/**
 * Writes a sheet of new plan lines as a set: each row goes through FinancingService's rules —
 * `addLine` (an open project, the agreement's currency and eligibility, the plan within the
 * project's cost, the agreement's headings), then `commitLine` when the row has a day (an AIMF
 * source, an approved project, the fund's unallocated money) — checked against what is read
 * once and kept current in memory. Each line is then inserted once in its final state with the
 * change log of both steps, and the allocations posted together.
 *
 * A sheet naming lines the file holds (or one line twice) goes row by row (`apply`). So does
 * one with a row refused, before anything is written: the refusal is then the row path's own.
 */
export async function writePlanLines(
  session: Session,
  rows: PlanLineRow[],
  author: string,
  memo: Memo,
  at: (index: number) => void,
  apply: Register<PlanLineRow>['apply'],
): Promise<ImportOutcome[]> {
  const lines = await knownPlanLines(session, memo)
  return writeAsSet(
    rows.length,
    async () => {
      const plan = await planLines(session, rows, at)
      const keys = plan.found.map((line) => line.key)
      // Lines the file holds, or one line twice: not a sheet of new lines.
      if (new Set(keys).size !== keys.length || keys.some((key) => lines.has(key))) return null
      return plan
    },
    async (plan) => {
      await session.file.write(author, async (writer) => {
        // The ledger's own guards (a closed period, a closed agreement) run before it writes.
        await postEntries(writer, plan.entries)
        await writer.insertReplayed('financing_lines', plan.records)
      })
      for (const line of plan.found) lines.set(line.key, line)
    },
    () => oneByOne(apply, session, rows, author, memo, at),
  )
}

interface LinesPlan {
  records: { id: string; first: RecordValues; steps: RecordValues[] }[]
  entries: LedgerEntryInput[]
  found: PlanLineAsFound[]
}

/** Every row's line and its commitment, checked as the row path checks them; nothing written. */
async function planLines(
  session: Session,
  rows: readonly PlanLineRow[],
  at: (index: number) => void,
): Promise<LinesPlan> {
  const file = await readPlansOf(session, rows)
  const rateOn = ratesOf(session)
  const today = session.financing.today()
  const euroToday = async (amount: ReturnType<typeof money>) => ({
    eur: toEuro(amount, await rateOn(amount.currency, today, 'amount')),
  })
  let untied: number | null = null
  const plan: LinesPlan = { records: [], entries: [], found: [] }
  for (const [index, row] of rows.entries()) {
    at(index)
    // FinancingService.addLine, in its order.
    const project = assertOpenProject(file.projects.get(row.projectId))
    const agreement =
      row.source === 'agreement' && row.agreementId
        ? file.eligibleAgreement(row.agreementId, project)
        : undefined
    const currency = lineCurrency(row, agreement) as CurrencyCode
    const amount = readAmount(row.amount, currency, 'amount')
    const { eur } = await euroToday(amount)
    const planned = file.planned.get(project.id) ?? []
    const added: PlanAmount = { currency, minor: amount.minor, eur: eur.minor }
    const balance = await planBalance(project, [...planned, added], euroToday)
    if (balance.difference < 0 && !balance.balanced) {
      throw fieldFailure('CONFLICT', 'amount', 'errors.planAboveCost', {
        cost: money(balance.cost, balance.comparedIn),
        total: money(balance.total, balance.comparedIn),
      })
    }
    planned.push(added)
    file.planned.set(project.id, planned)
    const id = uuidv7()
    const first: RecordValues = {
      project_id: project.id,
      source: row.source,
      agreement_id: row.source === 'agreement' ? row.agreementId : null,
      heading_code: agreement ? file.headingOf(agreement.id, row.headingCode) : null,
      partner_name: row.source === 'partner' ? row.partnerName : null,
      amount_minor: amount.minor,
      currency,
      eur_minor: eur.minor,
      rate: await rateOn(currency, today, 'amount'),
      committed_on: null,
      note: row.note,
    }
    const steps: RecordValues[] = []
    const committedOn = row.committedOn
    if (committedOn) {
      // FinancingService.commitLine, in its order.
      assertOpenProject(project)
      if (!isAimfSource(row.source as FinancingSource))
        throw new AppFailure('CONFLICT', 'errors.lineNotAimf')
      if (!COMMITTABLE.includes(project.status as ProjectStatus)) {
        throw new AppFailure('CONFLICT', 'errors.projectNotApproved', { code: project.code })
      }
      const rate = await rateOn(currency, committedOn, 'committedOn')
      const valued = toEuro(amount, rate)
      let fundClass: 'tied' | 'untied' = 'untied'
      const lineAgreement = first.agreement_id
        ? file.eligibleAgreement(String(first.agreement_id), project)
        : undefined
      if (row.source === 'agreement' && lineAgreement) {
        const unallocated = file.unallocated.get(lineAgreement.id) ?? 0
        if (amount.minor > unallocated) {
          throw fieldFailure('CONFLICT', 'amount', 'errors.agreementOverAllocated', {
            reference: lineAgreement.reference,
            unallocated: money(Math.max(0, unallocated), amount.currency),
            asked: amount,
          })
        }
        file.unallocated.set(lineAgreement.id, unallocated - amount.minor)
        fundClass = lineAgreement.earmarking === 'untied' ? 'untied' : 'tied'
      } else {
        untied ??= await untiedUnallocated(session.file.db)
        if (valued.minor > untied) {
          throw fieldFailure('CONFLICT', 'amount', 'errors.untiedOverAllocated', {
            unallocated: money(Math.max(0, untied), 'EUR'),
            asked: valued,
          })
        }
      }
      // What the untied fund has left for the lines after this one.
      if (fundClass === 'untied') {
        untied ??= await untiedUnallocated(session.file.db)
        untied -= valued.minor
      }
      plan.entries.push({
        entryDate: committedOn,
        kind: 'allocation',
        fundClass,
        agreementId: first.agreement_id as string | null,
        nature: project.nature as 'operating' | 'investment',
        amount,
        eurMinor: valued.minor,
        rate,
        use: { table: 'financing_lines', id },
        source: { table: 'financing_lines', id },
        headingCode: first.heading_code as string | null,
      })
      steps.push({ committed_on: committedOn, eur_minor: valued.minor, rate })
    }
    plan.records.push({ id, first, steps })
    plan.found.push({ id, committed_on: committedOn, key: planLineKey(row, currency) })
  }
  return plan
}

type Project = Selectable<ProjectsTable>
type Agreement = Selectable<AgreementsTable>

/**
 * What the rows' lines depend on, read once: their projects and the amounts of their plans,
 * their agreements with the projects each names, its headings and its unallocated money.
 */
async function readPlansOf(session: Session, rows: readonly PlanLineRow[]) {
  const db = session.file.db
  const projectIds = [...new Set(rows.map((row) => row.projectId))]
  const agreementIds = [
    ...new Set(
      rows.flatMap((row) =>
        row.source === 'agreement' && row.agreementId ? [row.agreementId] : [],
      ),
    ),
  ]
  const projects = await projectsById(session, projectIds)
  const planned = new Map<string, PlanAmount[]>()
  for (const some of idChunks(projectIds)) {
    for (const line of await db
      .selectFrom('financing_lines')
      .select(['project_id', 'currency', 'amount_minor', 'eur_minor'])
      .where('project_id', 'in', some)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute())
      planned.set(line.project_id, [
        ...(planned.get(line.project_id) ?? []),
        { currency: line.currency as CurrencyCode, minor: line.amount_minor, eur: line.eur_minor },
      ])
  }
  const agreements = new Map<string, Agreement>()
  const named = new Set<string>()
  const headings = new Map<string, string[]>()
  const unallocated = new Map<string, number>()
  for (const some of idChunks(agreementIds)) {
    for (const agreement of await db
      .selectFrom('agreements')
      .selectAll()
      .where('id', 'in', some)
      .execute())
      agreements.set(agreement.id, agreement)
    for (const link of await db
      .selectFrom('agreement_projects')
      .select(['agreement_id', 'project_id'])
      .where('agreement_id', 'in', some)
      .where('deleted_at', 'is', null)
      .execute())
      named.add(`${link.agreement_id}|${link.project_id}`)
    for (const heading of await db
      .selectFrom('agreement_headings')
      .select(['agreement_id', 'code'])
      .where('agreement_id', 'in', some)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute())
      headings.set(heading.agreement_id, [
        ...(headings.get(heading.agreement_id) ?? []),
        heading.code,
      ])
    for (const [id, figures] of await agreementFigures(db, '9999-12-31', some))
      unallocated.set(id, figures.native.unallocated)
  }
  return {
    projects,
    planned,
    unallocated,
    /** The row's agreement, refused as `currencyOf` and `commitLine` refuse it. */
    eligibleAgreement(id: string, project: Project): Agreement {
      const agreement = agreements.get(id)
      if (!agreement) throw fieldFailure('VALIDATION', 'agreementId', 'errors.agreementUnknown')
      if (agreement.deleted_at)
        throw fieldFailure('CONFLICT', 'agreementId', 'errors.agreementArchived')
      assertEligible(agreement, project, named.has(`${agreement.id}|${project.id}`))
      return agreement
    },
    /** The line's heading, as `assertHeadingOf` checks it (not required). */
    headingOf(agreementId: string, code: string | null): string | null {
      const codes = headings.get(agreementId) ?? []
      if (codes.length === 0 || code === null) return null
      if (!codes.includes(code)) {
        throw fieldFailure('VALIDATION', 'headingCode', 'errors.expenseHeadingUnknown', {
          codes: codes.join(', '),
        })
      }
      return code
    },
  }
}
