import { SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { FUNDER_KINDS, type Funder, type FunderInput, funderInput } from '@shared/funders/schema'
import { countryOptions } from '@shared/geo/country-names'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { FormSelect } from '../../components/FormSelect'
import { RecordForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'

type FormValues = {
  [K in keyof FunderInput]-?: string
}

function toFormValues(funder?: Funder): FormValues {
  return {
    name: funder?.name ?? '',
    acronym: funder?.acronym ?? '',
    kind: funder?.kind ?? '',
    country: funder?.country ?? '',
    defaultCurrency: funder?.defaultCurrency ?? 'EUR',
    contactName: funder?.contactName ?? '',
    contactEmail: funder?.contactEmail ?? '',
    contactPhone: funder?.contactPhone ?? '',
    notes: funder?.notes ?? '',
  }
}

/** Creates a funder, or edits one; every field checked as it is typed, and again by the core. */
export function FunderForm({
  funder,
  onSaved,
  onCancel,
}: {
  funder?: Funder
  onSaved: (funder: Funder) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const form = useRecordForm({
    defaults: toFormValues(funder),
    schema: funderInput,
    send: (input: FunderInput) =>
      funder ? call('funders.update', { id: funder.id, ...input }) : call('funders.create', input),
    onSaved,
    editedName: funder ? (saved) => saved.name : undefined,
  })
  const { field, select } = form
  const countries = useMemo(
    () => countryOptions(language).map((c) => ({ value: c.code, label: c.name })),
    [language],
  )
  const kinds = FUNDER_KINDS.map((kind) => ({ value: kind, label: t(`funders.kind.${kind}`) }))
  const currencies = CURRENCY_CODES.map((code) => ({ value: code, label: code }))

  return (
    <RecordForm
      form={form}
      label={t(funder ? 'funders.editTitle' : 'funders.newTitle')}
      isNew={!funder}
      onCancel={onCancel}
    >
      <TextInput {...field('name', t('funders.field.name'))} withAsterisk data-autofocus />
      <SimpleGrid cols={2}>
        <TextInput {...field('acronym', t('funders.field.acronym'))} />
        <FormSelect {...select('kind', t('funders.field.kind'))} data={kinds} required />
        <FormSelect
          {...select('country', t('funders.field.country'))}
          data={countries}
          searchable
          clearable
        />
        <FormSelect
          {...select('defaultCurrency', t('funders.field.defaultCurrency'))}
          data={currencies}
          searchable
          required
        />
        <TextInput {...field('contactName', t('funders.field.contactName'))} />
        <TextInput {...field('contactEmail', t('funders.field.contactEmail'))} type="email" />
        <TextInput {...field('contactPhone', t('funders.field.contactPhone'))} type="tel" />
      </SimpleGrid>
      <Textarea {...field('notes', t('funders.field.notes'))} autosize minRows={2} maxRows={6} />
    </RecordForm>
  )
}
