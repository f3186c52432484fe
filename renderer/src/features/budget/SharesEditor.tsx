import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  amountsOfPercents,
  FULL_PERCENT_BP,
  parseSharePercent,
  type ShareMode,
  type SharingKey,
} from '@shared/budget/cost-sharing'
import type { Agreement, AgreementDetail } from '@shared/funds/schema'
import type { CurrencyCode } from '@shared/money/currencies'
import { formatNumber } from '@shared/i18n/format-number'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { parseAmount } from '@shared/money/parse'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useBudgetFundChoices } from '../agreements/agreement-choices'

export const UNTIED_FUND = 'untied'

export interface ShareRowState {
  fund: string
  headingCode: string
  value: string
}
export interface SharesState {
  mode: ShareMode
  rows: ShareRowState[]
}

export const EMPTY_SHARES: SharesState = {
  mode: 'percent',
  rows: [
    { fund: '', headingCode: '', value: '' },
    { fund: UNTIED_FUND, headingCode: '', value: '' },
  ],
}

/** The shares as the channel takes them (`budget.addExpense`'s `shares`). */
export function sharesInput(state: SharesState, toAmount: (text: string) => string) {
  return {
    mode: state.mode,
    rows: state.rows.map((row) => ({
      agreementId: row.fund === UNTIED_FUND || row.fund === '' ? null : row.fund,
      headingCode: row.headingCode || null,
      ...(state.mode === 'percent' ? { percent: row.value } : { amount: toAmount(row.value) }),
    })),
  }
}

type Headings = AgreementDetail['budget']['headings']

/**
 * « Répartir entre plusieurs fonds »: one row per share (fund, heading, % or amount), a saved
 * key to fill them, and what is left to share as the user types — computed by the core's own
 * rounding (shared/budget/cost-sharing.ts), so the amounts shown are those recorded.
 */
