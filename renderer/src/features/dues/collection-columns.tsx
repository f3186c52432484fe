import type { TFunction } from 'i18next'
import type { DuesSummary } from '@shared/dues/schema'
import { countryName } from '@shared/geo/country-names'
import { formatPercent } from '@shared/i18n/format-percent'
import type { Language } from '@shared/i18n/locale'
import { money } from '@shared/money/money'
import { moneyColumn, textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'

export const ARREARS_AGES = ['current', 'oneYear', 'twoYears', 'threeYearsOrMore'] as const
export type ArrearsAge = (typeof ARREARS_AGES)[number]
export interface AgeRow {
  age: ArrearsAge
  arrearsEur: number
}
export type YearRow = DuesSummary['byYear'][number]
export type DebtorRow = DuesSummary['largest'][number]

const euros = (minor: number) => money(minor, 'EUR')

/** Arrears by age: the list's total is the core's total of arrears. */
export function ageColumns(t: TFunction): ListColumn<AgeRow>[] {
  return [
    textColumn('age', t('dues.summary.ageColumn'), (r) => t(`dues.summary.${r.age}`), {
      groupable: false,
    }),
    moneyColumn('arrears', t('dues.summary.amount'), (r) => euros(r.arrearsEur)),
  ]
}

/** The members that owe most, with their country. */
export function debtorColumns(t: TFunction, language: Language): ListColumn<DebtorRow>[] {
  return [
    textColumn('member', t('dues.summary.member'), (r) => r.memberName, {
      width: 240,
      groupable: false,
    }),
    textColumn(
      'country',
      t('dues.summary.country'),
      (r) => (r.country ? countryName(r.country, language) : ''),
      { priority: 6 },
    ),
    moneyColumn('arrears', t('dues.summary.amount'), (r) => euros(r.arrearsEur)),
  ]
}

/** Called and collected year by year, with the year's rate (never added up). */
export function yearColumns(t: TFunction, language: Language): ListColumn<YearRow>[] {
  return [
    { id: 'year', kind: 'number', header: t('dues.year'), value: (r) => r.year, width: 90 },
    moneyColumn('called', t('dues.summary.calledColumn'), (r) => euros(r.calledEur)),
    moneyColumn('collected', t('dues.summary.collectedColumn'), (r) => euros(r.collectedEur)),
    {
      id: 'rate',
      kind: 'number',
      header: t('dues.summary.rateColumn'),
      value: (r) => r.rate,
      cell: (r) => formatPercent(r.rate, language),
    },
  ]
}
