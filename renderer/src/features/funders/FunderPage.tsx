import { Badge, Button } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { countryName } from '@shared/geo/country-names'
import { Amount } from '../../components/Amount'
import { FormDrawer } from '../../components/page/FormDrawer'
import { KeyFigures, RecordNotRead, RecordPage, RecordTabs } from '../../components/page/RecordPage'
import { RecordHistory } from '../../components/RecordHistory'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecord } from '../../lib/use-record'
import { FunderAgreements } from './FunderAgreements'
import { FunderForm } from './FunderForm'

/**
 * One funder: what it committed, paid and still owes over all its agreements (summed by the
 * core from the ledger), then its agreements, its contact and its history.
 */
export function FunderPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [editing, setEditing] = useState(false)
  const { record, reload, status, setStatus } = useRecord(
    () => call('funders.account', { id }),
    [id],
  )
  if (!record) return <RecordNotRead status={status} />
  const { funder, agreements, totalsEur } = record
  const archived = funder.archivedAt !== null
  return (
    <RecordPage
      gap="lg"
      backLabel={t('recordPage.funderBack')}
      onBack={onBack}
      title={funder.name}
      subtitle={funder.acronym ?? undefined}
      badges={
        <>
          <Badge variant="light">{t(`funders.kind.${funder.kind}`)}</Badge>
          {archived && <Badge color="gray">{t('common.archived')}</Badge>}
        </>
      }
      actions={
        <Button variant="default" onClick={() => setEditing(true)} disabled={archived}>
          {t('common.edit')}
        </Button>
      }
      status={status}
      onCloseStatus={() => setStatus(null)}
    >
      <KeyFigures
        figures={(['committed', 'received', 'expected', 'available'] as const).map((key) => [
          `${t(`agreements.figure.${key}`)} (EUR)`,
          <Amount minor={totalsEur[key]} currency="EUR" />,
        ])}
      />
      <RecordTabs
        param="funderTab"
        label={t('recordPage.tabs')}
        tabs={[
          {
            value: 'agreements',
            label: t('recordPage.funderAgreements'),
            content: <FunderAgreements agreements={agreements} totalsEur={totalsEur} />,
          },
          {
            value: 'summary',
            label: t('recordPage.summary'),
            content: (
              <KeyFigures
                figures={[
                  [
                    t('funders.field.country'),
                    funder.country ? countryName(funder.country, language) : '',
                  ],
                  [t('funders.field.defaultCurrency'), funder.defaultCurrency],
                  [t('funders.field.contactName'), funder.contactName],
                  [t('funders.field.contactEmail'), funder.contactEmail],
                  [t('funders.field.contactPhone'), funder.contactPhone],
                  [t('funders.field.notes'), funder.notes],
                ]}
              />
            ),
          },
          {
            value: 'history',
            label: t('recordPage.history'),
            content: <RecordHistory table="funders" id={funder.id} version={funder.updatedAt} />,
          },
        ]}
      />
      <FormDrawer opened={editing} onClose={() => setEditing(false)} title={t('funders.editTitle')}>
        <FunderForm
          funder={funder}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false)
            setStatus({ ok: true, text: t('funders.updated', { name: saved.name }) })
            reload()
          }}
        />
      </FormDrawer>
    </RecordPage>
  )
}
