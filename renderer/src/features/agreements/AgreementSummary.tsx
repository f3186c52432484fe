import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgreementDetail } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { basisPointsToPercent } from '@shared/validation/amounts'
import { Amount } from '../../components/Amount'
import { KeyFigures } from '../../components/page/RecordPage'
import { useLanguage } from '../../lib/use-language'
import { useProgrammes } from '../programmes/use-programmes'

/** An agreement's terms: its dates, its amount as signed, its use and its shares. */
export function AgreementSummary({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const programmes = useProgrammes()
  const percent = (bp: number | null) => (bp === null ? '' : `${basisPointsToPercent(bp)} %`)
  return (
    <KeyFigures
      figures={[
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
        [t('agreements.field.euRules'), t(agreement.euRules ? 'common.yes' : 'common.no')],
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
  )
}
