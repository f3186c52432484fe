import { Checkbox, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesCall } from '@shared/dues/schema'
import type { Language } from '@shared/i18n/locale'
import type { MessageKey } from '@shared/i18n/messages/catalog'
import { formatAmount, formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { amountForContract } from '../../lib/amount-input'
import { call } from '../../lib/api'
import { useApiData } from '../../lib/use-api-data'
import { useLanguage } from '../../lib/use-language'
import { useScrollIntoView } from '../../lib/use-scroll-into-view'

type Mode = 'oldest' | 'chosen'
interface Row {
  on: boolean
  amount: string
}

/**
 * Which calls a dues payment settles: the oldest first (the default), or the calls ticked, each
 * with the amount allocated to it (what it still owes, unless changed). Its state lives in the
 * payment form, which asks it for the contract's `settle` when it submits.
 */
export function useSettlementChoice(memberId: string, reloadKey: number) {
  // Read for a member only: without one, the list would be every member's calls.
  const read = useApiData(
    () => (memberId ? call('dues.calls', { memberId }) : Promise.resolve([])),
    [memberId],
  )
  const calls = memberId ? (read.data ?? []).filter((c) => c.outstanding > 0) : []
  const [mode, setMode] = useState<Mode>('oldest')
  const [rows, setRows] = useState<Record<string, Row>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [seen, setSeen] = useState({ memberId, reloadKey })
  // Another member, or a payment just recorded: the choice starts again.
  if (seen.memberId !== memberId || seen.reloadKey !== reloadKey) {
    setSeen({ memberId, reloadKey })
    setMode('oldest')
    setRows({})
    setErrors({})
    if (seen.reloadKey !== reloadKey) read.reload()
  }
  return { calls, mode, setMode, rows, setRows, errors, setErrors }
}
export type SettlementChoiceState = ReturnType<typeof useSettlementChoice>

/**
 * The contract's `settle` for the choice (null: the oldest first), or the messages that stop it,
 * by call id (the empty key: no call ticked).
 */
export function settleForContract(
  choice: SettlementChoiceState,
  language: Language,
  t: (key: MessageKey) => string,
): { settle: { callId: string; amount: string }[] | null; errors: Record<string, string> } {
  if (choice.mode === 'oldest' || choice.calls.length === 0) return { settle: null, errors: {} }
  const errors: Record<string, string> = {}
  const settle: { callId: string; amount: string }[] = []
  for (const owed of choice.calls) {
    const row = choice.rows[owed.id]
    if (!row?.on) continue
    const amount = amountForContract(row.amount, owed.currency, language)
    if (amount.ok) settle.push({ callId: owed.id, amount: amount.value })
    else errors[owed.id] = t(amount.key)
  }
  if (settle.length === 0 && Object.keys(errors).length === 0)
    errors[''] = t('dues.payments.allocationNone')
  return { settle, errors }
}

/**
 * The core's refusal of a chosen settlement (`settle.2.amount`), shown on the call it names;
 * false when the refusal names no settlement.
 */
export function showSettleRefusal(
  choice: SettlementChoiceState,
  settle: { callId: string }[] | null,
  fields: readonly { path: string; message: string }[],
): boolean {
  const found: Record<string, string> = {}
  for (const field of fields) {
    const match = /^settle(?:\.(\d+))?/.exec(field.path)
    if (!match) continue
    const callId = match[1] === undefined ? '' : (settle?.[Number(match[1])]?.callId ?? '')
    found[callId] = field.message
  }
  choice.setErrors(found)
  return Object.keys(found).length > 0
}

/** The allocation of a dues payment: oldest first, or the calls ticked with their amounts. */
export function SettlementChoice({ choice }: { choice: SettlementChoiceState }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const firstError = Object.values(choice.errors)[0] ?? null
  const ref = useScrollIntoView<HTMLDivElement>(firstError)
  if (choice.calls.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('dues.payments.allocationNoOpen')}
      </Text>
    )
  }
  const tick = (owed: DuesCall, on: boolean) =>
    choice.setRows({
      ...choice.rows,
      [owed.id]: {
        on,
        amount:
          choice.rows[owed.id]?.amount ??
          formatAmount(money(owed.outstanding, owed.currency), language),
      },
    })
  return (
    <Stack gap={6} ref={ref} style={{ scrollMargin: 16 }}>
      <Radio.Group
        label={t('dues.payments.allocation')}
        value={choice.mode}
        onChange={(value) => choice.setMode(value === 'chosen' ? 'chosen' : 'oldest')}
      >
        <Group gap="lg" mt={4}>
          <Radio value="oldest" label={t('dues.payments.allocation_oldest')} />
          <Radio value="chosen" label={t('dues.payments.allocation_chosen')} />
        </Group>
      </Radio.Group>
      {choice.mode === 'chosen' && (
        <Stack gap={4} role="group" aria-label={t('dues.payments.allocation_chosen')}>
          {choice.calls.map((owed) => {
            const row = choice.rows[owed.id]
            const label = t('dues.payments.allocationCall', {
              number: owed.number,
              year: owed.year,
              owed: formatMoney(money(owed.outstanding, owed.currency), language),
            })
            return (
              <Group key={owed.id} gap="sm" align="flex-start" wrap="nowrap">
                <Checkbox
                  mt={8}
                  label={label}
                  checked={row?.on ?? false}
                  onChange={(event) => tick(owed, event.currentTarget.checked)}
                  style={{ flex: 1 }}
                />
                {row?.on && (
                  <TextInput
                    size="sm"
                    w={200}
                    aria-label={`${t('dues.payments.allocationAmount', { currency: owed.currency })} — ${owed.number}`}
                    placeholder={t('dues.payments.allocationAmount', { currency: owed.currency })}
                    inputMode="decimal"
                    value={row.amount}
                    onChange={(event) =>
                      choice.setRows({
                        ...choice.rows,
                        [owed.id]: { on: true, amount: event.currentTarget.value },
                      })
                    }
                    error={choice.errors[owed.id]}
                  />
                )}
                {!row?.on && choice.errors[owed.id] && (
                  <Text size="sm" c="red" role="alert">
                    {choice.errors[owed.id]}
                  </Text>
                )}
              </Group>
            )
          })}
          {choice.errors[''] && (
            <Text size="sm" c="red" role="alert">
              {choice.errors['']}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('dues.payments.allocationRest')}
          </Text>
        </Stack>
      )}
    </Stack>
  )
}
