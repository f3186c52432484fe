import {
  ActionIcon,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type AgreementDetail,
  HEADING_ROLES,
  type Heading,
  type HeadingRole,
} from '@shared/funds/schema'
import { formatAmount, formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { ActionButton } from '../../components/ActionButton'
import { Amount } from '../../components/Amount'
import { FormError } from '../../components/FormError'
import { ApiError, call, errorMessage } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'

interface Line {
  /** The saved heading's (its row is marked when the journal's « Voir » names it); none if new. */
  id: string | null
  code: string
  label: string
  role: HeadingRole
  amount: string
}

/** The funder's own budget headings: start from a structure, edit, save; caps checked by the core. */
export function HeadingsSection({
  agreement,
  onSaved,
}: {
  agreement: AgreementDetail
  onSaved: (a: AgreementDetail, message: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const currency = agreement.currency
  const budget = agreement.budget
  const linesOf = (headings: Heading[]): Line[] =>
    headings.map((h) => ({
      id: h.id,
      code: h.code,
      label: h.label,
      role: h.role,
      amount: formatAmount(money(h.amount, currency), language),
    }))
  const [lines, setLines] = useState<Line[]>(() => linesOf(budget.headings))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const editable = agreement.archivedAt === null

  async function applyTemplate(template: 'eu' | 'objectives') {
    try {
      const next = await call('agreements.applyHeadingTemplate', {
        agreementId: agreement.id,
        template,
      })
      setLines(linesOf(next.budget.headings))
      onSaved(next, t('headings.saved'))
    } catch (failure) {
      setFormError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  async function save() {
    setFormError(null)
    const found: Record<string, string> = {}
    const headings = lines.map((line, index) => {
      const amount =
        line.amount.trim() === ''
          ? { ok: true as const, value: '0' }
          : amountForContract(line.amount, currency, language, true)
      if (!amount.ok) found[`headings.${index}.amount`] = t(amount.key, { currency })
      const { code, label, role } = line
      return { code, label, role, amount: amount.ok ? amount.value : '0' }
    })
    setErrors(found)
    if (Object.keys(found).length > 0) return
    try {
      onSaved(
        await call('agreements.saveHeadings', { agreementId: agreement.id, headings }),
        t('headings.saved'),
      )
    } catch (failure) {
      if (failure instanceof ApiError && failure.error.fields?.length) {
        setErrors(Object.fromEntries(failure.error.fields.map((f) => [f.path, f.message])))
        return
      }
      setFormError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }

  const update = (index: number, patch: Partial<Line>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)))

  return (
    <section aria-labelledby="agreement-headings">
      <Title order={2} size="h4" id="agreement-headings" mb="xs">
        {t('headings.title')}
      </Title>
      <FormError message={formError} />
      {lines.length === 0 ? (
        <Stack gap="xs" align="flex-start">
          <Text c="dimmed">{t('headings.none')}</Text>
          {editable && (
            <Group>
              <ActionButton variant="light" onClick={() => void applyTemplate('eu')}>
                {t('headings.euTemplate')}
              </ActionButton>
              <ActionButton variant="light" onClick={() => void applyTemplate('objectives')}>
                {t('headings.objectivesTemplate')}
              </ActionButton>
            </Group>
          )}
        </Stack>
      ) : (
        <Stack gap="xs">
          <Table withTableBorder aria-label={t('headings.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('headings.code')}</Table.Th>
                <Table.Th>{t('headings.label')}</Table.Th>
                <Table.Th w={200}>{t('headings.role')}</Table.Th>
                <Table.Th w={200} ta="right">
                  {t('headings.amount', { currency })}
                </Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => (
                <Table.Tr key={index} data-record-id={line.id ?? undefined}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('headings.code')}
                      value={line.code}
                      onChange={(e) => update(index, { code: e.currentTarget.value })}
                      disabled={!editable}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('headings.label')}
                      value={line.label}
                      onChange={(e) => update(index, { label: e.currentTarget.value })}
                      disabled={!editable}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      size="xs"
                      aria-label={t('headings.role')}
                      value={line.role}
                      onChange={(e) =>
                        update(index, { role: e.currentTarget.value as HeadingRole })
                      }
                      data={HEADING_ROLES.map((role) => ({
                        value: role,
                        label: t(`headings.roles.${role}`),
                      }))}
                      disabled={!editable}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={`${t('headings.amount', { currency })} ${line.code}`}
                      inputMode="decimal"
                      styles={{ input: { textAlign: 'right' } }}
                      value={line.amount}
                      onChange={(e) => update(index, { amount: e.currentTarget.value })}
                      error={errors[`headings.${index}.amount`]}
                      disabled={!editable}
                    />
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('headings.removeLine', { code: line.code })}
                        onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table maw={640} aria-label={t('headings.total')}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('headings.directSubtotal')}</Table.Th>
                <Table.Td ta="right">
                  <Amount minor={budget.directSubtotal} currency={currency} />
                </Table.Td>
              </Table.Tr>
              {budget.indirectCap !== null && (
                <Table.Tr>
                  <Table.Td>
                    {t('headings.indirectCap', {
                      cap: formatMoney(money(budget.indirectCap, currency), language),
                    })}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Amount minor={budget.indirect} currency={currency} />
                  </Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Td>
                  {t('headings.contingencyCap', {
                    cap: formatMoney(money(budget.contingencyCap, currency), language),
                  })}
                </Table.Td>
                <Table.Td ta="right">
                  <Amount minor={budget.contingency} currency={currency} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('headings.total')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  <Amount minor={budget.total} currency={currency} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {editable && (
            <Group>
              <ActionButton
                variant="default"
                onClick={() =>
                  setLines((current) => [
                    ...current,
                    {
                      id: null,
                      code: String(current.length + 1),
                      label: '',
                      role: 'direct',
                      amount: '',
                    },
                  ])
                }
              >
                {t('headings.addLine')}
              </ActionButton>
              <ActionButton onClick={() => void save()}>{t('common.save')}</ActionButton>
            </Group>
          )}
        </Stack>
      )}
    </section>
  )
}
