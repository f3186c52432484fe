import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { FUNDER_KINDS, type Funder, type FunderInput, funderInput } from '@shared/funders/schema'
import { countryOptions } from '@shared/geo/country-names'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { isLanguage } from '@shared/i18n/locale'
import { FormActions } from '../../components/FormActions'
import { FormSelect } from '../../components/FormSelect'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { useEditSavedNotice } from '../../app/use-undo'
import { applyServerErrors, schemaResolver } from '../../lib/form'

type FormValues = {
  [K in keyof FunderInput]-?: string
}

const FIELD_NAMES = Object.keys(funderInput.shape)

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
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'fr'
  const [formError, setFormError] = useState<string | null>(null)
  const { register, control, handleSubmit, setError, formState } = useForm<FormValues>({
    defaultValues: toFormValues(funder),
    resolver: schemaResolver<FormValues>(funderInput, t),
    // Validated on submit, then again as each field changes: validating on blur races the submit.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const countries = useMemo(
    () => countryOptions(language).map((c) => ({ value: c.code, label: c.name })),
    [language],
  )
  const kinds = FUNDER_KINDS.map((kind) => ({ value: kind, label: t(`funders.kind.${kind}`) }))
  const currencies = CURRENCY_CODES.map((code) => ({ value: code, label: code }))
  const errors = formState.errors
  // Read while rendering, so that the form follows it (react-hook-form subscribes on read).
  const changed = formState.isDirty
  const editSaved = useEditSavedNotice()

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    const input = values as FunderInput
    try {
      const saved = funder
        ? await call('funders.update', { id: funder.id, ...input })
        : await call('funders.create', input)
      if (funder) editSaved(saved.name, changed)
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELD_NAMES, setError, t('errors.INTERNAL')))
    }
  })

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t(funder ? 'funders.editTitle' : 'funders.newTitle')}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput
          label={t('funders.field.name')}
          withAsterisk
          {...register('name')}
          error={errors.name?.message}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('funders.field.acronym')}
            {...register('acronym')}
            error={errors.acronym?.message}
          />
          <FormSelect
            control={control}
            name="kind"
            label={t('funders.field.kind')}
            data={kinds}
            required
          />
          <FormSelect
            control={control}
            name="country"
            label={t('funders.field.country')}
            data={countries}
            searchable
            clearable
          />
          <FormSelect
            control={control}
            name="defaultCurrency"
            label={t('funders.field.defaultCurrency')}
            data={currencies}
            searchable
            required
          />
          <TextInput
            label={t('funders.field.contactName')}
            {...register('contactName')}
            error={errors.contactName?.message}
          />
          <TextInput
            label={t('funders.field.contactEmail')}
            type="email"
            {...register('contactEmail')}
            error={errors.contactEmail?.message}
          />
          <TextInput
            label={t('funders.field.contactPhone')}
            type="tel"
            {...register('contactPhone')}
            error={errors.contactPhone?.message}
          />
        </SimpleGrid>
        <Textarea
          label={t('funders.field.notes')}
          autosize
          minRows={2}
          maxRows={6}
          {...register('notes')}
          error={errors.notes?.message}
        />
        <FormActions isNew={!funder} submitting={formState.isSubmitting} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
