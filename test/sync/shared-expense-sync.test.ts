import { beforeAll, describe, expect, it } from 'vitest'
import type { ChangeRow } from '../../electron/main/sync/change-file'
import { randomFrom, type Random } from '../workbook/mutants'
import { type Base, missionShareFile, receive as receiveOn } from './mission-share-file'

/** Mutations of the mission's change file drawn. */
const CASES = Number(process.env.SHARE_CASES ?? 300)

let base: Base
beforeAll(async () => {
  base = await missionShareFile()
}, 180_000)
const receive = (changes: readonly ChangeRow[], n: number) => receiveOn(base, changes, n)

const isShare = (c: ChangeRow) => c.table_name === 'expense_shares' && c.column_name === '*'
const valueOf = (c: ChangeRow) => JSON.parse(c.new_value ?? '{}') as Record<string, unknown>
function withValue(c: ChangeRow, patch: Record<string, unknown>): ChangeRow {
  return { ...c, new_value: JSON.stringify({ ...valueOf(c), ...patch }) }
}

/** One change of the shares' rows of the file, as a hostile or broken copy would write it. */
function mutate(random: Random, changes: readonly ChangeRow[]): ChangeRow[] {
  const copy = changes.map((c) => ({ ...c }))
  const shares = copy.flatMap((c, i) => (isShare(c) ? [i] : []))
  const at = random.pick(shares)
  const share = copy[at] as ChangeRow
  const { euId, usdId, archivedId } = base.ids
  const kind = random.below(9)
  switch (kind) {
    case 0:
      copy[at] = withValue(share, { heading_code: random.pick(['9', 'X', '', '1 ', '8']) })
      break
    case 1:
      copy[at] = withValue(share, {
        agreement_id: random.pick([archivedId, '0190aaaa-0000-7000-8000-000000000000']),
      })
      break
    case 2:
      copy[at] = withValue(share, {
        amount_minor: Number(valueOf(share).amount_minor) + random.pick([1, -1, 100, 7]),
      })
      break
    case 3:
      copy[at] = withValue(share, {
        eur_minor: Number(valueOf(share).eur_minor) + random.pick([1, -1, 50]),
      })
      break
    case 4:
      copy[at] = withValue(share, { percent_bp: random.pick([1, 4999, 5001, 9999, 10_000]) })
      break
    case 5:
      // A share and its entry left out: the others no longer make the expense.
      return copy.filter(
        (c, i) =>
          i !== at && !(c.table_name === 'ledger_entries' && valueOf(c).use_id === share.row_id),
      )
    case 6:
      copy[at] = withValue(share, {
        agreement_id: valueOf(share).agreement_id == null ? euId : null,
        heading_code: valueOf(share).agreement_id == null ? '1' : null,
      })
      break
    case 7:
      copy[at] = withValue(share, { agreement_id: usdId, heading_code: random.pick([null, '1']) })
      break
    default:
      // A share archived without its entry reversed, or an old share's archive left out.
      return copy.filter(
        (c) =>
          !(
            c.table_name === 'ledger_entries' &&
            valueOf(c).reverses_id != null &&
            valueOf(c).use_id ===
              random.pick(
                copy.filter((x) => x.table_name === 'expense_shares').map((x) => x.row_id),
              )
          ),
      )
  }
  return copy
}

describe('shares in change files (issue 27)', () => {
  it('the mission’s change of a split and its new shared expense merge, and the office checks', async () => {
    expect(base.changes.filter(isShare)).toHaveLength(4)
    expect(
      base.changes.filter((c) => c.table_name === 'expense_shares' && c.op === 'delete'),
    ).toHaveLength(2)
    expect(await receive(base.changes, 0)).toEqual({ outcome: 'applied' })
  })

  it('a share on an unknown or archived agreement, on a heading its fund does not have, or shares not making their expense: set aside with the share named', async () => {
    const first = base.changes.findIndex((c) => isShare(c) && valueOf(c).agreement_id != null)
    const untied = base.changes.findIndex((c) => isShare(c) && valueOf(c).agreement_id == null)
    const cases: [string, (c: ChangeRow[]) => void, RegExp][] = [
      [
        'unknown heading',
        (c) => (c[first] = withValue(c[first] as ChangeRow, { heading_code: '9' })),
        /rubrique « 9 »/,
      ],
      [
        'heading on the untied fund',
        (c) => (c[untied] = withValue(c[untied] as ChangeRow, { heading_code: '1' })),
        /rubrique « 1 »/,
      ],
      [
        'archived agreement',
        (c) => (c[first] = withValue(c[first] as ChangeRow, { agreement_id: base.ids.archivedId })),
        /ANCIENNE-2026, archivée/,
      ],
      [
        'one cent more',
        (c) =>
          (c[first] = withValue(c[first] as ChangeRow, {
            amount_minor: Number(valueOf(c[first] as ChangeRow).amount_minor) + 1,
          })),
        /ne font pas la dépense/,
      ],
      [
        'one euro cent more',
        (c) =>
          (c[untied] = withValue(c[untied] as ChangeRow, {
            eur_minor: Number(valueOf(c[untied] as ChangeRow).eur_minor) + 1,
          })),
        /./,
      ],
    ]
    for (const [n, [label, change, message]] of cases.entries()) {
      const changes = base.changes.map((c) => ({ ...c }))
      change(changes)
      const result = await receive(changes, 100 + n)
      expect(result.outcome, label).toBe('aside')
      if (result.outcome === 'aside') expect(result.message, label).toMatch(message)
    }
  }, 300_000)

  it(`${CASES} drawn mutations of the shares: set aside with a message, or merged and the office checks`, async () => {
    const random = randomFrom(2027)
    const outcomes = { aside: 0, applied: 0 }
    for (let n = 0; n < CASES; n += 1) {
      const result = await receive(mutate(random, base.changes), 1000 + n)
      outcomes[result.outcome] += 1
    }
    expect(outcomes.aside).toBeGreaterThan(CASES / 2)
  }, 900_000)
})
