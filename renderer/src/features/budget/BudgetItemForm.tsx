import { ActionIcon, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  BUDGET_TRACKING,
  type BudgetItem,
  type BudgetView,
  budgetItemInput,
} from '@shared/budget/schema'
import type { Agreement } from '@shared/funds/schema'
import { minorToDecimalString } from '@shared/money/decimal'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { call } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { useAgreementChoices } from '../agreements/agreement-choices'

interface Values {
  kind: 'chapter' | 'line'
  parentId: string
  code: string
  label: string
  direction: 'income' | 'expense'
  nature: 'operating' | 'investment'
  planned: string
  tracks: string
  note: string
  sources: { agreementId: string; amount: string }[]
}

const UNTIED = 'untied'

/** Adds or changes a chapter or a line of the budget, with its planned sources for a line. */
export function BudgetItemForm({
  view,
  item,
  kind,
  agreements,
  onSaved,
  onCancel,
}: {
  view: BudgetView
  item: BudgetItem | null
  kind: 'chapter' | 'line'
  agreements: Agreement[]
  onSaved: (view: BudgetView) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const agreementChoices = useAgreementChoices(agreements)
  const language = useLanguage()
  const [formError, setFormError] = useState<string | null>(null)
  const euros = (minor: number) => minorToDecimalString(minor, 2)
  const defaults: Values = {
    kind,
    parentId: item?.parentId ?? '',
    code: item?.code ?? '',
    label: item?.label ?? '',
    direction: item?.direction ?? 'expense',
    nature: item?.nature ?? 'operating',
    planned: item && item.kind === 'line' ? euros(item.figures.planned) : '',
    tracks: item?.tracks ?? '',
    note: item?.note ?? '',
    sources: (item?.sources ?? []).map((s) => ({
      agreementId: s.agreementId ?? UNTIED,
      amount: euros(s.amount),
    })),
  }
  const toInput = (values: Values) => {
    const errors: Record<string, string> = {}
    const decimal = (text: string, path: string, allowNegative = false) => {
      const parsed = amountForContract(text, 'EUR', language, allowNegative)
      if (parsed.ok) return parsed.value
      errors[path] = t(parsed.key, { currency: 'EUR' })
      return '0'
    }
    return {
      input: {
        versionId: view.version.id,
        id: item?.id ?? null,
        parentId: values.parentId || null,
        kind: values.kind,
        code: values.code,
        label: values.label,
        direction: values.direction,
        nature: values.nature,
        planned: values.kind === 'line' ? decimal(values.planned || '0', 'planned', true) : '0',
        tracks: values.kind === 'line' ? values.tracks || null : null,
        note: values.note || null,
        sources:
          values.kind === 'line'
            ? values.sources.map((s, index) => ({
                agreementId: s.agreementId === UNTIED ? null : s.agreementId,
                amount: decimal(s.amount, `sources.${index}.amount`),
              }))
            : [],
      },
      errors,
    }
  }
  const form = useForm<Values>({
    defaultValues: defaults,
    resolver: schemaResolver<Values>(budgetItemInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const sources = useFieldArray({ control: form.control, name: 'sources' })
  const direction = useWatch({ control: form.control, name: 'direction' })
  const errors = form.formState.errors
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      onSaved(await call('budget.saveItem', toInput(values).input as never))
    } catch (failure) {
      setFormError(
        applyServerErrors(
          failure,
          [...Object.keys(defaults), ...values.sources.map((_, i) => `sources.${i}.amount`)],
          form.setError,
          t('errors.INTERNAL'),
        ),
      )
    }
  })
  const chapters = view.items.filter((i) => i.kind === 'chapter' && i.id !== item?.id)
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('budget.form.itemTitle')}
    >
      <Stack gap="sm">
        <FormError message={formError} />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('budget.form.code')}
            withAsterisk
            {...form.register('code')}
            error={errors.code?.message}
          />
          <FormSelect
            control={form.control}
            name="parentId"
            label={t('budget.form.parent')}
            data={[
              { value: '', label: t('budget.form.noParent') },
              ...chapters.map((c) => ({ value: c.id, label: `${c.code} — ${c.label}` })),
            ]}
          />
        </SimpleGrid>
        <TextInput
          label={t('budget.form.label')}
          withAsterisk
          {...form.register('label')}
          error={errors.label?.message}
        />
        <SimpleGrid cols={2}>
          <FormSelect
            control={form.control}
            name="direction"
            label={t('budget.form.direction')}
            data={(['expense', 'income'] as const).map((d) => ({
              value: d,
              label: t(`budget.direction.${d}`),
            }))}
            required
          />
          <FormSelect
            control={form.control}
            name="nature"
            label={t('budget.form.nature')}
            data={(['operating', 'investment'] as const).map((n) => ({
              value: n,
              label: t(`budget.nature.${n}`),
            }))}
            required
          />
        </SimpleGrid>
        {kind === 'line' && (
          <>
            <SimpleGrid cols={2}>
              <TextInput
                label={t('budget.form.planned')}
                withAsterisk
                inputMode="decimal"
                {...form.register('planned')}
                error={errors.planned?.message}
              />
              <FormSelect
                control={form.control}
                name="tracks"
                label={t('budget.form.tracks')}
                data={BUDGET_TRACKING[direction].map((k) => ({
                  value: k,
                  label: t(`budget.tracks.${k}`),
                }))}
              />
            </SimpleGrid>
            <Stack gap={4}>
              {sources.fields.map((field, index) => (
                <Group key={field.id} align="end" wrap="nowrap">
                  <FormSelect
                    control={form.control}
                    name={`sources.${index}.agreementId`}
                    label={t('budget.form.sourceFund')}
                    data={[
                      { value: UNTIED, label: t('budget.form.untiedFund') },
                      ...agreementChoices,
                    ]}
                    searchable
                  />
                  <TextInput
                    label={t('budget.form.sourceAmount')}
                    inputMode="decimal"
                    {...form.register(`sources.${index}.amount`)}
                    error={errors.sources?.[index]?.amount?.message}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('budget.action.remove')}
                    onClick={() => sources.remove(index)}
                    mb={4}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="subtle"
                  size="xs"
                  onClick={() => sources.append({ agreementId: UNTIED, amount: '' })}
                >
                  {t('budget.form.addSource')}
                </Button>
              </Group>
              {errors.sources?.message && (
                <Text c="red" size="sm" role="alert">
                  {errors.sources.message}
                </Text>
              )}
            </Stack>
          </>
        )}
        <TextInput label={t('budget.form.note')} {...form.register('note')} />
        <FormActions
          isNew={item === null}
          submitting={form.formState.isSubmitting}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}
