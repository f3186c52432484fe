import { Button, Group, Paper, TextInput, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesScale } from '@shared/dues/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { money } from '@shared/money/money'
import { ListSelect } from '../../components/ListSelect'
import type { ListColumn } from '../../components/list/list-columns'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useAppStore } from '../../app/app-store'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useChannel } from '../../lib/use-api-data'
import { moneyColumn, textColumn } from '../../components/list/column-factory'

type Override = DuesScale['overrides'][number]
const NO_OVERRIDE = { memberId: '', amount: '', currency: 'EUR', reason: '' }

/** The particular amounts of some members for the year: listed, totalled, set and removed. */
export function ScaleOverrides({
  year,
  scale,
  onChanged,
  onFailed,
}: {
  year: number
  scale: DuesScale
  onChanged: (scale: DuesScale, saved: boolean) => void
  onFailed: (failure: unknown) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const members = useChannel('members.list', {}).data ?? []
  const openMember = useAppStore((s) => s.openMember)
  const [override, setOverride] = useState(NO_OVERRIDE)
  const [view, setView] = useListView('overrides')
  const columns = useMemo<ListColumn<Override>[]>(
    () => [
      textColumn('member', t('dues.scale.overrideMember'), (o) => o.memberName, { width: 240 }),
      moneyColumn('amount', t('dues.scale.amount'), (o) => money(o.amount, o.currency)),
      textColumn('reason', t('dues.scale.overrideReason'), (o) => o.reason, {
        width: 260,
        groupable: false,
      }),
    ],
    [t],
  )
  const set = () => {
    const amount = amountForContract(override.amount, override.currency, language, true)
    void call('dues.setOverride', {
      memberId: override.memberId,
      year,
      amount: amount.ok ? amount.value : override.amount,
      currency: override.currency as CurrencyCode,
      reason: override.reason,
    }).then((next) => {
      setOverride(NO_OVERRIDE)
      onChanged(next, true)
    }, onFailed)
  }
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('dues.scale.overrides')}
      </Title>
      <RegisterList
        listId="overrides"
        label={t('dues.scale.overrides')}
        rows={scale.overrides}
        columns={columns}
        getRowId={(o) => o.id}
        onOpen={(o) => openMember(o.memberId)}
        view={view}
        onView={setView}
        searchPlaceholder={t('list.placeholder.overrides')}
        parameters={[{ label: t('dues.year'), value: String(year) }]}
        rowActions={(o) => (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() =>
              void call('dues.removeOverride', { id: o.id }).then(
                (next) => onChanged(next, false),
                onFailed,
              )
            }
          >
            {t('dues.scale.removeOverride')}
          </Button>
        )}
        height="40vh"
      />
      <form
        aria-label={t('dues.scale.setOverride')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          set()
        }}
      >
        <Group align="flex-end" mt="sm">
          <ListSelect
            label={t('dues.scale.overrideMember')}
            data={members.map((m) => ({ value: m.id, label: m.name }))}
            value={override.memberId || null}
            onChange={(value) => setOverride({ ...override, memberId: value ?? '' })}
            searchable
            w={260}
          />
          <TextInput
            label={t('dues.scale.amount')}
            value={override.amount}
            onChange={(e) => setOverride({ ...override, amount: e.currentTarget.value })}
            w={140}
          />
          <ListSelect
            label={t('dues.scale.currency')}
            data={[...CURRENCY_CODES]}
            value={override.currency}
            onChange={(value) => value && setOverride({ ...override, currency: value })}
            searchable
            allowDeselect={false}
            w={100}
          />
          <TextInput
            label={t('dues.scale.overrideReason')}
            value={override.reason}
            onChange={(e) => setOverride({ ...override, reason: e.currentTarget.value })}
          />
          <Button variant="light" type="submit">
            {t('dues.scale.setOverride')}
          </Button>
        </Group>
      </form>
    </Paper>
  )
}
