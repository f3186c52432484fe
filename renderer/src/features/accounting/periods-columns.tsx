import { Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { ClosureView, LateEntry } from '@shared/accounting/schema'
import { dateColumn, euroColumn, textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'

/** The closings made, latest first: what each closed and the digest of its entries. */
export function closureColumns(t: TFunction): ListColumn<ClosureView>[] {
  return [
    dateColumn('through', t('accounting.col.through'), (c) => c.closesThrough, { width: 130 }),
    dateColumn('closedOn', t('accounting.col.closedOn'), (c) => c.closedOn, { width: 130 }),
    textColumn('closedBy', t('accounting.col.closedBy'), (c) => c.closedBy, { width: 160 }),
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
    dateColumn('entryDate', t('accounting.col.entryDate'), (e) => e.entryDate),
    dateColumn('bookedOn', t('accounting.col.bookedOn'), (e) => e.bookedOn),
    textColumn('label', t('accounting.col.label'), (e) => e.label, {
      width: 260,
      groupable: false,
    }),
    euroColumn('amount', t('accounting.col.amount'), (e) => e.eurMinor),
  ]
}
