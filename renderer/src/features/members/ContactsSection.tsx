import { Table, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { type MemberAccount, memberContactInput } from '@shared/dues/schema'
import { RowsSection } from '../../components/RowsSection'
import { call } from '../../lib/api'
import { useAddForm } from '../../lib/use-add-form'

interface ContactValues {
  name: string
  role: string
  email: string
  phone: string
}

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
  const { form, formError, submit } = useAddForm({
    schema: memberContactInput,
    defaults: { name: '', role: '', email: '', phone: '' } satisfies ContactValues,
    toInput: (values: ContactValues) => ({ memberId, ...values }),
    save: (input) => call('members.addContact', input),
    onSaved,
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
      formError={formError}
      onSubmit={submit}
    >
      <TextInput
        label={t('members.contacts.name')}
        withAsterisk
        {...form.register('name')}
        error={form.formState.errors.name?.message}
      />
      <TextInput label={t('members.contacts.role')} {...form.register('role')} />
      <TextInput
        label={t('members.contacts.email')}
        type="email"
        {...form.register('email')}
        error={form.formState.errors.email?.message}
      />
      <TextInput label={t('members.contacts.phone')} type="tel" {...form.register('phone')} />
    </RowsSection>
  )
}
