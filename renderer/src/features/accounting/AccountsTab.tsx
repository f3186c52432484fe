import { Badge, Button, Group, Stack, Table, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import { call } from '../../lib/api'
import type { PlanProps } from './plan-props'
import { fieldErrors } from './field-errors'
import { RowActions } from './RowActions'

/** Plan comptable: the chart's accounts (ANC 2018-06) and those the file added or renamed. */
export function AccountsTab({ plan, change }: PlanProps) {
  const { t } = useTranslation()
  const [number, setNumber] = useState('')
  const [label, setLabel] = useState('')
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
      <Table striped withTableBorder aria-label={t('accounting.tabs.accounts')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounting.col.number')}</Table.Th>
            <Table.Th>{t('accounting.col.label')}</Table.Th>
            <Table.Th>{t('accounting.col.origin')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.accounts.map((account) => (
            <Table.Tr key={account.number}>
              <Table.Td>{account.number}</Table.Td>
              <Table.Td>{account.label}</Table.Td>
              <Table.Td>
                {account.added ? (
                  <Badge variant="light">{t('accounting.added')}</Badge>
                ) : account.defaultLabel !== account.label ? (
                  <Badge variant="light" color="blue">
                    {t('accounting.userOrigin')}
                  </Badge>
                ) : (
                  <Badge variant="light" color="gray">
                    {t('accounting.defaultOrigin')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions
                  onEdit={() => {
                    setNumber(account.number)
                    setLabel(account.label)
                  }}
                  onRemove={
                    account.added
                      ? () =>
                          void change(() =>
                            call('accounting.removeAccount', { number: account.number }),
                          )
                      : null
                  }
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
