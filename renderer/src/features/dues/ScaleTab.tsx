import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { ListSelect } from '../../components/ListSelect'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DuesScale } from '@shared/dues/schema'
import { MEMBER_KINDS, type Member } from '@shared/members/schema'
import { CURRENCY_CODES, type CurrencyCode } from '@shared/money/currencies'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { Amount } from '../../components/Amount'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { ApiError, call, errorMessage } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useChannel } from '../../lib/use-api-data'

interface BandRow {
  memberKind: string
  populationFrom: string
  populationTo: string
  amount: string
  currency: string
  label: string
}

const wholeNumber = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, '') || '0')

/** The year's scale (barème), edited as a table, and the particular amounts of some members. */
export function ScaleTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [scale, setScale] = useState<DuesScale | null>(null)
  const [rows, setRows] = useState<BandRow[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [status, setStatus] = useState<Status | null>(null)
  const members = useChannel('members.list', {}).data ?? []
  const [override, setOverride] = useState({
    memberId: '',
    amount: '',
    currency: 'EUR',
    reason: '',
  })
  const show = useCallback(
    (next: DuesScale) => {
      setScale(next)
      setRows(
        next.bands.map((b) => ({
          memberKind: b.memberKind,
          populationFrom: String(b.populationFrom),
          populationTo: b.populationTo === null ? '' : String(b.populationTo),
          amount: formatAmount(money(b.amount, b.currency), language),
          currency: b.currency,
          label: b.label,
        })),
      )
      setErrors({})
    },
    [language],
  )
  useEffect(() => {
    void call('dues.scale', { year }).then(show)
  }, [year, show])

  const failed = (failure: unknown) => {
    if (failure instanceof ApiError && failure.error.fields?.length) {
      setErrors(Object.fromEntries(failure.error.fields.map((f) => [f.path, f.message])))
    }
    setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
  }
  async function save() {
    const local: Record<string, string> = {}
    const bands = rows.map((row, index) => {
      const amount = amountForContract(row.amount, row.currency, language)
      if (!amount.ok) local[`bands.${index}.amount`] = t(amount.key, { currency: row.currency })
      return {
        memberKind: row.memberKind as Member['kind'],
        populationFrom: wholeNumber(row.populationFrom),
        populationTo: row.populationTo.trim() === '' ? null : wholeNumber(row.populationTo),
        amount: amount.ok ? amount.value : '1',
        currency: row.currency as CurrencyCode,
        label: row.label,
      }
    })
    if (Object.keys(local).length > 0) return setErrors(local)
    try {
      show(await call('dues.saveScale', { year, bands }))
      setStatus({ ok: true, text: t('dues.scale.saved', { year }) })
    } catch (failure) {
      failed(failure)
    }
  }
  const update = (index: number, patch: Partial<BandRow>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <Stack gap="md">
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('dues.scale.title', { year })}
        </Title>
        {scale && scale.bands.length === 0 && (
          <Button
            variant="light"
            onClick={() =>
              void call('dues.copyScale', { fromYear: year - 1, toYear: year }).then((next) => {
                show(next)
                setStatus({ ok: true, text: t('dues.scale.copied', { year }) })
              }, failed)
            }
          >
            {t('dues.scale.copyFrom', { year: year - 1 })}
          </Button>
        )}
      </Group>
      {rows.length === 0 && <Text c="dimmed">{t('dues.scale.empty')}</Text>}
      {rows.length > 0 && (
        <Table aria-label={t('dues.scale.title', { year })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dues.scale.kind')}</Table.Th>
              <Table.Th>{t('dues.scale.populationFrom')}</Table.Th>
              <Table.Th>{t('dues.scale.populationTo')}</Table.Th>
              <Table.Th>{t('dues.scale.amount')}</Table.Th>
              <Table.Th>{t('dues.scale.currency')}</Table.Th>
              <Table.Th>{t('dues.scale.label')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const n = index + 1
              const error = (field: string) => errors[`bands.${index}.${field}`]
              return (
                <Table.Tr key={index}>
                  <Table.Td>
                    <ListSelect
                      aria-label={`${t('dues.scale.kind')} ${n}`}
                      data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) }))}
                      value={row.memberKind}
                      onChange={(value) => value && update(index, { memberKind: value })}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('dues.scale.populationFrom')} ${n}`}
                      value={row.populationFrom}
                      onChange={(e) => update(index, { populationFrom: e.currentTarget.value })}
                      error={error('populationFrom')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('dues.scale.populationTo')} ${n}`}
                      value={row.populationTo}
                      onChange={(e) => update(index, { populationTo: e.currentTarget.value })}
                      error={error('populationTo')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('dues.scale.amount')} ${n}`}
                      value={row.amount}
                      onChange={(e) => update(index, { amount: e.currentTarget.value })}
                      error={error('amount')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ListSelect
                      aria-label={`${t('dues.scale.currency')} ${n}`}
                      data={[...CURRENCY_CODES]}
                      value={row.currency}
                      onChange={(value) => value && update(index, { currency: value })}
                      searchable
                      allowDeselect={false}
                      w={100}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('dues.scale.label')} ${n}`}
                      value={row.label}
                      onChange={(e) => update(index, { label: e.currentTarget.value })}
                      error={error('label')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
                    >
                      {t('dues.scale.removeBand', { number: n })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            setRows((current) => [
              ...current,
              {
                memberKind: 'city',
                populationFrom: '0',
                populationTo: '',
                amount: '',
                currency: 'EUR',
                label: '',
              },
            ])
          }
        >
          {t('dues.scale.addBand')}
        </Button>
        <Button onClick={() => void save()}>{t('dues.scale.save')}</Button>
      </Group>

      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('dues.scale.overrides')}
        </Title>
        {scale?.overrides.map((o) => (
          <Group key={o.id} justify="space-between">
            <Text size="sm">
              {o.memberName} — <Amount minor={o.amount} currency={o.currency} /> — {o.reason}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => void call('dues.removeOverride', { id: o.id }).then(show, failed)}
            >
              {t('dues.scale.removeOverride')}
            </Button>
          </Group>
        ))}
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
          <Button
            variant="light"
            onClick={() => {
              const amount = amountForContract(override.amount, override.currency, language, true)
              void call('dues.setOverride', {
                memberId: override.memberId,
                year,
                amount: amount.ok ? amount.value : override.amount,
                currency: override.currency as CurrencyCode,
                reason: override.reason,
              }).then((next) => {
                show(next)
                setOverride({ memberId: '', amount: '', currency: 'EUR', reason: '' })
                setStatus({ ok: true, text: t('dues.scale.overrideSaved') })
              }, failed)
            }}
          >
            {t('dues.scale.setOverride')}
          </Button>
        </Group>
      </Paper>
    </Stack>
  )
}
