import { SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { Controller, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { REGIONS } from '@shared/geo/regions'
import { CURRENCY_CODES } from '@shared/money/currencies'
import { formatAmount } from '@shared/money/format'
import { money } from '@shared/money/money'
import { type ProjectDetail, type ProjectInput, projectInput } from '@shared/projects/schema'
import { FormSelect } from '../../components/FormSelect'
import { RecordForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { fieldMessage } from '../../lib/form'
import { preparedAmount } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'
import { SectorSelect } from './SectorSelect'
import { useProgrammes } from '../programmes/use-programmes'
import { useChannel } from '../../lib/use-api-data'
import { FormDateField } from '../../components/FormDateField'

type FormValues = { [K in keyof ProjectInput]-?: string }

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
  const form = useRecordForm({
    defaults: toFormValues(project, language),
    schema: projectInput,
    prepare: (values) => {
      const cost = preparedAmount('totalCost', values.totalCost, values.currency, language, t)
      const input = { ...values, region: values.region || null, totalCost: cost.value }
      return { input: input as ProjectInput, errors: cost.errors }
    },
    send: (fields: ProjectInput) =>
      project
        ? call('projects.update', { id: project.id, fields })
        : call('projects.create', fields),
    onSaved,
    editedName: project ? (saved) => saved.code : undefined,
  })
  const { field, select } = form
  const currency = useWatch({ control: form.control, name: 'currency' })

  return (
    <RecordForm
      form={form}
      label={t(project ? 'projects.editTitle' : 'projects.newTitle')}
      isNew={!project}
      onCancel={onCancel}
    >
      <TextInput {...field('title', t('projects.field.title'))} withAsterisk data-autofocus />
      <SimpleGrid cols={2}>
        <FormSelect
          {...select('memberId', t('projects.field.member'))}
          data={members.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
          searchable
          required
        />
        <TextInput
          {...field('code', t('projects.field.code'))}
          description={t('projects.codeHint')}
        />
        <Controller
          control={form.control}
          name="sectorCode"
          render={({ field: sector, fieldState }) => (
            <SectorSelect
              label={t('projects.field.sector')}
              value={sector.value || null}
              onChange={(value) => sector.onChange(value ?? '')}
              error={fieldMessage(fieldState.error, t('projects.field.sector'), t, {
                empty: !sector.value,
              })}
              required
            />
          )}
        />
        <FormSelect
          {...select('programme', t('projects.field.programme'))}
          data={programmes.choices(project?.programme)}
          searchable
          required
        />
        <FormSelect
          {...select('region', t('projects.field.region'))}
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          clearable
        />
        <FormSelect
          {...select('nature', t('projects.field.nature'))}
          data={(['investment', 'operating'] as const).map((n) => ({
            value: n,
            label: t(`projects.nature.${n}`),
          }))}
          required
        />
        <FormSelect
          {...select('currency', t('projects.field.currency'))}
          data={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
          searchable
          required
        />
        <TextInput
          {...field('totalCost', `${t('projects.field.totalCost')} (${currency})`)}
          withAsterisk
          inputMode="decimal"
        />
        <FormDateField {...form.date('startsOn', t('projects.field.startsOn'))} />
        <FormDateField {...form.date('endsOn', t('projects.field.endsOn'))} />
        <TextInput {...field('contactName', t('projects.field.contactName'))} />
        <TextInput {...field('contactEmail', t('projects.field.contactEmail'))} type="email" />
        <TextInput {...field('contactPhone', t('projects.field.contactPhone'))} type="tel" />
      </SimpleGrid>
      <Textarea {...field('objectives', t('projects.field.objectives'))} autosize minRows={2} />
      <Textarea {...field('description', t('projects.field.description'))} autosize minRows={2} />
      <TextInput {...field('titleEn', t('projects.field.titleEn'))} />
      <Textarea
        {...field('descriptionEn', t('projects.field.descriptionEn'))}
        autosize
        minRows={2}
      />
    </RecordForm>
  )
}
