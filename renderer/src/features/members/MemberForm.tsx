import { Group, SimpleGrid, TextInput, Textarea } from '@mantine/core'
import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
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
import { FormSelect } from '../../components/FormSelect'
import { RecordForm } from '../../components/RecordForm'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecordForm } from '../../lib/use-record-form'
import { FormDateField } from '../../components/FormDateField'

type FormValues = { [K in keyof MemberInput]-?: string }

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

function toInput(values: FormValues) {
  return {
    input: {
      ...values,
      region: values.region || null,
      leaderCivility: values.leaderCivility || null,
      population: wholeNumber(values.population),
      populationYear: wholeNumber(values.populationYear),
    },
    errors: {},
  }
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
  const form = useRecordForm({
    defaults: toFormValues(member),
    schema: memberInput,
    prepare: toInput,
    send: (fields: MemberInput) =>
      member ? call('members.update', { id: member.id, fields }) : call('members.create', fields),
    onSaved,
    editedName: member ? (saved) => saved.name : undefined,
  })
  const { field, select } = form
  const status = useWatch({ control: form.control, name: 'status' })
  const countries = useMemo(
    () => countryOptions(language).map((c) => ({ value: c.code, label: c.name })),
    [language],
  )

  return (
    <RecordForm
      form={form}
      label={t(member ? 'members.editTitle' : 'members.newTitle')}
      isNew={!member}
      onCancel={onCancel}
    >
      <TextInput {...field('name', t('members.field.name'))} withAsterisk data-autofocus />
      <SimpleGrid cols={2}>
        <TextInput
          {...field('code', t('members.field.code'))}
          description={t('members.codeHint')}
        />
        <FormSelect
          {...select('kind', t('members.field.kind'))}
          data={MEMBER_KINDS.map((k) => ({ value: k, label: t(`members.kind.${k}`) }))}
          required
        />
        <FormSelect
          {...select('country', t('members.field.country'))}
          data={countries}
          searchable
          clearable
        />
        <FormSelect
          {...select('region', t('members.field.region'))}
          data={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          clearable
        />
        <TextInput {...field('population', t('members.field.population'))} inputMode="numeric" />
        <TextInput
          {...field('populationYear', t('members.field.populationYear'))}
          inputMode="numeric"
        />
        <TextInput {...field('leaderName', t('members.field.leaderName'))} />
        <FormSelect
          {...select('leaderCivility', t('members.field.leaderCivility'))}
          data={LEADER_CIVILITIES.map((c) => ({
            value: c,
            label: t(`members.field.civility_${c}`),
          }))}
          clearable
        />
        <FormDateField {...form.date('joinedOn', t('members.field.joinedOn'))} />
        <TextInput {...field('email', t('members.field.email'))} type="email" />
        <TextInput {...field('phone', t('members.field.phone'))} type="tel" />
      </SimpleGrid>
      <TextInput {...field('address', t('members.field.address'))} />
      <Group grow align="flex-start">
        <FormSelect
          {...select('status', t('members.field.status'))}
          data={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`members.status.${s}`) }))}
          required
        />
        <FormDateField {...form.date('statusOn', t('members.field.statusOn'))} />
      </Group>
      {status !== 'active' && (
        <TextInput {...field('statusReason', t('members.field.statusReason'))} withAsterisk />
      )}
      <Textarea {...field('notes', t('members.field.notes'))} autosize minRows={2} maxRows={6} />
    </RecordForm>
  )
}
