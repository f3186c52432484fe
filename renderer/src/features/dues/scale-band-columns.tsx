import { TextInput } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { Language } from '@shared/i18n/locale'
import { MEMBER_KINDS } from '@shared/members/schema'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { ListSelect } from '../../components/ListSelect'
import { moneyColumn, textColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'
import { type BandRow, bandAmount } from './scale-bands'

/** What the scale's cells need to edit a band in place. */
export interface BandEditing {
  update: (key: string, patch: Partial<BandRow>) => void
  /** The band's number (1, 2…) in the scale as saved, which names its fields. */
  numberOf: (row: BandRow) => number
  /** The form's or the core's refusal of one field of a band. */
  errorOf: (row: BandRow, field: keyof BandRow) => string | undefined
}

const wholeNumber = (text: string) => {
  const value = Number(text.replace(/[\s\u00a0\u202f]/g, ''))
  return text.trim() === '' || !Number.isFinite(value) ? null : value
}

/**
 * The scale's columns, each cell a field of the band: the list still sorts, groups, totals and
 * exports them by what is typed (an amount not yet readable adds nothing).
 */
export function bandColumns(
  t: TFunction,
  language: Language,
  editing: BandEditing,
): ListColumn<BandRow>[] {
  const { update, numberOf, errorOf } = editing
  const text =
    (field: 'populationFrom' | 'populationTo' | 'amount' | 'label', header: string) =>
    (row: BandRow) => (
      <TextInput
        size="xs"
        aria-label={`${header} ${numberOf(row)}`}
        value={row[field]}
        onChange={(e) => update(row.key, { [field]: e.currentTarget.value })}
        error={errorOf(row, field)}
      />
    )
  return [
    {
      id: 'memberKind',
      kind: 'text',
      header: t('dues.scale.kind'),
      value: (row) => t(`members.kind.${row.memberKind}` as 'members.kind.city'),
      width: 160,
      cell: (row) => (
        <ListSelect
          size="xs"
          aria-label={`${t('dues.scale.kind')} ${numberOf(row)}`}
          data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) }))}
          value={row.memberKind}
          onChange={(value) => value && update(row.key, { memberKind: value })}
          allowDeselect={false}
        />
      ),
    },
    {
      id: 'populationFrom',
      kind: 'number',
      header: t('dues.scale.populationFrom'),
      value: (row) => wholeNumber(row.populationFrom),
      width: 100,
      cell: text('populationFrom', t('dues.scale.populationFrom')),
    },
    {
      id: 'populationTo',
      kind: 'number',
      header: t('dues.scale.populationTo'),
      value: (row) => wholeNumber(row.populationTo),
      width: 100,
      cell: text('populationTo', t('dues.scale.populationTo')),
    },
    moneyColumn('amount', t('dues.scale.amount'), (row) => bandAmount(row, language), {
      width: 130,
      cell: text('amount', t('dues.scale.amount')),
    }),
    {
      id: 'currency',
      kind: 'text',
      header: t('dues.scale.currency'),
      value: (row) => row.currency,
      width: 95,
      cell: (row) => (
        <ListSelect
          size="xs"
          aria-label={`${t('dues.scale.currency')} ${numberOf(row)}`}
          data={[...CURRENCY_CODES]}
          value={row.currency}
          onChange={(value) => value && update(row.key, { currency: value })}
          searchable
          allowDeselect={false}
        />
      ),
    },
    textColumn('label', t('dues.scale.label'), (row) => row.label, {
      width: 170,
      cell: text('label', t('dues.scale.label')),
    }),
  ]
}
