import { Badge } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { DuesCall } from '@shared/dues/schema'
import { money } from '@shared/money/money'
import { dateColumn, moneyColumn, textColumn } from '../../components/list/column-factory'
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
    textColumn('number', t('dues.calls.number'), (c) => c.number, { width: 130, groupable: false }),
    textColumn('member', t('dues.calls.member'), (c) => c.memberName, { width: 200 }),
    dateColumn('dueOn', t('dues.calls.dueOn'), (c) => c.dueOn, { priority: 8 }),
    moneyColumn('amount', t('dues.calls.amount'), (c) => money(c.amount, c.currency), {
      width: 130,
    }),
    moneyColumn('paid', t('dues.calls.paid'), (c) => money(c.paid, c.currency), { width: 130 }),
    moneyColumn(
      'outstanding',
      t('dues.calls.outstanding'),
      (c) => money(c.outstanding, c.currency),
      { width: 130 },
    ),
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
    textColumn('basis', t('dues.calls.basis'), (c) => c.cancelReason ?? c.basis, {
      width: 240,
      optional: true,
      groupable: false,
    }),
  ]
}
