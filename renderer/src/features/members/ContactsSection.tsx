import { Button, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { type MemberAccount, memberContactInput } from '@shared/dues/schema'
import { FormError } from '../../components/FormError'
import { call } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'

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
  const [formError, setFormError] = useState<string | null>(null)
  const defaults: ContactValues = { name: '', role: '', email: '', phone: '' }
  const toInput = (values: ContactValues) => ({ input: { memberId, ...values }, errors: {} })
  const form = useForm<ContactValues>({
    defaultValues: defaults,
    resolver: schemaResolver<ContactValues>(memberContactInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      onSaved(await call('members.addContact', toInput(values).input))
      form.reset(defaults)
    } catch (failure) {
      setFormError(
        applyServerErrors(failure, Object.keys(defaults), form.setError, t('errors.INTERNAL')),
      )
    }
  })
  return (
    <section aria-labelledby="member-contacts">
      <Title order={2} size="h4" id="member-contacts" mb="xs">
        {t('members.contacts.title')}
      </Title>
      {account.contacts.length === 0 ? (
        <Text c="dimmed">{t('members.contacts.empty')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('members.contacts.title')}>
          <Table.Tbody>
            {account.contacts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.role}</Table.Td>
                <Table.Td>{c.email}</Table.Td>
                <Table.Td>{c.phone}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void call('members.removeContact', { id: c.id }).then(onSaved)}
                  >
                    {t('members.contacts.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-label={t('members.contacts.add')}
      >
        <FormError message={formError} />
        <Group align="flex-end" mt="sm">
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
          <Button type="submit" variant="light">
            {t('members.contacts.add')}
          </Button>
        </Group>
      </form>
    </section>
  )
}
