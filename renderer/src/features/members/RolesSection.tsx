import { Button, Group, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { MEMBER_BODIES, type MemberAccount, memberRoleInput } from '@shared/dues/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { call } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'

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
  const [formError, setFormError] = useState<string | null>(null)
  const defaults: RoleValues = { body: 'bureau', role: '', startsOn: '', endsOn: '' }
  const toInput = (values: RoleValues) => ({ input: { memberId, ...values }, errors: {} })
  const form = useForm<RoleValues>({
    defaultValues: defaults,
    resolver: schemaResolver<RoleValues>(memberRoleInput, t, toInput),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const submit = form.handleSubmit(async (values) => {
    setFormError(null)
    try {
      onSaved(await call('members.addRole', toInput(values).input as never))
      form.reset(defaults)
    } catch (failure) {
      setFormError(
        applyServerErrors(failure, Object.keys(defaults), form.setError, t('errors.INTERNAL')),
      )
    }
  })
  return (
    <section aria-labelledby="member-roles">
      <Title order={2} size="h4" id="member-roles" mb="xs">
        {t('dues.account.roles')}
      </Title>
      {account.roles.length === 0 ? (
        <Text c="dimmed">{t('dues.roles.empty')}</Text>
      ) : (
        <Table withTableBorder aria-label={t('dues.account.roles')}>
          <Table.Tbody>
            {account.roles.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{t(`dues.roles.body_${r.body}`)}</Table.Td>
                <Table.Td>{r.role}</Table.Td>
                <Table.Td>
                  {formatDate(r.startsOn, language)} – {formatDate(r.endsOn, language)}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => void call('members.removeRole', { id: r.id }).then(onSaved)}
                  >
                    {t('dues.roles.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('dues.roles.add')}>
        <FormError message={formError} />
        <Group align="flex-end" mt="sm">
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
          <TextInput
            type="date"
            label={t('dues.roles.startsOn')}
            withAsterisk
            {...form.register('startsOn')}
            error={form.formState.errors.startsOn?.message}
          />
          <TextInput
            type="date"
            label={t('dues.roles.endsOn')}
            {...form.register('endsOn')}
            error={form.formState.errors.endsOn?.message}
          />
          <Button type="submit" variant="light">
            {t('dues.roles.add')}
          </Button>
        </Group>
      </form>
    </section>
  )
}
