import { sql } from 'kysely'
import { z } from 'zod'
import type { DataFile } from '../db/data-file'

/**
 * What a copy had merged of another copy when it made its changes: from its own change `from`
 * on (until the next step of the same copy), it had every change of `replica` up to `upTo`. A
 * change file carries these steps so that the copy merging it lists as concurrent only its own
 * changes the sender had not seen — a field changed on the office, merged on the mission, then
 * changed again there is a sequential edit, not a conflict (conflicts.ts).
 */
export interface SeenStep {
  replica: string
  from: string
  upTo: string
}

/**
 * The most steps a file carries. A step is written only when a merge came between two of the
 * copy's own changes; beyond this bound the later steps are left out, which only claims less
 * (a claim never goes back), so lists more conflicts, never fewer.
 */
export const MAX_SEEN = 10_000

const STAMP = z.string().min(1).max(80)

/** Checked as any part of a file from outside: bounded, nothing but the three stamps. */
export const SEEN_SCHEMA = z
  .array(z.object({ replica: STAMP, from: STAMP, upTo: STAMP }).strict())
  .max(MAX_SEEN)

/**
 * The steps for a run of this copy's own changes (in the order of the change log). What a copy
 * had merged is read from its change log: a change of another copy logged before one of its own
 * had been merged when that one was made. A claim stops below any change of the other copy that
 * arrived later (a file merged out of its order): it says "all of them up to", never more.
 */
export async function seenSteps(
  file: DataFile,
  own: string,
  run: readonly { seq: number; hlc: string }[],
): Promise<SeenStep[]> {
  const first = run[0]
  const last = run.at(-1)
  if (!first || !last) return []
  // Copy by copy through the index by copy and stamp (migration 21): the copies found by
  // skipping from one to the next, then each one's latest stamp logged before the run, walking
  // down from its latest — a few index steps each, where a grouping read the whole log.
  const before = await sql<{ replica_id: string; hlc: string }>`
    WITH RECURSIVE copies(id) AS (
      SELECT min(replica_id) FROM change_log
      UNION ALL
      SELECT (SELECT min(replica_id) FROM change_log WHERE replica_id > copies.id)
      FROM copies WHERE copies.id IS NOT NULL
    )
    SELECT replica_id, hlc FROM (
      SELECT id AS replica_id,
        (SELECT hlc FROM change_log
         WHERE replica_id = copies.id AND seq < ${first.seq} ORDER BY hlc DESC LIMIT 1) AS hlc
      FROM copies WHERE id IS NOT NULL AND id != ${own}
    ) WHERE hlc IS NOT NULL`.execute(file.db)
  const late = await file.db
    .selectFrom('change_log')
    .select(['seq', 'hlc', 'replica_id'])
    .where('seq', '>', first.seq)
    .where('seq', '<', last.seq)
    .where('replica_id', '!=', own)
    .orderBy('seq')
    .execute()
  // Merged after the run: only their lowest stamps matter (what a claim must stay below).
  const after = await sql<{ replica_id: string; hlc: string }>`
    SELECT replica_id, min(hlc) AS hlc FROM change_log
    WHERE seq > ${last.seq} AND replica_id != ${own} GROUP BY replica_id`.execute(file.db)
  const merged = new Map<string, string[]>(before.rows.map((row) => [row.replica_id, [row.hlc]]))
  const maxes = new Map(before.rows.map((row) => [row.replica_id, row.hlc]))
  const caps = lowestStillToCome(late, new Map(after.rows.map((row) => [row.replica_id, row.hlc])))
  const steps: SeenStep[] = []
  const claimed = new Map<string, string>()
  let next = 0
  for (const [index, change] of run.entries()) {
    // The claims change only where a merge came between two of the copy's own changes.
    if (index > 0 && !((late[next]?.seq ?? Infinity) < change.seq)) continue
    for (; next < late.length && (late[next]?.seq ?? Infinity) < change.seq; next += 1) {
      const row = late[next] as (typeof late)[number]
      const stamps = merged.get(row.replica_id)
      if (stamps) stamps.push(row.hlc)
      else merged.set(row.replica_id, [row.hlc])
      if (row.hlc > (maxes.get(row.replica_id) ?? '')) maxes.set(row.replica_id, row.hlc)
    }
    for (const [replica, stamps] of merged) {
      const cap = caps[next]?.get(replica)
      const below = (hlc: string) => cap === undefined || hlc < cap
      const latest = maxes.get(replica) ?? ''
      // Most often every change merged is below those to come: one pass, no second.
      const upTo = below(latest)
        ? latest
        : stamps.reduce((max, hlc) => (hlc > max && below(hlc) ? hlc : max), '')
      if (upTo === '' || claimed.get(replica) === upTo) continue
      claimed.set(replica, upTo)
      if (steps.length < MAX_SEEN) steps.push({ replica, from: change.hlc, upTo })
    }
  }
  return steps
}

/** For each position in `late`, the lowest stamp of each copy among the changes from there on. */
function lowestStillToCome(
  late: readonly { hlc: string; replica_id: string }[],
  afterwards: Map<string, string>,
) {
  const caps = new Array<Map<string, string>>(late.length + 1)
  let lowest = afterwards
  caps[late.length] = lowest
  for (let i = late.length - 1; i >= 0; i -= 1) {
    const row = late[i] as (typeof late)[number]
    const low = lowest.get(row.replica_id)
    if (low === undefined || row.hlc < low) lowest = new Map(lowest).set(row.replica_id, row.hlc)
    caps[i] = lowest
  }
  return caps
}

/** Reads a file's steps: what its copy had merged of `replica` when it made the change `hlc`. */
export function seenBy(steps: readonly SeenStep[] | undefined) {
  const byReplica = new Map<string, SeenStep[]>()
  for (const step of steps ?? []) {
    const list = byReplica.get(step.replica)
    if (list) list.push(step)
    else byReplica.set(step.replica, [step])
  }
  for (const list of byReplica.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1))
  return {
    /** The latest change of `replica` the sender had, when it made `hlc`; undefined: unknown. */
    upTo(replica: string, hlc: string): string | undefined {
      const list = byReplica.get(replica) ?? []
      // The last step from `hlc` or before, by halves: a file may carry thousands.
      let [low, high] = [0, list.length]
      while (low < high) {
        const middle = (low + high) >> 1
        if ((list[middle] as SeenStep).from <= hlc) low = middle + 1
        else high = middle
      }
      return list[low - 1]?.upTo
    },
    /**
     * For each copy the file makes claims of, the lowest claim that bears on a change stamped
     * `hlc` or later (the step in force at `hlc` and every later one): below it, no change of
     * that copy here can be concurrent with the file's from `hlc` on. A change made before the
     * copy's first step has no claim (`upTo` is undefined: the merge falls back on what this copy
     * last heard of the sender).
     */
    lowestFrom(hlc: string): Map<string, string> {
      const lowest = new Map<string, string>()
      for (const [replica, list] of byReplica) {
        let start = 0
        for (let i = 0; i < list.length && (list[i] as SeenStep).from <= hlc; i += 1) start = i
        let min: string | undefined
        for (let i = start; i < list.length; i += 1) {
          const upTo = (list[i] as SeenStep).upTo
          if (min === undefined || upTo < min) min = upTo
        }
        if (min !== undefined) lowest.set(replica, min)
      }
      return lowest
    },
  }
}

export type Seen = ReturnType<typeof seenBy>
