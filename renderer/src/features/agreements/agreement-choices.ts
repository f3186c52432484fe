import type { ComboboxItem } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '@shared/funds/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { useLanguage } from '../../lib/use-language'

/** What a list of funds needs of an agreement: a closed one takes no more entries. */
type Closable = { id: string; reference: string; closedOn: string | null }

/**
 * The agreements a form offers as the fund of an entry (a budget line's source, an expense, a
 * share, a project's plan line): a closed one is listed, disabled, « Convention clôturée », as
 * the core would refuse it; an entry saved on it before its closing still shows its fund.
 */
export function useAgreementChoices<A extends Closable>(
  agreements: readonly A[],
  label: (agreement: A) => string = (agreement) => agreement.reference,
): ComboboxItem[] {
  const { t } = useTranslation()
  return agreements.map((agreement) =>
    agreement.closedOn === null
      ? { value: agreement.id, label: label(agreement) }
      : {
          value: agreement.id,
          label: t('closing.closedChoice', { label: label(agreement) }),
          disabled: true,
        },
  )
}

/**
 * The agreements a budget expense (or one of its shares) may be charged to: those not earmarked
 * for projects, named with their funder.
 */
export function useBudgetFundChoices(agreements: readonly Agreement[]): ComboboxItem[] {
  return useAgreementChoices(
    agreements.filter((a) => a.earmarking !== 'projects'),
    (a) => `${a.reference} — ${a.funderName}`,
  )
}

/**
 * Why no entry can be made on an agreement (among those given) for now: its closing, as the
 * agreement's page says it; null for an open agreement, the untied fund or one not listed.
 */
export function useClosedAgreementReason(
  agreements: readonly Closable[],
): (agreementId: string | null | undefined) => string | null {
  const { t } = useTranslation()
  const language = useLanguage()
  return (agreementId) => {
    const agreement = agreements.find((a) => a.id === agreementId)
    if (!agreement?.closedOn) return null
    return t('closing.closedReasonOf', {
      reference: agreement.reference,
      date: formatDate(agreement.closedOn, language),
    })
  }
}
