import { z } from 'zod'
import type { Session } from '../app/session'
import { AppFailure, fieldFailure } from '../failure'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import { allocate } from '@shared/money/split'
import { optionalIsoDate } from '@shared/validation/dates'
import { currencyCode, optionalText } from '@shared/validation/fields'
import { decimalAmount } from '@shared/validation/amounts'
import { trancheInput } from '@shared/projects/schema'
import {
  type ImportOutcome,
  type Register,
  amountText,
  keyedAmounts,
  keyedAmountsText,
  minorOf,
} from '../workbook/register'
import { projectsByCode, PROJECT_COLUMN, withProjectId } from '../workbook/references'
import { knownTranches, writeTranches } from './tranches-import'
import { committedLines, lineLabel, splitOfLines } from './tranche-split'

const trancheRowInput = trancheInput.safeExtend({
  number: z.number({ error: 'validation.required' }).int().min(1).max(999),
  currency: currencyCode,
  conditionMetOn: optionalIsoDate,
  releasedOn: optionalIsoDate,
  paidOn: optionalIsoDate,
  paidAmount: decimalAmount.nullish().transform((value) => value ?? null),
  bankReference: optionalText(100),
  overrideReason: optionalText(2000),
  cancelReason: optionalText(2000),
  /** How a paid tranche was shared among the plan's lines: "UE-ANE-2026 : 15000 ; …". */
  split: keyedAmounts,
})

/**
 * The tranches paid to a city, known by their project and number: each row records how far
 * its tranche went (condition met, released, paid, cancelled), and the import goes as far.
 */
export const tranches: Register<z.output<typeof trancheRowInput>> = {
  key: 'tranches',
  sheet: 'workbook.sheet.tranches',
  columns: [
    PROJECT_COLUMN,
    { field: 'number', heading: 'projects.tranches.number', kind: 'integer', required: true },
    { field: 'plannedOn', heading: 'projects.tranches.plannedOn', kind: 'date', required: true },
    { field: 'currency', heading: 'projects.field.currency', kind: 'currency', required: true },
    { field: 'amount', heading: 'workbook.column.amount', kind: 'amount', required: true },
    { field: 'condition', heading: 'projects.tranches.condition', kind: 'text' },
    { field: 'conditionMetOn', heading: 'projects.tranches.conditionMet', kind: 'date' },
    { field: 'releasedOn', heading: 'workbook.column.releasedOn', kind: 'date' },
    { field: 'paidOn', heading: 'projects.tranches.paidOn', kind: 'date' },
    { field: 'paidAmount', heading: 'projects.tranches.paidAmount', kind: 'amount' },
    { field: 'bankReference', heading: 'projects.tranches.bankReference', kind: 'text' },
    { field: 'overrideReason', heading: 'projects.tranches.overrideReason', kind: 'text' },
    { field: 'cancelReason', heading: 'projects.tranches.cancelReason', kind: 'text' },
    { field: 'split', heading: 'workbook.column.split', kind: 'text' },
  ],
  schema: trancheRowInput,
  refusalColumns: {
    id: 'number',
    'workbook.trancheChanged': 'amount',
    'workbook.trancheBehind': 'paidOn',
    'errors.tranchePaid': 'paidOn',
    'errors.trancheNotPaid': 'paidOn',
    'errors.trancheCancelled': 'cancelReason',
    'errors.trancheStatus': 'releasedOn',
    'errors.projectNotSigned': 'releasedOn',
  },
  order: (a, b) =>
    String(a.project).localeCompare(String(b.project)) || Number(a.number) - Number(b.number),
  identity: (row) => `${String(row.project ?? '')}|${String(row.number ?? '')}`.toLowerCase(),
  toInput: withProjectId,
  rows: async (session) => {
    const splits = await trancheSplits(session)
    return (
      await session.file.db
        .selectFrom('tranches as t')
        .innerJoin('projects as p', 'p.id', 't.project_id')
        .selectAll('t')
        .select(['p.code as project', 'p.currency'])
        .where('t.deleted_at', 'is', null)
        .orderBy('p.code')
        .orderBy('t.number')
        .execute()
    ).map((t) => ({
      project: t.project,
      number: t.number,
      plannedOn: t.planned_on,
      currency: t.currency,
      amount: amountText(t.amount_minor, t.currency),
      condition: t.condition,
      conditionMetOn: t.condition_met_on,
      releasedOn: t.released_on,
      paidOn: t.paid_on,
      paidAmount: t.paid_amount_minor === null ? null : amountText(t.paid_amount_minor, t.currency),
      bankReference: t.bank_reference,
      overrideReason: t.override_reason,
      cancelReason: t.cancel_reason,
      split: keyedAmountsText(splits.get(t.id) ?? []),
    }))
  },
  apply: async (session, input, author, memo) => {
    const project = [...(await projectsByCode(session, memo)).values()].find(
      (p) => p.id === input.projectId,
    )
    if (!project) throw new AppFailure('NOT_FOUND')
    if (input.currency !== project.currency) {
      throw fieldFailure('VALIDATION', 'currency', 'workbook.notProjectCurrency', {
        currency: project.currency,
      })
    }
    const byNumber = await knownTranches(session, memo)
    const key = `${input.projectId}|${input.number}`
    let tranche = byNumber.get(key)
    let outcome: ImportOutcome = 'unchanged'
    if (!tranche) {
      const next = 1 + [...byNumber.values()].filter((t) => t.project_id === project.id).length
      if (input.number !== next) {
        throw fieldFailure('VALIDATION', 'number', 'workbook.trancheNumber', { number: next })
      }
      // As the service writes it: the next number, planned, nothing met or released yet.
      tranche = {
        id: await session.tranches.add(input, author),
        project_id: project.id,
        number: input.number,
        planned_on: input.plannedOn,
        amount_minor: minorOf(input.amount, project.currency),
        condition: input.condition,
        condition_met_on: null,
        status: 'planned',
        released_on: null,
      }
      byNumber.set(key, tranche)
      outcome = 'created'
    } else if (
      tranche.planned_on !== input.plannedOn ||
      tranche.amount_minor !== minorOf(input.amount, project.currency) ||
      (tranche.condition ?? null) !== input.condition
    ) {
      throw new AppFailure('CONFLICT', 'workbook.trancheChanged', {
        code: project.code,
        number: input.number,
      })
    }
    const step = async (done: boolean, write: () => Promise<unknown>) => {
      if (done) return
      await write()
      if (outcome === 'unchanged') outcome = 'updated'
    }
    const found = tranche
    const wanted = input.cancelReason ? 'cancelled' : input.paidOn ? 'paid' : null
    if (
      wanted &&
      found.status !== wanted &&
      found.status !== 'planned' &&
      found.status !== 'released'
    ) {
      throw new AppFailure('CONFLICT', 'workbook.trancheBehind', {
        code: project.code,
        number: input.number,
      })
    }
    if (input.conditionMetOn) {
      await step(found.condition_met_on !== null || found.status === 'paid', () =>
        session.tranches.conditionMet(found.id, input.conditionMetOn ?? '', author),
      )
    }
    if (input.releasedOn) {
      await step(found.status !== 'planned', () =>
        session.tranches.release(found.id, input.releasedOn ?? '', author),
      )
    }
    if (input.paidOn) {
      await step(found.status === 'paid', async () =>
        session.tranches.pay(
          {
            id: found.id,
            paidOn: input.paidOn ?? '',
            amount: input.paidAmount,
            bankReference: input.bankReference,
            overrideReason: input.overrideReason,
            split:
              input.split && input.split.length > 0
                ? splitOfLines(
                    await committedLines(session, found.project_id),
                    input.split,
                    session.language(),
                  )
                : null,
          },
          author,
        ),
      )
    }
    if (input.cancelReason) {
      await step(found.status === 'cancelled', () =>
        session.tranches.cancel(found.id, input.cancelReason ?? '', author),
      )
    }
    return outcome
  },
  // A sheet of new tranches as a set, with the same rules (tranches-import.ts).
  applyAll: (session, rows, author, memo, at) =>
    writeTranches(session, rows, author, memo, at, tranches.apply),
}

