import { Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { countryOptions } from '@shared/geo/country-names'
import { REGIONS } from '@shared/geo/regions'
import {
  LEADER_CIVILITIES,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  type Member,
  type MemberInput,
  memberInput,
} from '@shared/members/schema'
import { FormActions } from '../../components/FormActions'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { call } from '../../lib/api'
import { useEditSavedNotice } from '../../app/use-undo'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'

type FormValues = { [K in keyof MemberInput]-?: string }

const FIELD_NAMES = Object.keys(memberInput.shape)

function toFormValues(member?: Member): FormValues {
  return {
    code: member?.code ?? '',
    kind: member?.kind ?? 'city',
    name: member?.name ?? '',
    country: member?.country ?? '',
    region: member?.region ?? '',
    population: member?.population?.toString() ?? '',
    populationYear: member?.populationYear?.toString() ?? '',
    leaderName: member?.leaderName ?? '',
    leaderCivility: member?.leaderCivility ?? '',
    address: member?.address ?? '',
    email: member?.email ?? '',
    phone: member?.phone ?? '',
    joinedOn: member?.joinedOn ?? '',
    status: member?.status ?? 'active',
    statusOn: member?.statusOn ?? '',
    statusReason: member?.statusReason ?? '',
    notes: member?.notes ?? '',
  }
}

/** Whole numbers typed with or without spaces ("1 200 000"); empty is none. */
function wholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '')
  return compact === '' ? null : Number(compact)
}

/** Creates a member or edits one: identity, place, population, leader, standing. */
export function MemberForm({
  member,
  onSaved,
  onCancel,
}: {
  member?: Member
  onSaved: (member: Member) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [formError, setFormError] = useState<string | null>(null)
  const toInput = (values: FormValues) => ({
    input: {
      ...values,
      region: values.region || null,
      leaderCivility: values.leaderCivility || null,
      population: wholeNumber(values.population),
      populationYear: wholeNumber(values.populationYear),
    },
    errors: {},
  })
  const { register, control, handleSubmit, setError, formState } = useForm<FormValues>({
    defaultValues: toFormValues(member),
    resolver: schemaResolver<FormValues>(memberInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const status = useWatch({ control, name: 'status' })
  const countries = useMemo(
    () => countryOptions(language).map((c) => ({ value: c.code, label: c.name })),
    [language],
  )
  const errors = formState.errors
  // Read while rendering, so that the form follows it (react-hook-form subscribes on read).
  const changed = formState.isDirty
  const editSaved = useEditSavedNotice()

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    const fields = toInput(values).input as MemberInput
    try {
      const saved = member
        ? await call('members.update', { id: member.id, fields })
        : await call('members.create', fields)
      if (member) editSaved(saved.name, changed)
      onSaved(saved)
    } catch (failure) {
      setFormError(applyServerErrors(failure, FIELD_NAMES, setError, t('errors.INTERNAL')))
    }
  })

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t(member ? 'members.editTitle' : 'members.newTitle')}
    >
      <Stack>
        <FormError message={formError} />
        <TextInput
          label={t('members.field.name')}
          withAsterisk
          {...register('name')}
          error={errors.name?.message}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('members.field.code')}
            description={t('members.codeHint')}
            {...register('code')}
            error={errors.code?.message}
          />
          <FormSelect
            control={control}
            name="kind"
            label={t('members.field.kind')}
            data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) }))}
            required
          />
          <FormSelect
            control={control}
            name="country"
            label={t('members.field.country')}
            data={countries}
            searchable
            clearable
          />
          <FormSelect
            control={control}
            name="region"
            label={t('members.field.region')}
            data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
            clearable
          />
          <TextInput
            label={t('members.field.population')}
            inputMode="numeric"
            {...register('population')}
            error={errors.population?.message}
          />
          <TextInput
            label={t('members.field.populationYear')}
            inputMode="numeric"
            {...register('populationYear')}
            error={errors.populationYear?.message}
          />
          <TextInput
            label={t('members.field.leaderName')}
            {...register('leaderName')}
            error={errors.leaderName?.message}
          />
          <FormSelect
            control={control}
            name="leaderCivility"
            label={t('members.field.leaderCivility')}
            data={LEADER_CIVILITIES.map((c) => ({
              value: c,
              label: t(`members.field.civility_${c}`),
            }))}
            clearable
          />
          <TextInput
            type="date"
            label={t('members.field.joinedOn')}
            {...register('joinedOn')}
            error={errors.joinedOn?.message}
          />
          <TextInput
            label={t('members.field.email')}
            type="email"
            {...register('email')}
            error={errors.email?.message}
          />
          <TextInput
            label={t('members.field.phone')}
            type="tel"
            {...register('phone')}
            error={errors.phone?.message}
          />
        </SimpleGrid>
        <TextInput
          label={t('members.field.address')}
          {...register('address')}
          error={errors.address?.message}
        />
        <Group grow align="flex-start">
          <FormSelect
            control={control}
            name="status"
            label={t('members.field.status')}
            data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))}
            required
          />
          <TextInput
            type="date"
            label={t('members.field.statusOn')}
            {...register('statusOn')}
            error={errors.statusOn?.message}
          />
        </Group>
        {status !== 'active' && (
          <TextInput
            label={t('members.field.statusReason')}
            withAsterisk
            {...register('statusReason')}
            error={errors.statusReason?.message}
          />
        )}
        <Textarea
          label={t('members.field.notes')}
          autosize
          minRows={2}
          maxRows={6}
          {...register('notes')}
          error={errors.notes?.message}
        />
        <FormActions isNew={!member} submitting={formState.isSubmitting} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
