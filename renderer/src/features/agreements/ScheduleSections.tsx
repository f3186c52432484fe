import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import {
  type AgreementDetail,
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportStatus,
} from '@shared/funds/schema'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { ApiError, call, errorMessage } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { useLanguage } from '../../lib/use-language'

type Saved = (a: AgreementDetail, message: string) => void

function fieldErrors(failure: unknown): Record<string, string> {
  return failure instanceof ApiError
    ? Object.fromEntries((failure.error.fields ?? []).map((f) => [f.path, f.message]))
    : {}
}

/** The reports due to the funder: plan them, mark them sent or accepted. */
export function ReportsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: Saved
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [draft, setDraft] = useState({ kind: 'interim', dueOn: '', periodFrom: '', periodTo: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLDivElement>(errors)
  const [error, setError] = useState<string | null>(null)
  const editable = agreement.archivedAt === null

  async function add() {
    try {
      const next = await call('agreements.addReport', {
        agreementId: agreement.id,
        ...draft,
        kind: draft.kind as 'interim' | 'final',
      })
      setErrors({})
      setDraft({ kind: 'interim', dueOn: '', periodFrom: '', periodTo: '' })
      onSaved(next, t('common.saved'))
    } catch (failure) {
      setErrors(fieldErrors(failure))
      if (!(failure instanceof ApiError && failure.error.fields))
        setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  async function setStatus(id: string, status: ReportStatus) {
    try {
      onSaved(await call('agreements.setReportStatus', { id, status }), t('common.saved'))
    } catch (failure) {
      setError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  return (
    <section aria-labelledby="agreement-reports">
      <Title order={2} size="h4" id="agreement-reports" mb="xs">
        {t('reports.title')}
      </Title>
      {error && <Text c="red">{error}</Text>}
      {agreement.reports.length === 0 ? (
        <Text c="dimmed">{t('reports.none')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('reports.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.kind')}</Table.Th>
              <Table.Th>{t('reports.dueOn')}</Table.Th>
              <Table.Th>{t('reports.periodFrom')}</Table.Th>
              <Table.Th>{t('reports.status')}</Table.Th>
              <Table.Th>{t('reports.sentOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.reports.map((r) => (
              <Table.Tr key={r.id} data-record-id={r.id}>
                <Table.Td>{t(`reports.kinds.${r.kind}`)}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {formatDate(r.dueOn, language)}
                    {r.overdue && (
                      <Badge color="red" size="sm">
                        {t('reports.overdue')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {r.periodFrom
                    ? `${formatDate(r.periodFrom, language)} – ${formatDate(r.periodTo, language)}`
                    : ''}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    size="xs"
                    aria-label={`${t('reports.status')} ${t(`reports.kinds.${r.kind}`)} ${r.dueOn}`}
                    value={r.status}
                    disabled={!editable}
                    onChange={(e) => void setStatus(r.id, e.currentTarget.value as ReportStatus)}
                    data={REPORT_STATUSES.map((s) => ({
                      value: s,
                      label: t(`reports.statuses.${s}`),
                    }))}
                  />
                </Table.Td>
                <Table.Td>{formatDate(r.sentOn, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Paper withBorder p="sm" mt="sm">
          <SimpleGrid cols={{ base: 2, lg: 5 }} ref={refusals}>
            <NativeSelect
              label={t('reports.kind')}
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value })}
              data={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))}
            />
            <TextInput
              type="date"
              label={t('reports.dueOn')}
              value={draft.dueOn}
              onChange={(e) => setDraft({ ...draft, dueOn: e.currentTarget.value })}
              error={errors.dueOn}
            />
            <TextInput
              type="date"
              label={t('reports.periodFrom')}
              value={draft.periodFrom}
              onChange={(e) => setDraft({ ...draft, periodFrom: e.currentTarget.value })}
              error={errors.periodFrom}
            />
            <TextInput
              type="date"
              label={t('reports.periodTo')}
              value={draft.periodTo}
              onChange={(e) => setDraft({ ...draft, periodTo: e.currentTarget.value })}
              error={errors.periodTo}
            />
            <ActionButton mt={24} variant="light" onClick={() => void add()}>
              {t('reports.add')}
            </ActionButton>
          </SimpleGrid>
        </Paper>
      )}
    </section>
  )
}

/** The instalments the funder plans to pay, each against what had been received by its date. */
export function InstalmentsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: Saved
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = agreement.currency
  const [draft, setDraft] = useState({ expectedOn: '', amount: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLDivElement>(errors)
  const editable = agreement.archivedAt === null

  async function add() {
    const amount = amountForContract(draft.amount, currency, language)
    if (!amount.ok) {
      setErrors({ amount: t(amount.key, { currency }) })
      return
    }
    try {
      onSaved(
        await call('agreements.addInstalment', {
          agreementId: agreement.id,
          expectedOn: draft.expectedOn,
          amount: amount.value,
        }),
        t('common.saved'),
      )
      setErrors({})
      setDraft({ expectedOn: '', amount: '' })
    } catch (failure) {
      setErrors(fieldErrors(failure))
    }
  }
  async function remove(id: string) {
    onSaved(await call('agreements.removeInstalment', { id }), t('common.saved'))
  }

  return (
    <section aria-labelledby="agreement-instalments">
      <Title order={2} size="h4" id="agreement-instalments" mb="xs">
        {t('instalments.title')}
      </Title>
      {agreement.instalments.length === 0 ? (
        <Text c="dimmed">{t('instalments.none')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('instalments.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('instalments.expectedOn')}</Table.Th>
              <Table.Th ta="right">{t('instalments.amount', { currency })}</Table.Th>
              <Table.Th ta="right">{t('instalments.cumulativeExpected')}</Table.Th>
              <Table.Th ta="right">{t('instalments.cumulativeReceived')}</Table.Th>
              <Table.Th ta="right">{t('instalments.gap')}</Table.Th>
              <Table.Th>{t('instalments.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.instalments.map((i) => (
              <Table.Tr key={i.id} data-record-id={i.id}>
                <Table.Td>{formatDate(i.expectedOn, language)}</Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.amount} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeExpected} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeReceived} currency={currency} />
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={i.cumulativeReceived - i.cumulativeExpected} currency={currency} />
                </Table.Td>
                {/* Coloured by what is late today, not by what came after its date. */}
                <Table.Td
                  c={i.state === 'late' ? 'red.8' : i.state === 'received' ? 'green.8' : undefined}
                  data-state={i.state}
                >
                  {t(`instalments.state_${i.state}`, {
                    amount: formatMoney(money(i.missing, currency), language),
                  })}
                </Table.Td>
                <Table.Td>
                  {editable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void remove(i.id)}
                    >
                      {t('instalments.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Paper withBorder p="sm" mt="sm">
          <SimpleGrid cols={{ base: 2, lg: 3 }} ref={refusals}>
            <TextInput
              type="date"
              label={t('instalments.expectedOn')}
              value={draft.expectedOn}
              onChange={(e) => setDraft({ ...draft, expectedOn: e.currentTarget.value })}
              error={errors.expectedOn}
            />
            <TextInput
              label={t('instalments.amount', { currency })}
              inputMode="decimal"
              value={draft.amount}
              onChange={(e) => setDraft({ ...draft, amount: e.currentTarget.value })}
              error={errors.amount}
            />
            <ActionButton mt={24} variant="light" onClick={() => void add()}>
              {t('instalments.add')}
            </ActionButton>
          </SimpleGrid>
        </Paper>
      )}
    </section>
  )
}
