import { sql } from 'kysely'
import type { DataFile } from '../db/data-file'
import { jsonObject, jsonRows } from '../db/json-rows'
import type {
  ArrearsByAge,
  CallStatus,
  DuesCall,
  DuesPayment,
  DuesSettings,
  DuesSummary,
  DuesMethod,
} from '@shared/dues/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import { allocate } from '@shared/money/split'

/** The one row of dues settings, the same id in every copy of a file (like the organisation). */
export const DUES_SETTINGS_ID = '00000000-0000-7000-8000-0000000d0e50'

interface CallRow {
  id: string
  number: string
  member_id: string
  member_name: string
  year: number
  called_on: string
  due_on: string
  amount_minor: number
  currency: string
  eur_minor: number
  basis: string
  cancelled_on: string | null
  cancel_reason: string | null
  paid: number
}

/**
 * Calls with what was paid on each (the sum of the settlements of payments not cancelled), for
 * a year, a member, or the whole file.
 */
export async function duesCalls(
  db: DataFile['db'],
  filter: {
    year?: number
    memberId?: string
    /** Those of many members at once (as one JSON list: a thousand would pass SQLite's limit). */
    memberIds?: readonly string[]
    ids?: readonly string[]
  } = {},
): Promise<DuesCall[]> {
  if (filter.ids && filter.ids.length === 0) return []
  if (filter.memberIds && filter.memberIds.length === 0) return []
  const rows = await jsonRows<CallRow>(
    db,
    sql`
    SELECT ${jsonObject({
      id: 'c.id',
      number: 'c.number',
      member_id: 'c.member_id',
      member_name: 'm.name',
      year: 'c.year',
      called_on: 'c.called_on',
      due_on: 'c.due_on',
      amount_minor: 'c.amount_minor',
      currency: 'c.currency',
      eur_minor: 'c.eur_minor',
      basis: 'c.basis',
      cancelled_on: 'c.cancelled_on',
      cancel_reason: 'c.cancel_reason',
      paid: `COALESCE((SELECT SUM(s.call_amount_minor) FROM dues_settlements s
        WHERE s.call_id = c.id AND s.deleted_at IS NULL), 0)`,
    })} AS row
    FROM dues_calls c JOIN members m ON m.id = c.member_id
    WHERE c.deleted_at IS NULL
      ${filter.year === undefined ? sql`` : sql`AND c.year = ${filter.year}`}
      ${filter.memberId ? sql`AND c.member_id = ${filter.memberId}` : sql``}
      ${
        filter.memberIds
          ? sql`AND c.member_id IN (SELECT value FROM json_each(${JSON.stringify(filter.memberIds)}))`
          : sql``
      }
      ${filter.ids ? sql`AND c.id IN (${sql.join(filter.ids)})` : sql``}
    ORDER BY c.year, c.called_on, c.number`,
  )
  return rows.map(toCall)
}

function toCall(row: CallRow): DuesCall {
  const paid = Number(row.paid)
  const cancelled = row.cancelled_on !== null
  const outstanding = cancelled ? 0 : Math.max(0, row.amount_minor - paid)
  const status: CallStatus = cancelled
    ? 'cancelled'
    : outstanding === 0
      ? 'paid'
      : paid > 0
        ? 'partly_paid'
        : 'open'
  // What is owed, in euros, in proportion to the call's euro value: no rate is needed again.
  const [outstandingEur] = allocate(money(row.eur_minor, 'EUR'), [
    outstanding,
    row.amount_minor - outstanding,
  ])
  return {
    id: row.id,
    number: row.number,
    memberId: row.member_id,
    memberName: row.member_name,
    year: row.year,
    calledOn: row.called_on,
    dueOn: row.due_on,
    amount: row.amount_minor,
    currency: row.currency as CurrencyCode,
    eurAmount: row.eur_minor,
    paid,
    outstanding,
    outstandingEur: outstandingEur?.minor ?? 0,
    basis: row.basis,
    status,
    cancelledOn: row.cancelled_on,
    cancelReason: row.cancel_reason,
  }
}

