import { formatCount } from '@shared/i18n/format-number'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  MEMBER_BODIES,
  type MemberAccount,
  memberContactInput,
  memberRoleInput,
} from '@shared/dues/schema'
import { countryName } from '@shared/geo/country-names'
import { formatDate } from '@shared/i18n/format-dates'
import type { Member } from '@shared/members/schema'
import { formatMoney } from '@shared/money/format'
import { money } from '@shared/money/money'
import { FormError } from '../../components/FormError'
import { FormSelect } from '../../components/FormSelect'
import { RecordHistory } from '../../components/RecordHistory'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { useAppStore } from '../../app/app-store'
import { call, errorMessage } from '../../lib/api'
import { applyServerErrors, schemaResolver } from '../../lib/form'
import { useLanguage } from '../../lib/use-language'
import { CallsTable } from '../dues/CallsTable'
import { LetterButtons } from '../dues/LetterButtons'
import { PaymentForm } from '../dues/PaymentForm'
import { PaymentsTable } from '../dues/PaymentsTable'
import { MemberForm } from './MemberForm'
import { useForm } from 'react-hook-form'
import { Term } from '../../components/Term'
import { useReversal } from '../../components/ReversalDialog'
import { paymentReversal } from '../dues/dues-reversals'

/** One member: who it is, its dues account, its roles and its projects. */
export function MemberPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const openProject = useAppStore((s) => s.openProject)
  const [member, setMember] = useState<Member | null>(null)
  const [account, setAccount] = useState<MemberAccount | null>(null)
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  const [period, setPeriod] = useState({ from: '', to: '' })
  // Bumped after each change the page makes, to read the member and its account again.
  const [version, setVersion] = useState(0)
  const reversal = useReversal()
  useEffect(() => {
    let current = true
    Promise.all([call('members.get', { id }), call('members.account', { id })]).then(
      ([m, a]) => {
        if (!current) return
        setMember(m)
        setAccount(a)
      },
      (failure: unknown) =>
        current && setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }),
    )
    return () => {
      current = false
    }
  }, [id, t, version])

  if (!member || !account) return status ? <Alert color="red">{status.text}</Alert> : null
  const done = (message: string) => {
    setStatus({ ok: true, text: message })
    setVersion((v) => v + 1)
  }
  const failed = (failure: unknown) =>
    setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
  const euros = (minor: number) => formatMoney(money(minor, 'EUR'), language)
  const term = (label: string, value: ReactNode) => (
    <Term key={label} label={label}>
      {value}
    </Term>
  )
  const oldestOpen = account.calls.find((c) => c.outstanding > 0)

  return (
    <Stack gap="lg">
      <Anchor component="button" onClick={onBack} size="sm" w="fit-content">
        ← {t('members.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{member.name}</Title>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{member.code}</Badge>
            <Badge variant="light" color={member.status === 'active' ? 'green' : 'orange'}>
              {t(`members.status.${member.status}`)}
            </Badge>
            <Badge
              variant="light"
              color={
                account.standing === 'in_arrears'
                  ? 'red'
                  : account.standing === 'up_to_date'
                    ? 'teal'
                    : 'gray'
              }
            >
              {t(`dues.account.standing_${account.standing}`)}
            </Badge>
            {member.inBureau && <Badge color="grape">{t('dues.roles.body_bureau')}</Badge>}
            {member.archivedAt && <Badge color="gray">{t('common.archived')}</Badge>}
          </Group>
        </div>
        <Group>
          <Button
            variant="default"
            onClick={() => setEditing(true)}
            disabled={member.archivedAt !== null}
          >
            {t('common.edit')}
          </Button>
          <Button
            variant="subtle"
            color={member.archivedAt ? 'blue' : 'red'}
            onClick={() =>
              void (
                member.archivedAt
                  ? call('members.restore', { id })
                  : call('members.archive', { id })
              ).then(
                (saved) =>
                  done(
                    t(saved.archivedAt ? 'members.archived' : 'members.restored', {
                      name: saved.name,
                    }),
                  ),
                failed,
              )
            }
          >
            {t(member.archivedAt ? 'common.restore' : 'common.archive')}
          </Button>
        </Group>
      </Group>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          {term(t('members.field.kind'), t(`members.kind.${member.kind}`))}
          {term(
            t('members.field.country'),
            member.country ? countryName(member.country, language) : '',
          )}
          {term(t('members.field.region'), member.region ? t(`regions.${member.region}`) : '')}
          {term(
            t('members.field.population'),
            member.population === null
              ? ''
              : `${formatCount(member.population, language)}${member.populationYear ? ` (${member.populationYear})` : ''}`,
          )}
          {term(t('members.field.leaderName'), member.leaderName)}
          {term(t('members.field.joinedOn'), formatDate(member.joinedOn, language))}
          {term(t('members.field.email'), member.email)}
          {term(t('members.field.phone'), member.phone)}
        </SimpleGrid>
      </Paper>

      <section aria-labelledby="member-account">
        <Group justify="space-between" align="flex-end" mb="xs">
          <Title order={2} size="h4" id="member-account">
            {t('dues.account.title')}
          </Title>
          <Group align="flex-end" gap="xs">
            <TextInput
              type="date"
              size="xs"
              label={t('letters.from')}
              value={period.from}
              onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
            />
            <TextInput
              type="date"
              size="xs"
              label={t('letters.to')}
              value={period.to}
              onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
            />
            <LetterButtons
              memberIds={[member.id]}
              period={period}
              onDone={(message) => done(message)}
              onError={failed}
            />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
          {term(t('dues.account.arrears'), euros(account.arrearsEur))}
          {term(t('dues.account.outstanding'), euros(account.outstandingEur))}
          {term(t('dues.account.credit'), euros(account.creditEur))}
          {term(
            t('dues.summary.arrears'),
            (['current', 'oneYear', 'twoYears', 'threeYearsOrMore'] as const)
              .map((age) => `${t(`dues.summary.${age}`)} : ${euros(account.arrears[age])}`)
              .join(' · '),
          )}
        </SimpleGrid>
        <Title order={3} size="h5" mb="xs">
          {t('dues.account.calls')}
        </Title>
        {reversal.dialog}
        <CallsTable calls={account.calls} label={t('dues.account.calls')} />
        <Title order={3} size="h5" mt="md" mb="xs">
          {t('dues.account.payments')}
        </Title>
        <PaymentsTable
          payments={account.payments}
          label={t('dues.account.payments')}
          actions={(payment) => (
            <Group gap={4} wrap="nowrap">
              <LetterButtons
                paymentId={payment.id}
                onDone={(message) => done(message)}
                onError={failed}
                compact
              />
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() =>
                  reversal.ask(
                    paymentReversal(payment, account, t, language, (next) => {
                      setAccount(next)
                      setVersion((v) => v + 1)
                    }),
                  )
                }
              >
                {t('dues.payments.cancel')}
              </Button>
            </Group>
          )}
        />
        {member.archivedAt === null && (
          <Paper withBorder p="md" mt="sm">
            <PaymentForm
              member={member}
              defaultCurrency={oldestOpen?.currency}
              onSaved={(payment) =>
                done(
                  t('dues.payments.added', {
                    settled: formatMoney(money(payment.settled, payment.currency), language),
                    credit: formatMoney(money(payment.credit, payment.currency), language),
                  }),
                )
              }
            />
          </Paper>
        )}
      </section>

      <ContactsSection account={account} memberId={member.id} onSaved={(a) => setAccount(a)} />
      <RolesSection account={account} memberId={member.id} onSaved={(a) => setAccount(a)} />

      <section aria-labelledby="member-projects">
        <Title order={2} size="h4" id="member-projects" mb="xs">
          {t('dues.account.projects')}
        </Title>
        {account.projects.length === 0 ? (
          <Text c="dimmed">{t('common.none')}</Text>
        ) : (
          <Stack gap={4}>
            {account.projects.map((p) => (
              <Anchor
                key={p.id}
                component="button"
                size="sm"
                onClick={() => openProject(p.id)}
                ta="left"
              >
                {p.code} — {p.title}
              </Anchor>
            ))}
          </Stack>
        )}
      </section>

      <Divider />
      <RecordHistory table="members" id={member.id} version={member.updatedAt} />
      <Drawer
        opened={editing}
        onClose={() => setEditing(false)}
        position="right"
        size="xl"
        title={t('members.editTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing && (
          <MemberForm
            member={member}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false)
              done(t('members.updated', { name: saved.name }))
            }}
          />
        )}
      </Drawer>
    </Stack>
  )
}

interface ContactValues {
  name: string
  role: string
  email: string
  phone: string
}

/** The member's contacts: several people, each with a role, an e-mail and a phone. */
function ContactsSection({
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

interface RoleValues {
  body: string
  role: string
  startsOn: string
  endsOn: string
}

function RolesSection({
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
