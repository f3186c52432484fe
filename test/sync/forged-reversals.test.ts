import { randomUUID } from 'node:crypto'
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DataFile } from '../../electron/main/db/data-file'
import { reversalId } from '../../electron/main/funds/reversal-id'
import type { ChangeRow } from '../../electron/main/sync/change-file'
import { randomFrom, type Random } from '../workbook/mutants'
import { type Base, missionShareFile, receive as receiveOn } from './mission-share-file'

/** Forgeries of the mission's reversals drawn. */
const CASES = Number(process.env.REVERSAL_CASES ?? 300)

let base: Base
/** The office's own entries (another copy's, for the mission): its receipts, its salary's. */
let officeEntries: { id: string; reverses_id: string | null }[]

beforeAll(async () => {
  base = await missionShareFile()
  const path = join(base.folder, 'lecture.sqlite')
  await copyFile(base.officePath, path)
  const file = await DataFile.open(path)
  officeEntries = await file.db.selectFrom('ledger_entries').select(['id', 'reverses_id']).execute()
  await file.close()
}, 180_000)
const receive = (changes: readonly ChangeRow[], n: number) => receiveOn(base, changes, n)

const valueOf = (c: ChangeRow) => JSON.parse(c.new_value ?? '{}') as Record<string, unknown>
const isReversal = (c: ChangeRow) =>
  c.table_name === 'ledger_entries' && c.column_name === '*' && valueOf(c).reverses_id != null
const isEntry = (c: ChangeRow) => c.table_name === 'ledger_entries' && c.column_name === '*'

/** The change as another record: its id, and the values given. */
function forged(c: ChangeRow, patch: Record<string, unknown>, rowId = c.row_id): ChangeRow {
  const value = { ...valueOf(c), ...patch }
  if ('id' in value) value.id = rowId
  return { ...c, row_id: rowId, new_value: JSON.stringify(value) }
}

/** A stamp just after another, from the same copy: a change the same action could have written. */
function after(hlc: string, step: number): string {
  const parts = hlc.split('-')
  const replica = parts.pop() ?? ''
  const counter = Number(parts.pop())
  return [...parts, String(counter + step).padStart(4, '0'), replica].join('-')
}

/**
 * One forgery of the reversals of the mission's file (its change of the salary's split
 * reverses the office's two share entries): a wrong or borrowed id, an amount off by a cent,
 * a reversal of an entry that does not exist or of another record's, the same reversal twice
 * (in the action or in another), in another currency or fund, a reversal reversed.
 */