/**
 * Each paid tranche's share of every line, in the project's currency, from its disbursements
 * in the ledger: a line in the project's currency exactly; a line in another currency by its
 * share of the euros paid.
 */
async function trancheSplits(
  session: Session,
): Promise<Map<string, { key: string; amount: string }[]>> {
  const parts = await session.file.db
    .selectFrom('ledger_entries as e')
    .innerJoin('tranches as t', 't.id', 'e.source_id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .innerJoin('financing_lines as l', 'l.id', 'e.use_id')
    .leftJoin('agreements as a', 'a.id', 'l.agreement_id')
    .select(['t.id as tranche', 't.paid_amount_minor as paid', 'p.currency as projectCurrency'])
    .select(['l.source', 'l.heading_code', 'a.reference', 'l.currency'])
    .select((eb) => [
      eb.fn.sum<number>('e.amount_minor').as('native'),
      eb.fn.sum<number>('e.eur_minor').as('eur'),
    ])
    .where('e.source_table', '=', 'tranches')
    .where('e.use_table', '=', 'financing_lines')
    .where('e.kind', '=', 'disbursement')
    .where('e.deleted_at', 'is', null)
    .where('t.status', '=', 'paid')
    .groupBy(['t.id', 'l.id'])
    .orderBy('t.id')
    .orderBy('l.created_at')
    .execute()
  const byTranche = new Map<string, typeof parts>()
  for (const part of parts) {
    if (Number(part.native) === 0) continue
    byTranche.set(part.tranche, [...(byTranche.get(part.tranche) ?? []), part])
  }
  const splits = new Map<string, { key: string; amount: string }[]>()
  for (const [tranche, lines] of byTranche) {
    const first = lines[0]
    if (!first) continue
    const currency = first.projectCurrency as CurrencyCode
    const byEur = allocate(
      money(first.paid ?? 0, currency),
      lines.map((l) => Number(l.eur)),
    )
    splits.set(
      tranche,
      lines.map((line, index) => ({
        key: lineLabel(line, session.language()),
        amount: amountText(
          line.currency === currency ? Number(line.native) : (byEur[index]?.minor ?? 0),
          currency,
        ),
      })),
    )
  }
  return splits
}
