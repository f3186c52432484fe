import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ChangeRow } from '../../electron/main/sync/change-file'
import { type Base, missionShareFile, receive as receiveOn } from './mission-share-file'

let base: Base

/** The mission moves the office's shared salary (60/40) to the untied fund alone. */
beforeAll(async () => {
  base = await missionShareFile(async (mission, _world, salaryId) => {
    await mission.ok('budget.changeExpenseFunds', {
      id: salaryId,
      agreementId: null,
      reason: 'Pris en charge sur fonds propres',
      confirmed: true,
    })
  })
}, 180_000)
const receive = (changes: readonly ChangeRow[], n: number) => receiveOn(base, changes, n)

const valueOf = (c: ChangeRow) => JSON.parse(c.new_value ?? '{}') as Record<string, unknown>
const isEntry = (c: ChangeRow) => c.table_name === 'ledger_entries' && c.column_name === '*'
const isReversal = (c: ChangeRow) => isEntry(c) && valueOf(c).reverses_id != null
const isNewEntry = (c: ChangeRow) => isEntry(c) && valueOf(c).reverses_id == null
const isArchive = (c: ChangeRow) =>
  c.table_name === 'expense_shares' && c.column_name === 'deleted_at'

function patched(c: ChangeRow, patch: Record<string, unknown>, rowId = c.row_id): ChangeRow {
  const value = { ...valueOf(c), ...patch }
  if ('id' in value) value.id = rowId
  return { ...c, row_id: rowId, new_value: JSON.stringify(value) }
}

/** A stamp after the file's last, from the same copy: a change its last action could write. */
function later(): string {
  const last = base.changes.reduce((a, b) => (a.hlc > b.hlc ? a : b)).hlc.split('-')
  const replica = last.pop() ?? ''
  const counter = Number(last.pop()) + 1
  return [...last, String(counter).padStart(4, '0'), replica].join('-')
}

/** The file with its first change matching `which` replaced (or left out: null). */
function replaced(which: (c: ChangeRow) => boolean, by: (c: ChangeRow) => ChangeRow | null) {
  const at = base.changes.findIndex(which)
  expect(at).toBeGreaterThanOrEqual(0)
  const changed = by(base.changes[at] as ChangeRow)
  return base.changes.flatMap((c, i) => (i !== at ? [c] : changed ? [changed] : []))
}

describe('the move of a shared expense to the untied fund alone, forged (issue 27)', () => {
  it('as written it merges: the shares archived, their entries reversed, one untied entry', async () => {
    expect(base.changes.filter(isArchive)).toHaveLength(2)
    expect(base.changes.filter(isReversal)).toHaveLength(2)
    // An insert leaves out what is empty: no fund of an agreement, no share.
    const posted = base.changes.filter(isNewEntry).map(valueOf)
    expect(posted).toHaveLength(1)
    expect(posted.map((e) => [e.agreement_id ?? null, e.fund_class, e.use_table ?? null])).toEqual([
      [null, 'untied', null],
    ])
    expect(base.changes.some((c) => c.table_name === 'budget_expenses')).toBe(false)
    expect(await receive(base.changes, 0)).toEqual({ outcome: 'applied' })
  })

  const untied = (c: ChangeRow) => isNewEntry(c)
  /** Each forgery, and the refusal that sets it aside. */
  const forgeries: [string, string, () => ChangeRow[]][] = [
    ['a share left standing', 'sync.refused.ledgerAlone', () => replaced(isArchive, () => null)],
    [
      'a share’s entry left unreversed',
      'sync.refused.ledgerNotReversed',
      () => replaced(isReversal, () => null),
    ],
    [
      'the untied entry a cent more',
      'sync.refused.ledgerSum',
      () =>
        replaced(untied, (c) =>
          patched(c, {
            amount_minor: Number(valueOf(c).amount_minor) + 1,
            eur_minor: Number(valueOf(c).eur_minor) + 1,
          }),
        ),
    ],
    [
      'the untied entry on the EU action',
      'sync.refused.ledgerMismatch',
      () =>
        replaced(untied, (c) => patched(c, { agreement_id: base.ids.euId, fund_class: 'tied' })),
    ],
    [
      'the untied entry posted twice',
      'sync.refused.ledgerSum',
      () => [
        ...base.changes,
        ...base.changes
          .filter(untied)
          .map((c) => patched({ ...c, hlc: later() }, {}, randomUUID())),
      ],
    ],
    [
      'neither share archived',
      'sync.refused.ledgerAlone',
      () => base.changes.filter((c) => !isArchive(c)),
    ],
  ]
  for (const [n, [label, key, forge]] of forgeries.entries()) {
    it(`${label}: set aside (${key}), nothing written`, async () => {
      const result = await receive(forge(), n + 1)
      expect(result.outcome === 'aside' ? result.detail : result).toMatchObject({ key })
    })
  }
})
