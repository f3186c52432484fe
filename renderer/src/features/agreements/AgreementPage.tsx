import { Badge, Button, Divider, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { basisPointsToPercent } from '@shared/validation/amounts'
import { formatDate } from '@shared/i18n/format-dates'
import { Amount } from '../../components/Amount'
import { FormDrawer } from '../../components/page/FormDrawer'
import { KeyFigures, RecordNotRead, RecordPage } from '../../components/page/RecordPage'
import { RecordHistory } from '../../components/RecordHistory'
import { call } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { useRecord } from '../../lib/use-record'
import { SentReportsNotice } from '../accounting/SentReportsNotice'
import { useProgrammes } from '../programmes/use-programmes'
import { AgreementFiguresSection } from './AgreementFiguresSection'
import { AgreementForm } from './AgreementForm'
import { AmendmentsSection } from './AmendmentsSection'
import { ConversionRuleSection } from './ConversionRuleSection'
import { HeadingsSection } from './HeadingsSection'
import { NamedProjectsSection } from './NamedProjectsSection'
import { ReceiptsSection } from './ReceiptsSection'
import { InstalmentsSection, ReportsSection } from './ScheduleSections'

/** One agreement: its terms, its position in its currency and in euros, receipts and amendments. */
export function AgreementPage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation()
  const programmes = useProgrammes()
  const language = useLanguage()
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

  if (!agreement) return <RecordNotRead status={status} />
  const archived = agreement.archivedAt !== null
  const percent = (bp: number | null) => (bp === null ? '' : `${basisPointsToPercent(bp)} %`)

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
      <SentReportsNotice agreementId={agreement.id} version={agreement} />
      <KeyFigures
        figures={[
          [t('agreements.field.funder'), agreement.funderName],
          [t('agreements.field.signedOn'), formatDate(agreement.signedOn, language)],
          [t('agreements.field.startsOn'), formatDate(agreement.startsOn, language)],
          [t('agreements.field.endsOn'), formatDate(agreement.currentEndsOn, language)],
          [
            t('agreements.field.amount'),
            <Amount minor={agreement.initialAmount} currency={agreement.currency} />,
          ],
          [t('agreements.field.earmarking'), t(`agreements.earmarking.${agreement.earmarking}`)],
          [t('agreements.field.programme'), agreement.programme],
          agreement.programmeCode && [
            t('agreements.field.programmeCode'),
            programmes.name(agreement.programmeCode),
          ],
          [t('agreements.field.cofinancing'), percent(agreement.cofinancingBp)],
          [t('agreements.field.indirectCostMax'), percent(agreement.indirectCostMaxBp)],
          agreement.nature === 'mixed' && [
            t('agreements.field.operatingShare'),
            percent(agreement.operatingShareBp ?? 0),
          ],
        ]}
      >
        {agreement.notes && (
          <Text size="sm" mt="sm">
            {agreement.notes}
          </Text>
        )}
      </KeyFigures>

      <AgreementFiguresSection agreement={agreement} asOf={asOf} onAsOf={setAsOf} />
      <ConversionRuleSection agreement={agreement} asOf={asOf} onSaved={updated} />
      <ReceiptsSection
        agreement={agreement}
        onSaved={updated}
        onReversed={(next) => {
          setRecord(next)
          setStatus(null)
        }}
      />
      {agreement.earmarking === 'projects' && (
        <NamedProjectsSection agreement={agreement} onSaved={updated} onError={failed} />
      )}
      <InstalmentsSection agreement={agreement} onSaved={updated} />
      <HeadingsSection
        key={JSON.stringify(agreement.budget.headings)}
        agreement={agreement}
        onSaved={updated}
      />
      <ReportsSection agreement={agreement} onSaved={updated} />
      <AmendmentsSection agreement={agreement} onSaved={updated} />

      <Divider />
      <RecordHistory table="agreements" id={agreement.id} version={agreement.updatedAt} />

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
