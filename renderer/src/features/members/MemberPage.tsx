import { formatCount } from '@shared/i18n/format-number'
import { Badge, Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberAccount } from '@shared/dues/schema'
import { countryName } from '@shared/geo/country-names'
import { formatDate } from '@shared/i18n/format-dates'
import { FormDrawer } from '../../components/page/FormDrawer'
import { KeyFigures, RecordNotRead, RecordPage, RecordTabs } from '../../components/page/RecordPage'
import { Amount } from '../../components/Amount'
import { MemberProjects } from './MemberProjects'
import { RecordHistory } from '../../components/RecordHistory'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecord } from '../../lib/use-record'
import { ContactsSection } from './ContactsSection'
import { MemberAccountSection } from './MemberAccountSection'
import { MemberForm } from './MemberForm'
import { RolesSection } from './RolesSection'

const STANDING_COLORS: Record<MemberAccount['standing'], string> = {
  in_arrears: 'red',
  up_to_date: 'teal',
  no_calls: 'gray',
}

/** One member: who it is, its dues account, its roles and its projects. */
export function MemberPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [editing, setEditing] = useState(false)
  // Read again after each change the page makes (the member and its account together).
  const { record, setRecord, reload, status, setStatus, failed } = useRecord(async () => {
    const [member, account] = await Promise.all([
      call('members.get', { id }),
      call('members.account', { id }),
    ])
    return { member, account }
  }, [id])

  if (!record) return <RecordNotRead status={status} />
  const { member, account } = record
  const setAccount = (next: MemberAccount) => setRecord({ member, account: next })
  const done = (message: string) => {
    setStatus({ ok: true, text: message })
    reload()
  }
  const refused = (failure: unknown) => failed(errorMessage(failure, t('errors.INTERNAL')))

  return (
    <RecordPage
      gap="lg"
      backLabel={t('members.back')}
      onBack={onBack}
      title={member.name}
      badges={
        <>
          <Badge variant="light">{member.code}</Badge>
          <Badge variant="light" color={member.status === 'active' ? 'green' : 'orange'}>
            {t(`members.status.${member.status}`)}
          </Badge>
          <Badge variant="light" color={STANDING_COLORS[account.standing]}>
            {t(`dues.account.standing_${account.standing}`)}
          </Badge>
          {member.inBureau && <Badge color="grape">{t('dues.roles.body_bureau')}</Badge>}
          {member.archivedAt && <Badge color="gray">{t('common.archived')}</Badge>}
        </>
      }
      actions={
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
                refused,
              )
            }
          >
            {t(member.archivedAt ? 'common.restore' : 'common.archive')}
          </Button>
        </Group>
      }
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      <KeyFigures
        figures={[
          [t('members.field.kind'), t(`members.kind.${member.kind}`)],
          [t('members.field.country'), member.country ? countryName(member.country, language) : ''],
          [t('members.field.region'), member.region ? t(`regions.${member.region}`) : ''],
          [
            t('members.field.population'),
            member.population === null
              ? ''
              : `${formatCount(member.population, language)}${member.populationYear ? ` (${member.populationYear})` : ''}`,
          ],
          [t('members.field.leaderName'), member.leaderName],
          [t('members.field.joinedOn'), formatDate(member.joinedOn, language)],
          [t('members.field.email'), member.email],
          [t('members.field.phone'), member.phone],
          [t('dues.account.arrears'), <Amount minor={account.arrearsEur} currency="EUR" />],
          [t('dues.account.outstanding'), <Amount minor={account.outstandingEur} currency="EUR" />],
          [t('dues.account.credit'), <Amount minor={account.creditEur} currency="EUR" />],
        ]}
      />

      <RecordTabs
        param="memberTab"
        label={t('recordPage.tabs')}
        tabs={[
          {
            value: 'account',
            label: t('recordPage.account'),
            content: (
              <MemberAccountSection
                member={member}
                account={account}
                onDone={done}
                onError={refused}
                onReversed={(next) => {
                  setAccount(next)
                  reload()
                }}
              />
            ),
          },
          {
            value: 'projects',
            label: t('recordPage.projects'),
            content: <MemberProjects projects={account.projects} />,
          },
          {
            value: 'contacts',
            label: t('recordPage.contacts'),
            content: (
              <>
                <ContactsSection account={account} memberId={member.id} onSaved={setAccount} />
                <RolesSection account={account} memberId={member.id} onSaved={setAccount} />
              </>
            ),
          },
          {
            value: 'history',
            label: t('recordPage.history'),
            content: <RecordHistory table="members" id={member.id} version={member.updatedAt} />,
          },
        ]}
      />
      <FormDrawer opened={editing} onClose={() => setEditing(false)} title={t('members.editTitle')}>
        <MemberForm
          member={member}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            done(t('members.updated', { name: saved.name }))
          }}
        />
      </FormDrawer>
    </RecordPage>
  )
}
