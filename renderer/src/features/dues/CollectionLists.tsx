import { Stack } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesSummary } from '@shared/dues/schema'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useAppStore } from '../../app/app-store'
import { useLanguage } from '../../lib/use-language'
import {
  ARREARS_AGES,
  type AgeRow,
  ageColumns,
  debtorColumns,
  yearColumns,
} from './collection-columns'

/**
 * The collection's lists: arrears by age (their total the core's), the largest debtors (a row
 * opens the member) and ten years of calls and collections, each searched, totalled, exported.
 */
export function CollectionLists({ summary }: { summary: DuesSummary }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const openMember = useAppStore((s) => s.openMember)
  const [ageView, setAgeView] = useListView('arrears')
  const [debtorView, setDebtorView] = useListView('debtors')
  const [yearView, setYearView] = useListView('years')
  const ages = useMemo<AgeRow[]>(
    () => ARREARS_AGES.map((age) => ({ age, arrearsEur: summary.arrears[age] })),
    [summary],
  )
  const columns = useMemo(
    () => ({
      ages: ageColumns(t),
      debtors: debtorColumns(t, language),
      years: yearColumns(t, language),
    }),
    [t, language],
  )
  const year = [{ label: t('dues.year'), value: String(summary.year) }]
  return (
    <Stack gap="lg">
      <RegisterList
        listId="arrears"
        label={t('dues.summary.arrears')}
        rows={ages}
        columns={columns.ages}
        getRowId={(r) => r.age}
        view={ageView}
        onView={setAgeView}
        searchPlaceholder={t('dues.summary.ageColumn')}
        parameters={year}
        rowAttributes={(r) => ({ 'data-arrears': r.age })}
        height="none"
      />
      <RegisterList
        listId="debtors"
        label={t('dues.summary.largest')}
        rows={summary.largest}
        columns={columns.debtors}
        getRowId={(r) => r.memberId}
        onOpen={(r) => openMember(r.memberId)}
        view={debtorView}
        onView={setDebtorView}
        searchPlaceholder={t('list.placeholder.debtors')}
        parameters={year}
        height="50vh"
      />
      <RegisterList
        listId="years"
        label={t('dues.summary.byYear')}
        rows={summary.byYear}
        columns={columns.years}
        getRowId={(r) => String(r.year)}
        view={yearView}
        onView={setYearView}
        searchPlaceholder={t('dues.year')}
        initialSort={{ id: 'year', desc: true }}
        parameters={year}
        rowAttributes={(r) => ({ 'data-year': String(r.year) })}
        height="none"
      />
    </Stack>
  )
}