export function SharesEditor({
  agreements,
  state,
  onChange,
  amount,
  currency,
  errors,
  forKey = false,
}: {
  /** Editing a saved key: percentages only, no key to apply. */
  forKey?: boolean
  agreements: Agreement[]
  state: SharesState
  onChange: (state: SharesState) => void
  amount: string
  currency: string
  /** The core's refusals, by field path (`shares.rows.1.percent`). */
  errors: Record<string, string>
}) {
  const { t } = useTranslation()
  const agreementChoices = useBudgetFundChoices(agreements)
  const language = useLanguage()
  const [keys, setKeys] = useState<SharingKey[]>([])
  const [headings, setHeadings] = useState<Record<string, Headings>>({})
  useEffect(() => {
    if (!forKey) void call('budget.sharingKeys', {}).then(setKeys)
  }, [forKey])
  const loadHeadings = (fund: string) => {
    if (fund === UNTIED_FUND || fund === '' || headings[fund]) return
    void call('agreements.get', { id: fund }).then((a) =>
      setHeadings((known) => ({ ...known, [fund]: a.budget.headings })),
    )
  }
  const setRow = (index: number, patch: Partial<ShareRowState>) => {
    onChange({
      ...state,
      rows: state.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    })
  }
  const applyKey = (id: string | null) => {
    const key = keys.find((k) => k.id === id)
    if (!key) return
    for (const row of key.rows) if (row.agreementId) loadHeadings(row.agreementId)
    onChange({
      mode: 'percent',
      rows: key.rows.map((row) => ({
        fund: row.agreementId ?? UNTIED_FUND,
        headingCode: row.headingCode ?? '',
        // Typed back in the user's language (« 33,33 » in French), as they would type it.
        value: formatNumber(row.percentBp / 100, language),
      })),
    })
  }
  const code = (currency || 'EUR') as CurrencyCode
  const total = parseAmount(amount, code, language)
  const computed = previewAmounts(state, total.ok ? total.value.minor : null, code, language)
  const funds = [{ value: UNTIED_FUND, label: t('costSharing.untied') }, ...agreementChoices]
  return (
    <Stack gap="xs" aria-label={t('costSharing.split')} role="group">
      <Text size="sm" c="dimmed">
        {t('costSharing.splitHint')}
      </Text>
      {!forKey && (
        <Group gap="sm" align="end">
          <SegmentedControl
            value={state.mode}
            onChange={(mode) => onChange({ ...state, mode: mode as ShareMode })}
            data={[
              { value: 'percent', label: t('costSharing.byPercent') },
              { value: 'amount', label: t('costSharing.byAmount') },
            ]}
          />
          <Select
            label={t('costSharing.applyKey')}
            placeholder={t('costSharing.noKey')}
            data={keys.map((k) => ({ value: k.id, label: k.name }))}
            value={null}
            onChange={applyKey}
            disabled={keys.length === 0}
          />
        </Group>
      )}
      {state.rows.map((row, index) => {
        const field = (name: string) => errors[`shares.rows.${index}.${name}`]
        const rowHeadings = headings[row.fund] ?? []
        return (
          <Group key={index} gap="xs" align="start" wrap="nowrap">
            <Select
              label={t('costSharing.fund')}
              aria-label={`${t('costSharing.fund')} ${index + 1}`}
              data={funds}
              value={row.fund || null}
              searchable
              onChange={(fund) => {
                setRow(index, { fund: fund ?? '', headingCode: '' })
                if (fund) loadHeadings(fund)
              }}
              error={field('agreementId')}
              style={{ flex: 3 }}
            />
            <Select
              label={t('costSharing.heading')}
              aria-label={`${t('costSharing.heading')} ${index + 1}`}
              data={rowHeadings.map((h) => ({ value: h.code, label: `${h.code} — ${h.label}` }))}
              value={row.headingCode || null}
              onChange={(headingCode) => setRow(index, { headingCode: headingCode ?? '' })}
              disabled={rowHeadings.length === 0}
              error={field('headingCode')}
              style={{ flex: 2 }}
            />
            <TextInput
              label={state.mode === 'percent' ? t('costSharing.percent') : t('costSharing.amount')}
              aria-label={`${state.mode === 'percent' ? t('costSharing.percent') : t('costSharing.amount')} ${index + 1}`}
              inputMode="decimal"
              value={row.value}
              onChange={(event) => setRow(index, { value: event.currentTarget.value })}
              error={field(state.mode)}
              description={computed.amounts[index] ?? undefined}
              // The share's amount under its percentage, so the row's fields stay aligned.
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              mt={28}
              aria-label={t('costSharing.removeRow', { number: index + 1 })}
              disabled={state.rows.length <= 2}
              onClick={() => onChange({ ...state, rows: state.rows.filter((_, i) => i !== index) })}
            >
              ×
            </ActionIcon>
          </Group>
        )
      })}
      <Group justify="space-between">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() =>
            onChange({ ...state, rows: [...state.rows, { fund: '', headingCode: '', value: '' }] })
          }
        >
          {t('costSharing.addRow')}
        </Button>
        <Text size="sm" role="status" fw={500}>
          {computed.remainder === null
            ? ''
            : computed.remainder === 0
              ? t('costSharing.balanced')
              : state.mode === 'percent'
                ? t('costSharing.remainderPercent', {
                    percent: formatNumber(computed.remainder / 100, language),
                  })
                : t('costSharing.remainder', {
                    amount: formatMoney(money(computed.remainder, code), language),
                  })}
        </Text>
      </Group>
      {errors['shares.rows'] && (
        <Text size="sm" c="red.9">
          {errors['shares.rows']}
        </Text>
      )}
      {state.mode === 'percent' && (
        <Text size="xs" c="dimmed">
          {t('costSharing.rounding')}
        </Text>
      )}
    </Stack>
  )
}

/** What is left to share, and each percentage row's amount once they make 100 %. */
function previewAmounts(
  state: SharesState,
  totalMinor: number | null,
  currency: CurrencyCode,
  language: ReturnType<typeof useLanguage>,
): { remainder: number | null; amounts: (string | null)[] } {
  if (state.mode === 'percent') {
    const bps = state.rows.map((row) => parseSharePercent(row.value))
    const sum = bps.reduce<number>((a, b) => a + (b ?? 0), 0)
    const complete = bps.every((b) => b !== null) && sum === FULL_PERCENT_BP
    const amounts =
      complete && totalMinor !== null && totalMinor > 0
        ? amountsOfPercents(money(totalMinor, currency), bps as number[]).map((a) =>
            formatMoney(a, language),
          )
        : state.rows.map(() => null)
    return { remainder: FULL_PERCENT_BP - sum, amounts }
  }
  const parts = state.rows.map((row) => parseAmount(row.value, currency, language))
  const sum = parts.reduce((a, p) => a + (p.ok ? p.value.minor : 0), 0)
  return {
    remainder: totalMinor === null ? null : totalMinor - sum,
    amounts: state.rows.map(() => null),
  }
}
