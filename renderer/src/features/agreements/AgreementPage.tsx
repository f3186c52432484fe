import { Anchor, Badge, Button } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Amount } from '../../components/Amount'
import { FormDrawer } from '../../components/page/FormDrawer'
import {
  type KeyFigure,
  KeyFigures,
  RecordNotRead,
  RecordPage,
  RecordTabs,
} from '../../components/page/RecordPage'
import { RecordHistory } from '../../components/RecordHistory'
import { call } from '../../lib/api'
import { useRecord } from '../../lib/use-record'
import { SentReportsNotice } from '../accounting/SentReportsNotice'
import { useAppStore } from '../../app/app-store'
import { AgreementSummary } from './AgreementSummary'
import { AgreementFiguresSection } from './AgreementFiguresSection'
import { AgreementForm } from './AgreementForm'
import { AmendmentsSection } from './AmendmentsSection'
import { ConversionRuleSection } from './ConversionRuleSection'
import { OverheadSection } from './OverheadSection'
import { HeadingsSection } from './HeadingsSection'
import { NamedProjectsSection } from './NamedProjectsSection'
import { ReceiptsSection } from './ReceiptsSection'
import { ClosingSection } from './ClosingSection'
import type { ClosingStatement } from '@shared/closing/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'
import { InstalmentsSection } from './InstalmentsSection'
import { ReportsSection } from './ReportsSection'
import { EntriesClosed } from '../../components/page/entries-closed'

/** One agreement: its terms, its position in its currency and in euros, receipts and amendments. */
export function AgreementPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const openFunder = useAppStore((s) => s.openFunder)
  const [editing, setEditing] = useState(false)
  const [asOf, setAsOf] = useState('')
  const {
    record: agreement,
    setRecord,
    status,
    setStatus,
    saved: updated,
    failed,
  } = useRecord(() => call('agreements.get', asOf ? { id, asOf } : { id }), [id, asOf])
  const language = useLanguage()
  // The closing statement, read again whenever the agreement changes (a receipt, a closing).
  const [statement, setStatement] = useState<ClosingStatement | null>(null)
  const version = agreement?.updatedAt
  const [changed, setChanged] = useState(0)
  useEffect(() => {
    let live = true
    void call('closing.statement', { agreementId: id })
      .then((next) => live && setStatement(next))
      .catch(() => live && setStatement(null))
    return () => {
      live = false
    }
  }, [id, version, changed])

  if (!agreement) return <RecordNotRead status={status} />
  const archived = agreement.archivedAt !== null
  const closedOn = statement?.closing?.closedOn ?? null
  const closedReason = closedOn
    ? t('closing.closedReason', { date: formatDate(closedOn, language) })
    : null

  return (
    <RecordPage
      backLabel={t('agreements.back')}
      onBack={onBack}
      title={agreement.reference}
      subtitle={agreement.title}
      badges={
        <>
          <Badge variant="light" color={agreement.fundClass === 'untied' ? 'green' : 'blue'}>
            {t(`agreements.fundClass.${agreement.fundClass}`)}
          </Badge>
          <Badge variant="light" color="gray">
            {t(`agreements.nature.${agreement.nature}`)}
          </Badge>
          {agreement.euRules && (
            <Badge variant="light" color="indigo" title={t('agreements.euRulesHint')}>
              {t('agreements.field.euRules')}
            </Badge>
          )}
          {archived && <Badge color="gray">{t('common.archived')}</Badge>}
          {closedOn && <Badge color="dark">{t('closing.closed')}</Badge>}
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
      <SentReportsNotice agreementId={agreement.id} version={agreement} />
      <KeyFigures
        figures={[
          [
            t('agreements.field.funder'),
            <Anchor
              component="button"
              onClick={() => openFunder(agreement.funderId)}
              aria-label={t('recordPage.openFunder', { name: agreement.funderName })}
            >
              {agreement.funderName}
            </Anchor>,
          ],
          ...(['committed', 'received', 'expected', 'available'] as const).map((key): KeyFigure => [
            t(`agreements.figure.${key}`),
            <Amount minor={agreement.figures[key]} currency={agreement.currency} />,
          ]),
          // The figures above count the spending by this rule.
          [t('conversion.title'), t(`conversion.rule.${agreement.conversionRule}`)],
          agreement.conversionRule !== 'day_rate' && [
            t('conversion.pageLine'),
            <Amount minor={agreement.exchangeDifference.minor} currency={agreement.currency} />,
          ],
        ]}
      />
      <RecordTabs
        param="agreementTab"
        label={t('recordPage.tabs')}
        tabs={[
          {
            value: 'summary',
            label: t('recordPage.summary'),
            content: (
              <EntriesClosed reason={closedReason}>
                <AgreementSummary agreement={agreement} />
                <AgreementFiguresSection agreement={agreement} asOf={asOf} onAsOf={setAsOf} />
                <ConversionRuleSection agreement={agreement} asOf={asOf} onSaved={updated} />
                {agreement.earmarking !== 'untied' && (
                  <OverheadSection agreement={agreement} onSaved={updated} />
                )}
              </EntriesClosed>
            ),
          },
          {
            value: 'receipts',
            label: t('recordPage.receipts'),
            content: (
              <ReceiptsSection
                agreement={agreement}
                closedReason={
                  // The funder's last payment of what the closing left due is still taken.
                  statement && agreement.figures.received < statement.finalDue ? null : closedReason
                }
                onSaved={updated}
                onReversed={(next) => {
                  setRecord(next)
                  setStatus(null)
                }}
              />
            ),
          },
          agreement.earmarking === 'projects' && {
            value: 'projects',
            label: t('recordPage.projects'),
            content: (
              <NamedProjectsSection agreement={agreement} onSaved={updated} onError={failed} />
            ),
          },
          {
            value: 'schedule',
            label: t('recordPage.schedule'),
            content: (
              <EntriesClosed reason={closedReason}>
                <InstalmentsSection agreement={agreement} onSaved={updated} />
                <ReportsSection agreement={agreement} onSaved={updated} />
              </EntriesClosed>
            ),
          },
          {
            value: 'budget',
            label: t('recordPage.budget'),
            content: (
              <EntriesClosed reason={closedReason}>
                <HeadingsSection
                  key={JSON.stringify(agreement.budget.headings)}
                  agreement={agreement}
                  onSaved={updated}
                />
              </EntriesClosed>
            ),
          },
          {
            value: 'amendments',
            label: t('recordPage.amendments'),
            content: (
              <EntriesClosed reason={closedReason}>
                <AmendmentsSection agreement={agreement} onSaved={updated} />
              </EntriesClosed>
            ),
          },
          statement !== null && {
            value: 'closing',
            label: t('closing.tab'),
            content: (
              <ClosingSection
                statement={statement}
                closedReason={closedReason}
                archived={archived}
                onChanged={(next) => {
                  setStatement(next)
                  setChanged((n) => n + 1)
                  void call('agreements.get', { id }).then(setRecord)
                }}
              />
            ),
          },
          {
            value: 'history',
            label: t('recordPage.history'),
            content: (
              <RecordHistory table="agreements" id={agreement.id} version={agreement.updatedAt} />
            ),
          },
        ]}
      />

      <FormDrawer
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('agreements.editTitle')}
      >
        <AgreementForm
          agreement={agreement}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false)
            updated(next, t('agreements.updated', { reference: next.reference }))
          }}
        />
      </FormDrawer>
    </RecordPage>
  )
}
