import { Badge, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallPreviewRow } from '@shared/dues/schema'
import { money } from '@shared/money/money'
import { textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useAppStore } from '../../app/app-store'

const OUTCOME_COLORS = { to_call: 'blue', already_called: 'gray', excluded: 'orange' }

function previewColumns(t: TFunction): ListColumn<CallPreviewRow>[] {
  return [
    textColumn('member', t('dues.calls.member'), (r) => r.memberName, {
      width: 220,
      groupable: false,
    }),
    textColumn('code', t('dues.calls.memberCode'), (r) => r.memberCode, {
      width: 110,
      groupable: false,
      priority: 8,
    }),
    {
      id: 'outcome',
      kind: 'text',
      header: t('dues.calls.outcome'),
      value: (r) => t(`dues.calls.outcome_${r.outcome}`),
      width: 140,
      cell: (r) => (
        <Badge size="sm" variant="light" color={OUTCOME_COLORS[r.outcome]}>
          {t(`dues.calls.outcome_${r.outcome}`)}
        </Badge>
      ),
    },
    {
      id: 'amount',
      kind: 'money',
      header: t('dues.calls.amount'),
      amount: (r) =>
        r.amount !== null && r.currency !== null ? money(r.amount, r.currency) : null,
    },
    textColumn('basis', t('dues.calls.basis'), (r) => r.basis, {
      width: 280,
      groupable: false,
      priority: 6,
    }),
  ]
}

/**
 * What a call run would do, member by member, before anything is created: searched, grouped by
 * outcome with the amounts to call subtotalled, exported or printed to be checked on paper.
 */
export function CallPreviewList({ year, preview }: { year: number; preview: CallPreviewRow[] }) {
  const { t } = useTranslation()
  const openMember = useAppStore((s) => s.openMember)
  const columns = useMemo(() => previewColumns(t), [t])
  const [view, setView] = useListView('preview')
  const count = (outcome: CallPreviewRow['outcome']) =>
    preview.filter((r) => r.outcome === outcome).length
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm" role="note">
        {t('dues.calls.previewSummary', {
          toCall: count('to_call'),
          already: count('already_called'),
          excluded: count('excluded'),
        })}
      </Text>
      <RegisterList
        listId="preview"
        label={t('dues.calls.previewList', { year })}
        rows={preview}
        columns={columns}
        getRowId={(r) => r.memberId}
        onOpen={(r) => openMember(r.memberId)}
        view={view}
        onView={setView}
        searchPlaceholder={t('list.placeholder.preview')}
        parameters={[{ label: t('dues.year'), value: String(year) }]}
        height="45vh"
      />
    </Stack>
  )
}
