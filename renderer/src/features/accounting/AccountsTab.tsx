import { Badge, Button, Group, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/api'
import type { PlanProps } from './plan-props'
import { fieldErrors } from './field-errors'
import type { AccountingPlanView } from '@shared/accounting/schema'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { ACCOUNTING_LIST_HEIGHT, RowActions } from './RowActions'

type Account = AccountingPlanView['accounts'][number]

const ORIGIN_COLORS = {
  'accounting.added': 'blue',
  'accounting.userOrigin': 'blue',
  'accounting.defaultOrigin': 'gray',
} as const

/** Whether the file added the account, renamed it, or keeps the chart's. */
function originOf(account: Account): keyof typeof ORIGIN_COLORS {
  if (account.added) return 'accounting.added'
  return account.defaultLabel !== account.label
    ? 'accounting.userOrigin'
    : 'accounting.defaultOrigin'
}

/** Plan comptable: the chart's accounts (ANC 2018-06) and those the file added or renamed. */
export function AccountsTab({ plan, change }: PlanProps) {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [label, setLabel] = useState('')
  const [view, setView] = useListView('accounts')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLFormElement>(errors)
  async function save() {
    const failure = await change(() => call('accounting.saveAccount', { number, label }))
    setErrors(fieldErrors(failure))
    if (!failure) {
      setNumber('')
      setLabel('')
    }
  }
  return (
    <Stack>
      <form
        ref={refusals}
        aria-label={t('accounting.addAccount')}
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <Group align="flex-start">
          <TextInput
            label={t('accounting.col.number')}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={errors.number}
            w={140}
          />
          <TextInput
            label={t('accounting.col.label')}
            value={label}
            onChange={(event) => setLabel(event.currentTarget.value)}
            error={errors.label}
            style={{ flex: 1 }}
          />
          <Button type="submit" mt={24}>
            {t('accounting.addAccount')}
          </Button>
        </Group>
      </form>
      <RegisterList
        listId="accounts"
        label={t('accounting.tabs.accounts')}
        rows={plan.accounts}
        columns={[
          {
            id: 'number',
            kind: 'text',
            header: t('accounting.col.number'),
            value: (account) => account.number,
            width: 120,
            groupable: false,
          },
          {
            id: 'label',
            kind: 'text',
            header: t('accounting.col.label'),
            value: (account) => account.label,
            width: 420,
            groupable: false,
          },
          {
            id: 'origin',
            kind: 'text',
            header: t('accounting.col.origin'),
            value: (account) => t(originOf(account)),
            cell: (account) => (
              <Badge variant="light" color={ORIGIN_COLORS[originOf(account)]} miw="max-content">
                {t(originOf(account))}
              </Badge>
            ),
            width: 190,
          },
        ]}
        getRowId={(account) => account.number}
        view={view}
        onView={setView}
        searchPlaceholder={t('accounting.searchAccounts')}
        initialSort={{ id: 'number', desc: false }}
        height={ACCOUNTING_LIST_HEIGHT}
        actionsWidth={190}
        rowActions={(account) => (
          <RowActions
            editLabel={`${t('accounting.edit')} ${account.number}`}
            onEdit={() => {
              setNumber(account.number)
              setLabel(account.label)
            }}
            onRemove={
              account.added
                ? () =>
                    void change(() => call('accounting.removeAccount', { number: account.number }))
                : null
            }
          />
        )}
      />
    </Stack>
  )
}
