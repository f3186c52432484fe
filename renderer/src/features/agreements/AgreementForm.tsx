import { Checkbox, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { Controller, useWatch } from 'react-hook-form'
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
import { FormSelect } from '../../components/FormSelect'
import { RecordForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { decimalForContract, preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'
import { FormDateField } from '../../components/FormDateField'

type FormValues = { [K in keyof AgreementInput]-?: string }

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
  const form = useRecordForm({
    defaults: toFormValues(agreement, language),
    schema: agreementInput,
    prepare: (values) => {
      const amount = preparedAmount('amount', values.amount, values.currency, language, t)
      const input = {
        ...values,
        amount: amount.value,
        operatingSharePercent:
          values.nature === 'mixed' ? decimalForContract(values.operatingSharePercent) : '',
        cofinancingPercent: decimalForContract(values.cofinancingPercent),
        indirectCostMaxPercent: decimalForContract(values.indirectCostMaxPercent),
        programmeCode: values.earmarking === 'programme' ? values.programmeCode || null : null,
        euRules: values.euRules === 'yes',
      }
      return { input: input as AgreementInput, errors: amount.errors }
    },
    send: (input: AgreementInput) =>
      agreement
        ? call('agreements.update', { id: agreement.id, fields: input })
        : call('agreements.create', input),
    onSaved,
    editedName: agreement ? (saved) => saved.reference : undefined,
  })
  const { field, select } = form
  const nature = useWatch({ control: form.control, name: 'nature' })
  const currency = useWatch({ control: form.control, name: 'currency' })
  const earmarking = useWatch({ control: form.control, name: 'earmarking' })

  return (
    <RecordForm
      form={form}
      label={t(agreement ? 'agreements.editTitle' : 'agreements.newTitle')}
      isNew={!agreement}
      onCancel={onCancel}
    >
      <FormSelect
        {...select('funderId', t('agreements.field.funder'))}
        data={funders.map((f) => ({ value: f.id, label: f.name }))}
        searchable
        required
        onPick={(id) => {
          const funder = funders.find((f) => f.id === id)
          if (funder && !agreement) form.setValue('currency', funder.defaultCurrency)
        }}
      />
      <SimpleGrid cols={2}>
        <TextInput {...field('reference', t('agreements.field.reference'))} withAsterisk />
        <TextInput {...field('programme', t('agreements.field.programme'))} />
      </SimpleGrid>
      <TextInput {...field('title', t('agreements.field.title'))} withAsterisk />
      <SimpleGrid cols={3}>
        <FormDateField {...form.date('signedOn', t('agreements.field.signedOn'))} />
        <FormDateField {...form.date('startsOn', t('agreements.field.startsOn'))} withAsterisk />
        <FormDateField {...form.date('endsOn', t('agreements.field.endsOn'))} withAsterisk />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <FormSelect
          {...select('currency', t('agreements.field.currency'))}
          data={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          searchable
          required
        />
        <TextInput
          {...field('amount', `${t('agreements.field.amount')} (${currency})`)}
          withAsterisk
          inputMode="decimal"
        />
        <FormSelect
          {...select('earmarking', t('agreements.field.earmarking'))}
          data={EARMARKINGS.map((e) => ({ value: e, label: t(`agreements.earmarking.${e}`) }))}
          required
        />
        {earmarking === 'programme' && (
          <FormSelect
            {...select('programmeCode', t('agreements.field.programmeCode'))}
            data={programmes.choices(agreement?.programmeCode)}
            required
          />
        )}
        <FormSelect
          {...select('nature', t('agreements.field.nature'))}
          data={NATURES.map((n) => ({ value: n, label: t(`agreements.nature.${n}`) }))}
          required
        />
        {nature === 'mixed' && (
          <TextInput
            {...field('operatingSharePercent', t('agreements.field.operatingShare'))}
            withAsterisk
            inputMode="decimal"
          />
        )}
        <TextInput
          {...field('cofinancingPercent', t('agreements.field.cofinancing'))}
          inputMode="decimal"
        />
        <TextInput
          {...field('indirectCostMaxPercent', t('agreements.field.indirectCostMax'))}
          inputMode="decimal"
        />
      </SimpleGrid>
      <Controller
        control={form.control}
        name="euRules"
        render={({ field: flag }) => (
          <Checkbox
            ref={flag.ref}
            name={flag.name}
            label={t('agreements.field.euRules')}
            description={t('agreements.euRulesHint')}
            checked={flag.value === 'yes'}
            onBlur={flag.onBlur}
            onChange={(event) => flag.onChange(event.currentTarget.checked ? 'yes' : 'no')}
          />
        )}
      />
      <Textarea {...field('notes', t('agreements.field.notes'))} autosize minRows={2} />
    </RecordForm>
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
    euRules: agreement?.euRules ? 'yes' : 'no',
    notes: agreement?.notes ?? '',
  }
}
