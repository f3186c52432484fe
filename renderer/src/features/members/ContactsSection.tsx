import { Table, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type MemberAccount, memberContactInput } from '@shared/dues/schema'
import { RowsSection } from '../../components/RowsSection'
import { call } from '../../lib/api'
import { useRecordForm } from '../../lib/use-record-form'

interface ContactValues {
  name: string
  role: string
  email: string
  phone: string
}

const NEW_CONTACT: ContactValues = { name: '', role: '', email: '', phone: '' }

/** The member's contacts: several people, each with a role, an e-mail and a phone. */
export function ContactsSection({
  account,
  memberId,
  onSaved,
}: {
  account: MemberAccount
  memberId: string
  onSaved: (account: MemberAccount) => void
}) {
  const { t } = useTranslation()
  const form = useRecordForm({
    schema: memberContactInput,
    defaults: NEW_CONTACT,
    prepare: (values) => ({ input: { memberId, ...values }, errors: {} }),
    send: (input) => call('members.addContact', input),
    onSaved,
    resetOnSave: true,
  })
  return (
    <RowsSection
      id="member-contacts"
      title={t('members.contacts.title')}
      empty={t('members.contacts.empty')}
      rows={account.contacts}
      cells={(c) => (
        <>
          <Table.Td>{c.name}</Table.Td>
          <Table.Td>{c.role}</Table.Td>
          <Table.Td>{c.email}</Table.Td>
          <Table.Td>{c.phone}</Table.Td>
        </>
      )}
      removeLabel={t('members.contacts.remove')}
      onRemove={(c) => void call('members.removeContact', { id: c.id }).then(onSaved)}
      addLabel={t('members.contacts.add')}
      formError={form.formError}
      onSubmit={() => void form.submit()}
    >
      <TextInput {...form.field('name', t('members.contacts.name'))} withAsterisk />
      <TextInput {...form.field('role', t('members.contacts.role'))} />
      <TextInput {...form.field('email', t('members.contacts.email'))} type="email" />
      <TextInput {...form.field('phone', t('members.contacts.phone'))} type="tel" />
    </RowsSection>
  )
}
