import { Table, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { MEMBER_BODIES, type MemberAccount, memberRoleInput } from '@shared/dues/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { FormSelect } from '../../components/FormSelect'
import { RowsSection } from '../../components/RowsSection'
import { call } from '../../lib/api'
import { useAddForm } from '../../lib/use-add-form'
import { useLanguage } from '../../lib/use-language'
import { FormDateField } from '../../components/FormDateField'

interface RoleValues {
  body: string
  role: string
  startsOn: string
  endsOn: string
}

/** The member's seats in the association's bodies (bureau, board…), each with its dates. */
export function RolesSection({
  account,
  memberId,
  onSaved,
}: {
  account: MemberAccount
  memberId: string
  onSaved: (account: MemberAccount) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { form, formError, submit } = useAddForm({
    schema: memberRoleInput,
    defaults: { body: 'bureau', role: '', startsOn: '', endsOn: '' } satisfies RoleValues,
    toInput: (values: RoleValues) => ({ memberId, ...values }),
    save: (input) => call('members.addRole', input as never),
    onSaved,
  })
  return (
    <RowsSection
      id="member-roles"
      title={t('dues.account.roles')}
      empty={t('dues.roles.empty')}
      rows={account.roles}
      cells={(r) => (
        <>
          <Table.Td>{t(`dues.roles.body_${r.body}`)}</Table.Td>
          <Table.Td>{r.role}</Table.Td>
          <Table.Td>
            {formatDate(r.startsOn, language)} – {formatDate(r.endsOn, language)}
          </Table.Td>
        </>
      )}
      removeLabel={t('dues.roles.remove')}
      onRemove={(r) => void call('members.removeRole', { id: r.id }).then(onSaved)}
      addLabel={t('dues.roles.add')}
      formError={formError}
      onSubmit={submit}
    >
      <FormSelect
        control={form.control}
        name="body"
        label={t('dues.roles.body')}
        data={MEMBER_BODIES.map((b) => ({ value: b, label: t(`dues.roles.body_${b}`) }))}
        required
      />
      <TextInput
        label={t('dues.roles.role')}
        withAsterisk
        {...form.register('role')}
        error={form.formState.errors.role?.message}
      />
      <FormDateField
        label={t('dues.roles.startsOn')}
        withAsterisk
        control={form.control}
        name="startsOn"
      />
      <FormDateField label={t('dues.roles.endsOn')} control={form.control} name="endsOn" />
    </RowsSection>
  )
}
