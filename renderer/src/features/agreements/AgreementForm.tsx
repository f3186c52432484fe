import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import {
  type AgreementDetail,
  type AgreementInput,
  EARMARKINGS,
  NATURES,
  agreementInput,
} from '@shared/funds/schema'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { basisPointsToPercent } from '@shared/validation/amounts'
import { FormActions } from '../../components/FormActions'
import { FormSelect } from '../../components/FormSelect'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { useEditSavedNotice } from '../../app/use-undo'
import { amountForContract, decimalForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'

type FormValues = { [K in keyof AgreementInput]-?: string }

const FIELD_NAMES = Object.keys(toFormValues(undefined, 'fr'))

/** Creates an agreement or corrects one; the amount is typed the user's way. */
export function AgreementForm({
  agreement,
  onSaved,
  onCancel,
}: {
  agreement?: AgreementDetail
  onSaved: (agreement: AgreementDetail) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const funders = useChannel('funders.list', {}).data ?? []
  const [formError, setFormError] = useState<string | null>(null)

  const toInput = (values: FormValues) => {
    const errors: Record<string, string> = {}
    const amount = amountForContract(values.amount, values.currency, language)
    if (!amount.ok) errors.amount = t(amount.key, { currency: values.currency })
    const input: AgreementInput = {
      ...values,
      amount: amount.ok ? amount.value : '1',
      operatingSharePercent:
        values.nature === 'mixed' ? decimalForContract(values.operatingSharePercent) : '',
      cofinancingPercent: decimalForContract(values.cofinancingPercent),
      indirectCostMaxPercent: decimalForContract(values.indirectCostMaxPercent),
      programmeCode: values.earmarking === 'programme' ? values.programmeCode || null : null,
    } as AgreementInput
    return { input, errors }
  }

  const { register, control, handleSubmit, setError, setValue, formState } = useForm<FormValues>({
    defaultValues: toFormValues(agreement, language),
    resolver: schemaResolver<FormValues>(agreementInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const errors = formState.errors
  // Read while rendering, so that the form follows it (react-hook-form subscribes on read).
  const changed = formState.isDirty
  const editSaved = useEditSavedNotice()
  const nature = useWatch({ control, name: 'nature' })
  const currency = useWatch({ control, name: 'currency' })
  const earmarking = useWatch({ control, name: 'earmarking' })

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    const { input } = toInput(values)
    try {
      const saved = agreement
        ? await call('agreements.update', { id: agreement.id, fields: input })
        : await call('agreements.create', input)
      if (agreement) editSaved(saved.reference, changed)
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELD_NAMES, setError, t('errors.INTERNAL')))
    }
  })

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t(agreement ? 'agreements.editTitle' : 'agreements.newTitle')}
    >
      <Stack>
        <FormError message={formError} />
        <FormSelect
          control={control}
          name="funderId"
          label={t('agreements.field.funder')}
          data={funders.map((f) => ({ value: f.id, label: f.name }))}
          searchable
          required
          onPick={(id) => {
            const funder = funders.find((f) => f.id === id)
            if (funder && !agreement) setValue('currency', funder.defaultCurrency)
          }}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('agreements.field.reference')}
            withAsterisk
            {...register('reference')}
            error={errors.reference?.message}
          />
          <TextInput
            label={t('agreements.field.programme')}
            {...register('programme')}
            error={errors.programme?.message}
          />
        </SimpleGrid>
        <TextInput
          label={t('agreements.field.title')}
          withAsterisk
          {...register('title')}
          error={errors.title?.message}
        />
        <SimpleGrid cols={3}>
          <TextInput
            type="date"
            label={t('agreements.field.signedOn')}
            {...register('signedOn')}
            error={errors.signedOn?.message}
          />
          <TextInput
            type="date"
            label={t('agreements.field.startsOn')}
            withAsterisk
            {...register('startsOn')}
            error={errors.startsOn?.message}
          />
          <TextInput
            type="date"
            label={t('agreements.field.endsOn')}
            withAsterisk
            {...register('endsOn')}
            error={errors.endsOn?.message}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <FormSelect
            control={control}
            name="currency"
            label={t('agreements.field.currency')}
            data={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
            searchable
            required
          />
          <TextInput
            label={`${t('agreements.field.amount')} (${currency})`}
            withAsterisk
            inputMode="decimal"
            {...register('amount')}
            error={errors.amount?.message}
          />
          <FormSelect
            control={control}
            name="earmarking"
            label={t('agreements.field.earmarking')}
            data={EARMARKINGS.map((e) => ({ value: e, label: t(`agreements.earmarking.${e}`) }))}
            required
          />
          {earmarking === 'programme' && (
            <FormSelect
              control={control}
              name="programmeCode"
              label={t('agreements.field.programmeCode')}
              data={programmes.choices(agreement?.programmeCode)}
              required
            />
          )}
          <FormSelect
            control={control}
            name="nature"
            label={t('agreements.field.nature')}
            data={NATURES.map((n) => ({ value: n, label: t(`agreements.nature.${n}`) }))}
            required
          />
          {nature === 'mixed' && (
            <TextInput
              label={t('agreements.field.operatingShare')}
              withAsterisk
              inputMode="decimal"
              {...register('operatingSharePercent')}
              error={errors.operatingSharePercent?.message}
            />
          )}
          <TextInput
            label={t('agreements.field.cofinancing')}
            inputMode="decimal"
            {...register('cofinancingPercent')}
            error={errors.cofinancingPercent?.message}
          />
          <TextInput
            label={t('agreements.field.indirectCostMax')}
            inputMode="decimal"
            {...register('indirectCostMaxPercent')}
            error={errors.indirectCostMaxPercent?.message}
          />
        </SimpleGrid>
        <Textarea
          label={t('agreements.field.notes')}
          autosize
          minRows={2}
          {...register('notes')}
          error={errors.notes?.message}
        />
        <FormActions isNew={!agreement} submitting={formState.isSubmitting} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function toFormValues(agreement: AgreementDetail | undefined, language: 'fr' | 'en'): FormValues {
  const percent = (bp: number | null) => (bp === null ? '' : basisPointsToPercent(bp))
  return {
    funderId: agreement?.funderId ?? '',
    reference: agreement?.reference ?? '',
    title: agreement?.title ?? '',
    signedOn: agreement?.signedOn ?? '',
    startsOn: agreement?.startsOn ?? '',
    endsOn: agreement?.endsOn ?? '',
    currency: agreement?.currency ?? 'EUR',
    amount: agreement
      ? formatAmount(money(agreement.initialAmount, agreement.currency), language)
      : '',
    earmarking: agreement?.earmarking ?? '',
    programme: agreement?.programme ?? '',
    programmeCode: agreement?.programmeCode ?? '',
    nature: agreement?.nature ?? '',
    operatingSharePercent: percent(agreement?.operatingShareBp ?? null),
    cofinancingPercent: percent(agreement?.cofinancingBp ?? null),
    indirectCostMaxPercent: percent(agreement?.indirectCostMaxBp ?? null),
    notes: agreement?.notes ?? '',
  }
}
