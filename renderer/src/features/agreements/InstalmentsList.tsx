import { Button, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail, Instalment } from '@shared/funds/schema'
import type { Language } from '@shared/i18n/locale'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { dateColumn, moneyColumn } from '../../components/list/column-factory'
import type { ListColumn } from '../../components/list/list-columns'
import { TabRegister } from '../../components/list/TabRegister'
import { useLanguage } from '../../lib/use-language'

// Dark enough to read on the active row's blue tint too (4.5:1): Mantine's green 9 is 3.9:1.
const STATE_COLOURS = { late: 'red.9', received: '#1b6b2f', upcoming: undefined }

/**
 * The columns of the funder's schedule: each instalment's amount and what is still missing of
 * it are added up (the total expected, the total late or to come); the cumulative figures and
 * their gap are running figures, drawn but not added.
 */
function instalmentColumns(
  t: TFunction,
  language: Language,
  currency: CurrencyCode,
): ListColumn<Instalment>[] {
  const running = (
    id: string,
    header: string,
    minor: (i: Instalment) => number,
  ): ListColumn<Instalment> => ({
    id,
    kind: 'money',
    amount: (i) => money(minor(i), currency),
    header,
    totalled: false,
  })
  const state = (i: Instalment) =>
    t(`instalments.state_${i.state}`, { amount: formatMoney(money(i.missing, currency), language) })
  return [
    dateColumn('expectedOn', t('instalments.expectedOn'), (i) => i.expectedOn),
    moneyColumn('amount', t('instalments.amount', { currency }), (i) => money(i.amount, currency)),
    moneyColumn('missing', t('recordLists.missing'), (i) => money(i.missing, currency)),
    running('cumulativeExpected', t('instalments.cumulativeExpected'), (i) => i.cumulativeExpected),
    running('cumulativeReceived', t('instalments.cumulativeReceived'), (i) => i.cumulativeReceived),
    running('gap', t('instalments.gap'), (i) => i.cumulativeReceived - i.cumulativeExpected),
    {
      id: 'state',
      kind: 'text',
      value: state,
      // Coloured by what is late today, not by what came after its date.
      cell: (i) => (
        <Text span size="sm" c={STATE_COLOURS[i.state]} data-state={i.state}>
          {state(i)}
        </Text>
      ),
      header: t('instalments.state'),
      width: 220,
      groupable: false,
    },
  ]
}

/** The instalments the funder plans to pay, as a list: totalled, exported, printed. */
export function InstalmentsList({
  agreement,
  onRemove,
}: {
  agreement: AgreementDetail
  /** Absent when the agreement takes no change (archived). */
  onRemove?: (id: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const columns = useMemo(
    () => instalmentColumns(t, language, agreement.currency),
    [t, language, agreement.currency],
  )
  return (
    <TabRegister
      listId="agreementInstalments"
      label={t('instalments.title')}
      rows={agreement.instalments}
      columns={columns}
      getRowId={(i) => i.id}
      searchPlaceholder={t('recordLists.search.instalments')}
      initialSort={{ id: 'expectedOn', desc: false }}
      parameters={[{ label: t('agreements.field.reference'), value: agreement.reference }]}
      rowActions={
        onRemove &&
        ((i) => (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(i.id)}>
            {t('instalments.remove')}
          </Button>
        ))
      }
      actionsWidth={110}
    />
  )
}