function forge(
  random: Random,
  changes: readonly ChangeRow[],
): { label: string; changes: ChangeRow[] } {
  const copy = changes.map((c) => ({ ...c }))
  const reversals = copy.flatMap((c, i) => (isReversal(c) ? [i] : []))
  const at = random.pick(reversals)
  const reversal = copy[at] as ChangeRow
  const value = valueOf(reversal)
  const cent = random.pick([1, -1])
  const otherEntry = random.pick([
    ...officeEntries.map((e) => e.id),
    ...copy.filter((c) => isEntry(c) && c.row_id !== value.reverses_id).map((c) => c.row_id),
  ])
  const kind = random.below(13)
  const put = (label: string, changed: ChangeRow) => {
    copy[at] = changed
    return { label, changes: copy }
  }
  switch (kind) {
    case 0:
      return put('random id', forged(reversal, {}, randomUUID()))
    case 1:
      return put('id derived from another entry', forged(reversal, {}, reversalId(otherEntry)))
    case 2:
      return put(
        'amount off by a cent',
        forged(reversal, { amount_minor: Number(value.amount_minor) + cent }),
      )
    case 3:
      return put(
        'euros off by a cent',
        forged(reversal, { eur_minor: Number(value.eur_minor) + cent }),
      )
    case 4:
      return put(
        'both off by a cent',
        forged(reversal, {
          amount_minor: Number(value.amount_minor) + cent,
          eur_minor: Number(value.eur_minor) + cent,
        }),
      )
    case 5: {
      const missing = randomUUID()
      return put(
        'reversal of no entry',
        forged(reversal, { reverses_id: missing }, reversalId(missing)),
      )
    }
    case 6:
      return put(
        'reversal of another entry',
        forged(reversal, { reverses_id: otherEntry }, reversalId(otherEntry)),
      )
    case 7: {
      // The same reversal once more in its action (after the file's last stamp): under another
      // id, or under its own (one record, which the merge takes once).
      const last = copy.reduce((a, b) => (a.hlc > b.hlc ? a : b))
      const own = random.below(2) === 0
      copy.push(
        forged({ ...reversal, hlc: after(last.hlc, 1) }, {}, own ? reversal.row_id : randomUUID()),
      )
      return { label: own ? 'written twice' : 'reversed twice in one action', changes: copy }
    }
    case 8: {
      // The reversal again, in an action of its own after the file's last: under another id,
      // or under its own (one record again).
      const last = copy.reduce((a, b) => (a.hlc > b.hlc ? a : b))
      const own = random.below(2) === 0
      copy.push(
        forged(
          { ...reversal, tx_id: randomUUID(), hlc: after(last.hlc, 1) },
          {},
          own ? reversal.row_id : randomUUID(),
        ),
      )
      return {
        label: own ? 'written again' : 'reversed again in another action',
        changes: copy,
      }
    }
    case 9:
      return put(
        'in another currency',
        forged(reversal, { currency: random.pick(['USD', 'XOF', 'GBP']) }),
      )
    case 10:
      return put(
        'on another fund',
        forged(reversal, {
          agreement_id: random.pick([null, base.ids.usdId, base.ids.euId, base.ids.untiedId]),
          fund_class: random.pick(['tied', 'untied']),
        }),
      )
    case 11: {
      // An id as the core gave reversals before they were derived (a UUID v7).
      const id = randomUUID()
      return put(
        'id of the core’s kind',
        forged(reversal, {}, `${id.slice(0, 14)}7${id.slice(15)}`),
      )
    }
    default: {
      // A reversal of a reversal: the money given back taken again.
      const reversed = copy.find((c) => isReversal(c) && c.row_id !== reversal.row_id)
      const target =
        reversed?.row_id ?? officeEntries.find((e) => e.reverses_id !== null)?.id ?? otherEntry
      return put(
        'reversal of a reversal',
        forged(reversal, { reverses_id: target }, reversalId(target)),
      )
    }
  }
}

describe('forged reversals of shared expenses in change files (issue 27)', () => {
  it('the mission’s file as written merges, its reversals under their derived ids', async () => {
    const reversals = base.changes.filter(isReversal)
    expect(reversals.length).toBeGreaterThanOrEqual(2)
    for (const r of reversals) expect(r.row_id).toBe(reversalId(String(valueOf(r).reverses_id)))
    expect(await receive(base.changes, 0)).toEqual({ outcome: 'applied' })
  })

  it(`${CASES} drawn forgeries: set aside naming the file and the record, nothing written, or merged and the office checks`, async () => {
    const random = randomFrom(2717)
    const outcomes: Record<string, { aside: number; applied: number }> = {}
    for (let n = 0; n < CASES; n += 1) {
      const { label, changes } = forge(random, base.changes)
      const result = await receive(changes, 1000 + n)
      const tally = (outcomes[label] ??= { aside: 0, applied: 0 })
      tally[result.outcome] += 1
      if (result.outcome === 'aside') {
        // The refusal names a record of the file: the forged entry, the one it reverses, or
        // the record they come from.
        const named = changes.map((c) => c.row_id).filter((id) => result.message.includes(id))
        expect(named, `${label}: ${result.message}`).not.toEqual([])
      }
    }
    // A wrong id, amount or currency, an entry reversed twice or a reversal reversed never
    // merges.
    for (const label of [
      'random id',
      'id derived from another entry',
      'amount off by a cent',
      'euros off by a cent',
      'both off by a cent',
      'reversed twice in one action',
      'reversed again in another action',
      'in another currency',
      'reversal of a reversal',
    ]) {
      expect(outcomes[label]?.applied ?? 0, `${label}: ${JSON.stringify(outcomes)}`).toBe(0)
    }
    expect(Object.keys(outcomes).length).toBe(15)
  }, 1_800_000)
})
