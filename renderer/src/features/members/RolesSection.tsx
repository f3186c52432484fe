import { Table, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { MEMBER_BODIES, type MemberAccount, memberRoleInput } from '@shared/dues/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { FormSelect } from '../../components/FormSelect'
import { RowsSection } from '../../components/RowsSection'
import { call } from '../../lib/api'
import { useRecordForm } from '../../lib/use-record-form'
import { useLanguage } from '../../lib/use-language'

interface RoleValues {
  body: string
  role: string
  startsOn: string
  endsOn: string
}

const NEW_ROLE: RoleValues = { body: 'bureau', role: '', startsOn: '', endsOn: '' }

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
  const form = useRecordForm({
    schema: memberRoleInput,
    defaults: NEW_ROLE,
    prepare: (values) => ({ input: { memberId, ...values }, errors: {} }),
    send: (input) => call('members.addRole', input),
    onSaved,
    resetOnSave: true,
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
      formError={form.formError}
      onSubmit={() => void form.submit()}
    >
      <FormSelect
        {...form.select('body', t('dues.roles.body'))}
        data={MEMBER_BODIES.map((b) => ({ value: b, label: t(`dues.roles.body_${b}`) }))}
        required
      />
      <TextInput {...form.field('role', t('dues.roles.role'))} withAsterisk />
      <TextInput {...form.field('startsOn', t('dues.roles.startsOn'))} type="date" withAsterisk />
      <TextInput {...form.field('endsOn', t('dues.roles.endsOn'))} type="date" />
    </RowsSection>
  )
}