/** Payments (dues and voluntary contributions) with their settlements and the credit left. */
export async function duesPayments(
  db: DataFile['db'],
  filter: { memberId?: string; ids?: readonly string[]; from?: string; to?: string } = {},
): Promise<DuesPayment[]> {
  if (filter.ids?.length === 0) return []
  // The payments asked for, as a subquery: the settlements are read for the same payments
  // without a list of thousands of ids.
  const chosen = db
    .selectFrom('dues_payments as p')
    .select('p.id')
    .where('p.deleted_at', 'is', null)
    .$if(filter.memberId !== undefined, (q) => q.where('p.member_id', '=', filter.memberId ?? ''))
    .$if(filter.ids !== undefined, (q) => q.where('p.id', 'in', filter.ids ?? []))
    .$if(filter.from !== undefined, (q) => q.where('p.received_on', '>=', filter.from ?? ''))
    .$if(filter.to !== undefined, (q) => q.where('p.received_on', '<=', filter.to ?? ''))
  const payments = await db
    .selectFrom('dues_payments as p')
    .innerJoin('members as m', 'm.id', 'p.member_id')
    .selectAll('p')
    .select('m.name as member_name')
    .where('p.id', 'in', chosen)
    .orderBy('p.received_on')
    .orderBy('p.created_at')
    .execute()
  const settlements = await db
    .selectFrom('dues_settlements as s')
    .innerJoin('dues_calls as c', 'c.id', 's.call_id')
    .select([
      's.payment_id',
      's.call_id',
      'c.number',
      'c.year',
      'c.currency',
      's.call_amount_minor',
      's.payment_amount_minor',
    ])
    .where('s.deleted_at', 'is', null)
    .where('s.payment_id', 'in', chosen)
    .execute()
  const settlementsOf = new Map<string, typeof settlements>()
  for (const settlement of settlements) {
    const own = settlementsOf.get(settlement.payment_id)
    if (own) own.push(settlement)
    else settlementsOf.set(settlement.payment_id, [settlement])
  }
  return payments.map((p) => {
    const own = settlementsOf.get(p.id) ?? []
    const settled = own.reduce((sum, s) => sum + s.payment_amount_minor, 0)
    return {
      id: p.id,
      memberId: p.member_id,
      memberName: p.member_name,
      kind: p.kind,
      receivedOn: p.received_on,
      payer: p.payer,
      amount: p.amount_minor,
      currency: p.currency as CurrencyCode,
      eurAmount: p.eur_minor,
      rate: p.rate,
      method: p.method as DuesMethod,
      bankReference: p.bank_reference,
      note: p.note,
      settled,
      credit: p.kind === 'dues' ? p.amount_minor - settled : 0,
      settlements: own.map((s) => ({
        callId: s.call_id,
        callNumber: s.number,
        year: s.year,
        amount: s.call_amount_minor,
        currency: s.currency as CurrencyCode,
      })),
    }
  })
}

/** Arrears by age on `today`: calls past due and not paid, by how old their year is. */
export function arrearsByAge(calls: readonly DuesCall[], today: string): ArrearsByAge {
  const thisYear = Number(today.slice(0, 4))
  const ages: ArrearsByAge = { current: 0, oneYear: 0, twoYears: 0, threeYearsOrMore: 0, total: 0 }
  for (const call of calls) {
    if (call.outstanding === 0 || call.dueOn >= today) continue
    const age = thisYear - call.year
    const bucket =
      age <= 0 ? 'current' : age === 1 ? 'oneYear' : age === 2 ? 'twoYears' : 'threeYearsOrMore'
    ages[bucket] += call.outstandingEur
    ages.total += call.outstandingEur
  }
  return ages
}

/** Each member's credit in euro cents: what its dues payments left after settling calls. */
export async function creditsEur(
  db: DataFile['db'],
  memberId?: string,
): Promise<Map<string, number>> {
  const rows = await sql<{ member_id: string; amount: number; eur: number; settled: number }>`
    SELECT p.member_id, p.amount_minor AS amount, p.eur_minor AS eur,
      COALESCE((SELECT SUM(s.payment_amount_minor) FROM dues_settlements s
        WHERE s.payment_id = p.id AND s.deleted_at IS NULL), 0) AS settled
    FROM dues_payments p
    WHERE p.deleted_at IS NULL AND p.kind = 'dues'
      ${memberId ? sql`AND p.member_id = ${memberId}` : sql``}`.execute(db)
  const credits = new Map<string, number>()
  for (const row of rows.rows) {
    const left = Number(row.amount) - Number(row.settled)
    if (left <= 0) continue
    const [eur] = allocate(money(Number(row.eur), 'EUR'), [left, Number(row.settled)])
    credits.set(row.member_id, (credits.get(row.member_id) ?? 0) + (eur?.minor ?? 0))
  }
  return credits
}

export async function duesSettings(db: DataFile['db']): Promise<DuesSettings> {
  const row = await db
    .selectFrom('dues_settings')
    .select(['arrears_tolerance_eur_minor', 'payment_days'])
    .where('id', '=', DUES_SETTINGS_ID)
    .executeTakeFirst()
  return {
    arrearsToleranceEur: row?.arrears_tolerance_eur_minor ?? 0,
    paymentDays: row?.payment_days ?? 90,
  }
}

