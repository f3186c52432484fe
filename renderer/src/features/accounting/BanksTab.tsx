import { Badge, Button, Checkbox, Group, SimpleGrid, Stack, Table, TextInput } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import type { BankAccountInput } from '@shared/accounting/schema'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { call } from '../../lib/api'
import type { PlanProps } from './plan-props'
import { fieldErrors } from './field-errors'
import { RowActions, SaveOrCancel } from './RowActions'

type Draft = Required<Omit<BankAccountInput, 'note'>> & { iban: string }

const EMPTY: Draft = {
  id: null,
  label: '',
  currency: 'EUR',
  account: '',
  journalCode: '',
  journalLabel: '',
  iban: '',
  isDefault: true,
}

/**
 * Comptes bancaires: each bank account with its currency, its account (512…) and its journal;
 * one default per currency, which receipts, payments and expenses go through unless they name
 * another. A currency without one goes to the chart's default account.
 */
export function BanksTab({ plan, change }: PlanProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLFormElement>(errors)
  async function save() {
    if (!draft) return
    const failure = await change(() => call('accounting.saveBank', draft))
    setErrors(fieldErrors(failure))
    if (!failure) setDraft(null)
  }
  const text = (
    name: 'label' | 'account' | 'journalCode' | 'journalLabel' | 'iban',
    label: string,
  ) =>
    draft && (
      <TextInput
        label={label}
        value={draft[name] ?? ''}
        onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
        error={errors[name]}
      />
    )
  return (
    <Stack>
      <Group>
        <Button variant="light" onClick={() => setDraft({ ...EMPTY })}>
          {t('accounting.addBank')}
        </Button>
      </Group>
      {draft && (
        <form
          ref={refusals}
          aria-label={t('accounting.addBank')}
          onSubmit={(event) => {
            event.preventDefault()
            void save()
          }}
        >
          <SimpleGrid cols={{ base: 2, lg: 3 }}>
            {text('label', t('accounting.bankLabel'))}
            <ListSelect
              label={t('accounting.col.currency')}
              data={CURRENCY_CODES}
              value={draft.currency}
              onChange={(value) =>
                value && setDraft({ ...draft, currency: value as Draft['currency'] })
              }
              searchable
              allowDeselect={false}
              error={errors.currency}
            />
            {text('account', t('accounting.col.account'))}
            {text('journalCode', t('accounting.journalCode'))}
            {text('journalLabel', t('accounting.journalLabel'))}
            {text('iban', t('accounting.col.iban'))}
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label={t('accounting.isDefault')}
            checked={draft.isDefault}
            onChange={(event) => setDraft({ ...draft, isDefault: event.currentTarget.checked })}
          />
          <SaveOrCancel onCancel={() => setDraft(null)} />
        </form>
      )}
      <Table striped withTableBorder aria-label={t('accounting.tabs.banks')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('accounting.bankLabel')}</Table.Th>
            <Table.Th>{t('accounting.col.currency')}</Table.Th>
            <Table.Th>{t('accounting.col.account')}</Table.Th>
            <Table.Th>{t('accounting.col.journal')}</Table.Th>
            <Table.Th ta="right">{t('accounting.col.entries')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.bankAccounts.map((bank) => (
            <Table.Tr key={bank.id ?? `chart-${bank.currency}`}>
              <Table.Td>
                {bank.label}{' '}
                {bank.isDefault && (
                  <Badge variant="light" size="sm">
                    {bank.id ? t('accounting.defaultBank') : t('accounting.defaultOrigin')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{bank.currency}</Table.Td>
              <Table.Td>{bank.account}</Table.Td>
              <Table.Td>
                {bank.journalCode} – {bank.journalLabel}
              </Table.Td>
              <Table.Td ta="right">{bank.entries}</Table.Td>
              <Table.Td>
                {bank.id && (
                  <RowActions
                    onEdit={() =>
                      setDraft({
                        id: bank.id,
                        label: bank.label,
                        currency: bank.currency,
                        account: bank.account,
                        journalCode: bank.journalCode,
                        journalLabel: bank.journalLabel,
                        iban: bank.iban ?? '',
                        isDefault: bank.isDefault,
                      })
                    }
                    removeLabel={t('common.archive')}
                    onRemove={() =>
                      void change(() => call('accounting.archiveBank', { id: bank.id ?? '' }))
                    }
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
