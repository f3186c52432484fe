import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { REGIONS } from '@shared/geo/regions'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type ProjectDetail, type ProjectInput, projectInput } from '@shared/projects/schema'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { call } from '../../lib/api'
import { useEditSavedNotice } from '../../app/use-undo'
import { amountForContract } from '../../lib/amount-input'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { SectorSelect } from './SectorSelect'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'

type FormValues = { [K in keyof ProjectInput]-?: string }

const FIELD_NAMES = Object.keys(projectInput.shape)

function toFormValues(project: ProjectDetail | undefined, language: 'fr' | 'en'): FormValues {
  return {
    code: project?.code ?? '',
    title: project?.title ?? '',
    memberId: project?.memberId ?? '',
    region: project?.region ?? '',
    sectorCode: project?.sectorCode ?? '',
    programme: project?.programme ?? '',
    nature: project?.nature ?? 'investment',
    currency: project?.currency ?? 'EUR',
    totalCost: project ? formatAmount(money(project.totalCost, project.currency), language) : '',
    startsOn: project?.startsOn ?? '',
    endsOn: project?.endsOn ?? '',
    objectives: project?.objectives ?? '',
    description: project?.description ?? '',
    titleEn: project?.titleEn ?? '',
    descriptionEn: project?.descriptionEn ?? '',
    contactName: project?.contactName ?? '',
    contactEmail: project?.contactEmail ?? '',
    contactPhone: project?.contactPhone ?? '',
  }
}

/** Creates a project (en instruction) for a member, or edits one still open. */
export function ProjectForm({
  project,
  onSaved,
  onCancel,
}: {
  project?: ProjectDetail
  onSaved: (project: ProjectDetail) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
  const members = useChannel('members.list', {}).data ?? []
  const [formError, setFormError] = useState<string | null>(null)

  const toInput = (values: FormValues) => {
    const errors: Record<string, string> = {}
    const cost = amountForContract(values.totalCost, values.currency, language)
    if (!cost.ok) errors.totalCost = t(cost.key, { currency: values.currency })
    const input = {
      ...values,
      region: values.region || null,
      totalCost: cost.ok ? cost.value : '1',
    } as ProjectInput
    return { input, errors }
  }
  const { register, control, handleSubmit, setError, formState } = useForm<FormValues>({
    defaultValues: toFormValues(project, language),
    resolver: schemaResolver<FormValues>(projectInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const currency = useWatch({ control, name: 'currency' })
  const errors = formState.errors
  // Read while rendering, so that the form follows it (react-hook-form subscribes on read).
  const changed = formState.isDirty
  const editSaved = useEditSavedNotice()

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    const fields = toInput(values).input
    try {
      const saved = project
        ? await call('projects.update', { id: project.id, fields })
        : await call('projects.create', fields)
      if (project) editSaved(saved.code, changed)
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELD_NAMES, setError, t('errors.INTERNAL')))
    }
  })

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t(project ? 'projects.editTitle' : 'projects.newTitle')}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput
          label={t('projects.field.title')}
          withAsterisk
          {...register('title')}
          error={errors.title?.message}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <FormSelect
            control={control}
            name="memberId"
            label={t('projects.field.member')}
            data={members.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
            searchable
            required
          />
          <TextInput
            label={t('projects.field.code')}
            description={t('projects.codeHint')}
            {...register('code')}
            error={errors.code?.message}
          />
          <Controller
            control={control}
            name="sectorCode"
            render={({ field, fieldState }) => (
              <SectorSelect
                label={t('projects.field.sector')}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                error={fieldState.error?.message}
                required
              />
            )}
          />
          <FormSelect
            control={control}
            name="programme"
            label={t('projects.field.programme')}
            data={programmes.choices(project?.programme)}
            searchable
            required
          />
          <FormSelect
            control={control}
            name="region"
            label={t('projects.field.region')}
            data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
            clearable
          />
          <FormSelect
            control={control}
            name="nature"
            label={t('projects.field.nature')}
            data={(['investment', 'operating'] as const).map((n) => ({
              value: n,
              label: t(`projects.nature.${n}`),
            }))}
            required
          />
          <FormSelect
            control={control}
            name="currency"
            label={t('projects.field.currency')}
            data={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
            searchable
            required
          />
          <TextInput
            label={`${t('projects.field.totalCost')} (${currency})`}
            withAsterisk
            inputMode="decimal"
            {...register('totalCost')}
            error={errors.totalCost?.message}
          />
          <TextInput
            type="date"
            label={t('projects.field.startsOn')}
            {...register('startsOn')}
            error={errors.startsOn?.message}
          />
          <TextInput
            type="date"
            label={t('projects.field.endsOn')}
            {...register('endsOn')}
            error={errors.endsOn?.message}
          />
          <TextInput
            label={t('projects.field.contactName')}
            {...register('contactName')}
            error={errors.contactName?.message}
          />
          <TextInput
            label={t('projects.field.contactEmail')}
            type="email"
            {...register('contactEmail')}
            error={errors.contactEmail?.message}
          />
          <TextInput
            label={t('projects.field.contactPhone')}
            type="tel"
            {...register('contactPhone')}
            error={errors.contactPhone?.message}
          />
        </SimpleGrid>
        <Textarea
          label={t('projects.field.objectives')}
          autosize
          minRows={2}
          {...register('objectives')}
          error={errors.objectives?.message}
        />
        <Textarea
          label={t('projects.field.description')}
          autosize
          minRows={2}
          {...register('description')}
          error={errors.description?.message}
        />
        <TextInput
          label={t('projects.field.titleEn')}
          {...register('titleEn')}
          error={errors.titleEn?.message}
        />
        <Textarea
          label={t('projects.field.descriptionEn')}
          autosize
          minRows={2}
          {...register('descriptionEn')}
          error={errors.descriptionEn?.message}
        />
        <FormActions isNew={!project} submitting={formState.isSubmitting} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
