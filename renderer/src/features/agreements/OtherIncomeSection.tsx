import {
  Alert,
  Button,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OtherIncome } from '@shared/funds/schema'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { today } from '@shared/validation/dates'
import { Amount } from '../../components/Amount'
import { ApiError, call, errorMessage } from '../../lib/api'
import { callConfirming } from '../../lib/confirm-call'
import { amountForContract } from '../../lib/amount-input'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { BankAccountSelect } from '../accounting/BankAccountSelect'
import { useReversal } from '../../components/ReversalDialog'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { useChannel } from '../../lib/use-api-data'
import { DateField } from '../../components/DateField'

/** Untied income outside agreements (interest, refunds): recorded by hand, posted to the ledger. */
export function OtherIncomeSection() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data: rowsRead, setData: setRows } = useChannel('funds.otherIncome', {})
  const rows = rowsRead ?? []
  const [draft, setDraft] = useState({
    receivedOn: today(),
    label: '',
    currency: 'EUR',
    amount: '',
    bankAccountId: null as string | null,
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const reversal = useReversal()

  async function add() {
    const amount = amountForContract(draft.amount, draft.currency, language)
    if (!amount.ok) {
      setErrors({ amount: t(amount.key, { currency: draft.currency }) })
      return
    }
    try {
      setRows(await callConfirming('funds.addOtherIncome', { ...draft, amount: amount.value }))
      setErrors({})
      setError(null)
      setDraft({ ...draft, label: '', amount: '' })
    } catch (failure) {
      if (failure instanceof ApiError && failure.error.fields)
        setErrors(Object.fromEntries(failure.error.fields.map((f) => [f.path, f.message])))
      else setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  /** Asks for the reason, showing the untied income it takes away, before reversing. */
  function cancel(row: OtherIncome) {
    const total = rows.reduce((sum, r) => sum + r.eurAmount, 0)
    const amount = formatMoney(money(row.amount, row.currency), language)
    const date = formatDate(row.receivedOn, language)
    reversal.ask({
      action: t('reversal.otherIncome.action'),
      record: t('reversal.otherIncome.record', { date, label: row.label, amount }),
      figures: [
        {
          label: t('reversal.otherIncome.total'),
          currency: 'EUR',
          before: total,
          after: total - row.eurAmount,
        },
      ],
      reverse: async (reason) => {
        setRows(await call('funds.cancelOtherIncome', { id: row.id, reason }))
      },
      done: (reason) => ({
        text: t('reversal.otherIncome.done', { date, label: row.label, amount, reason }),
      }),
    })
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="other-income">
      <Stack gap="sm">
        <Title order={2} size="h4" id="other-income">
          {t('otherIncome.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('otherIncome.hint')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {reversal.dialog}
        {rows.length > 0 && (
          <Table withTableBorder aria-label={t('otherIncome.title')}>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} data-record-id={row.id}>
                  <Table.Td>{formatDate(row.receivedOn, language)}</Table.Td>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={row.amount} currency={row.currency} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={row.eurAmount} currency="EUR" />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => cancel(row)}
                    >
                      {t('reversal.otherIncome.action')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={{ base: 2, lg: 5 }}>
          <DateField
            label={t('otherIncome.receivedOn')}
            value={draft.receivedOn}
            onChange={(day) => setDraft({ ...draft, receivedOn: day })}
            error={errors.receivedOn}
          />
          <TextInput
            label={t('otherIncome.label')}
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.currentTarget.value })}
            error={errors.label}
          />
          <NativeSelect
            label={t('agreements.field.currency')}
            value={draft.currency}
            onChange={(e) => setDraft({ ...draft, currency: e.currentTarget.value })}
            data={[...CURRENCY_CODES]}
            error={errors.currency}
          />
          <TextInput
            label={t('otherIncome.amount')}
            inputMode="decimal"
            value={draft.amount}
            onChange={(e) => setDraft({ ...draft, amount: e.currentTarget.value })}
            error={errors.amount}
          />
          <BankAccountSelect
            currency={draft.currency}
            value={draft.bankAccountId}
            onChange={(bankAccountId) => setDraft({ ...draft, bankAccountId })}
            error={errors.bankAccountId}
          />
          <Button mt={24} variant="light" onClick={() => void add()}>
            {t('otherIncome.add')}
          </Button>
        </SimpleGrid>
      </Stack>
    </Paper>
  )
}
