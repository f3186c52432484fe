import { Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ClosureView, LateEntry } from '@shared/accounting/schema'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'

/** The closings made, latest first: what each closed and the digest of its entries. */
export function closureColumns(t: TFunction): ListColumn<ClosureView>[] {
  return [
    {
      id: 'through',
      kind: 'date',
      header: t('accounting.col.through'),
      value: (c) => c.closesThrough,
      width: 130,
    },
    {
      id: 'closedOn',
      kind: 'date',
      header: t('accounting.col.closedOn'),
      value: (c) => c.closedOn,
      width: 130,
    },
    {
      id: 'closedBy',
      kind: 'text',
      header: t('accounting.col.closedBy'),
      value: (c) => c.closedBy,
      width: 160,
    },
    {
      id: 'entries',
      kind: 'number',
      header: t('accounting.col.entries'),
      value: (c) => c.entries,
    },
    {
      id: 'digest',
      kind: 'text',
      header: t('accounting.col.digest'),
      value: (c) => c.digest,
      groupable: false,
      priority: 6,
      cell: (c) => (
        <Text size="xs" ff="monospace" title={c.digest}>
          {c.digest.slice(0, 16)}
        </Text>
      ),
    },
  ]
}

/** The entries that came from another copy after a closing, their amounts in euros. */
export function lateEntryColumns(t: TFunction): ListColumn<LateEntry>[] {
  return [
    {
      id: 'entryDate',
      kind: 'date',
      header: t('accounting.col.entryDate'),
      value: (e) => e.entryDate,
    },
    {
      id: 'bookedOn',
      kind: 'date',
      header: t('accounting.col.bookedOn'),
      value: (e) => e.bookedOn,
    },
    {
      id: 'label',
      kind: 'text',
      header: t('accounting.col.label'),
      value: (e) => e.label,
      width: 260,
      groupable: false,
    },
    {
      id: 'amount',
      kind: 'money',
      header: t('accounting.col.amount'),
      amount: (e) => money(e.eurMinor, 'EUR'),
    },
  ]
}