/** Whether a member is up to date with its dues on a day (see {@link duesStanding}). */
export type DuesStanding =
  | { kind: 'no_data' }
  | { kind: 'up_to_date' }
  | { kind: 'in_arrears'; arrearsEur: number; toleranceEur: number }

/**
 * Whether a member is up to date with its dues, as the projects' approval reads it: its arrears
 * past due, less its credit, against the tolerance of the settings. No call at all in the file
 * means there is no dues data to judge by.
 */
export async function duesStanding(
  db: DataFile['db'],
  memberId: string,
  today: string,
): Promise<DuesStanding> {
  return (await duesStandings(db, memberId))(memberId, today)
}

/**
 * The dues standing of every member (or of `memberId` alone), read once and told for any member
 * and day: an import approving hundreds of projects reads the calls, credits and settings once,
 * not four statements a project. Valid while no dues are written.
 */
export async function duesStandings(
  db: DataFile['db'],
  memberId?: string,
): Promise<(memberId: string, today: string) => DuesStanding> {
  const any = await db.selectFrom('dues_calls').select('id').limit(1).executeTakeFirst()
  if (!any) return () => ({ kind: 'no_data' })
  const callsOf = new Map<string, DuesCall[]>()
  for (const call of await duesCalls(db, memberId ? { memberId } : {})) {
    const ofMember = callsOf.get(call.memberId) ?? []
    ofMember.push(call)
    callsOf.set(call.memberId, ofMember)
  }
  const credits = await creditsEur(db, memberId)
  const { arrearsToleranceEur } = await duesSettings(db)
  return (member, today) => {
    const arrears = arrearsByAge(callsOf.get(member) ?? [], today).total
    const net = arrears - (credits.get(member) ?? 0)
    return net > arrearsToleranceEur
      ? { kind: 'in_arrears', arrearsEur: net, toleranceEur: arrearsToleranceEur }
      : { kind: 'up_to_date' }
  }
}

/** The collection dashboard for a year, with the nine years before it. */
export async function duesSummary(
  db: DataFile['db'],
  year: number,
  today: string,
): Promise<DuesSummary> {
  const calls = await duesCalls(db)
  const live = calls.filter((c) => c.status !== 'cancelled')
  const byYear = Array.from({ length: 10 }, (_, i) => year - 9 + i).map((y) => {
    const ofYear = live.filter((c) => c.year === y)
    const calledEur = ofYear.reduce((sum, c) => sum + c.eurAmount, 0)
    const collectedEur = ofYear.reduce((sum, c) => sum + c.eurAmount - c.outstandingEur, 0)
    return {
      year: y,
      calledEur,
      collectedEur,
      rate: calledEur === 0 ? null : Math.round((collectedEur / calledEur) * 10_000) / 10_000,
    }
  })
  const current = byYear.at(-1) ?? { calledEur: 0, collectedEur: 0, rate: null }
  const credits = await creditsEur(db)
  const members = await db
    .selectFrom('members')
    .select(['id', 'name', 'country', 'status'])
    .where('deleted_at', 'is', null)
    .execute()
  const callsOf = new Map<string, DuesCall[]>()
  for (const call of live) callsOf.set(call.memberId, [...(callsOf.get(call.memberId) ?? []), call])
  const perMember = members.map((m) => {
    const arrears = arrearsByAge(callsOf.get(m.id) ?? [], today).total
    return { member: m, arrearsEur: Math.max(0, arrears - (credits.get(m.id) ?? 0)) }
  })
  const called = new Set(live.map((c) => c.memberId))
  const voluntary = await sql<{ eur: number | null }>`
    SELECT SUM(eur_minor) AS eur FROM dues_payments
    WHERE deleted_at IS NULL AND kind = 'voluntary'
      AND received_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`.execute(db)
  return {
    year,
    calledEur: current.calledEur,
    collectedEur: current.collectedEur,
    rate: current.rate,
    voluntaryEur: Number(voluntary.rows[0]?.eur ?? 0),
    byYear,
    arrears: arrearsByAge(live, today),
    largest: perMember
      .filter((m) => m.arrearsEur > 0)
      .sort((a, b) => b.arrearsEur - a.arrearsEur)
      .slice(0, 10)
      .map((m) => ({
        memberId: m.member.id,
        memberName: m.member.name,
        country: m.member.country,
        arrearsEur: m.arrearsEur,
      })),
    membersUpToDate: perMember.filter((m) => called.has(m.member.id) && m.arrearsEur === 0).length,
    membersInArrears: perMember.filter((m) => m.arrearsEur > 0).length,
  }
}
