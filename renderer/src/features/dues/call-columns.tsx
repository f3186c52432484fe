import { Badge } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { DuesCall } from '@shared/dues/schema'
import { money } from '@shared/money/money'
import type { ListColumn } from '../../components/list/list-columns'

export const CALL_STATUS_COLORS = {
  open: 'orange',
  partly_paid: 'yellow',
  paid: 'green',
  cancelled: 'gray',
}

/** The columns of the calls register: called, paid and owed as the core reckons them. */
/** Narrower amounts than the default, so that the member stays beside them with the row's buttons at 1280 px. */
export function callColumns(t: TFunction): ListColumn<DuesCall>[] {
  return [
    {
      id: 'number',
      kind: 'text',
      value: (c) => c.number,
      header: t('dues.calls.number'),
      width: 130,
      groupable: false,
    },
    {
      id: 'member',
      kind: 'text',
      value: (c) => c.memberName,
      header: t('dues.calls.member'),
      width: 200,
    },
    {
      id: 'dueOn',
      kind: 'date',
      value: (c) => c.dueOn,
      header: t('dues.calls.dueOn'),
      priority: 8,
    },
    {
      id: 'amount',
      kind: 'money',
      amount: (c) => money(c.amount, c.currency),
      header: t('dues.calls.amount'),
      width: 130,
    },
    {
      id: 'paid',
      kind: 'money',
      amount: (c) => money(c.paid, c.currency),
      header: t('dues.calls.paid'),
      width: 130,
    },
    {
      id: 'outstanding',
      kind: 'money',
      amount: (c) => money(c.outstanding, c.currency),
      header: t('dues.calls.outstanding'),
      width: 130,
    },
    {
      id: 'status',
      kind: 'text',
      value: (c) => t(`dues.calls.status_${c.status}`),
      header: t('dues.calls.status'),
      width: 130,
      priority: 6,
      cell: (c) => (
        <Badge size="sm" variant="light" color={CALL_STATUS_COLORS[c.status]}>
          {t(`dues.calls.status_${c.status}`)}
        </Badge>
      ),
    },
    {
      id: 'basis',
      kind: 'text',
      value: (c) => c.cancelReason ?? c.basis,
      header: t('dues.calls.basis'),
      width: 240,
      optional: true,
      groupable: false,
    },
  ]
}
