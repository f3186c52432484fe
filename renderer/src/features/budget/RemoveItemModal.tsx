import { Alert, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BudgetItem, BudgetVersion } from '@shared/budget/schema'
import { formatDate } from '@shared/i18n/format-dates'
import { formatMoney } from '@shared/money/format'
import { ConfirmModal } from '../../components/ConfirmModal'
import { useLanguage } from '../../lib/use-language'

/**
 * The question before a budget item is removed: which item, what it planned, from which
 * version — and, for a version already adopted, that the adopted budget changes (a revision
 * keeps it as it was voted). Nothing is removed until confirmed.
 */
export function RemoveItemModal({
  item,
  version,
  versionLabel,
  onConfirm,
  onClose,
}: {
  item: BudgetItem | null
  version: BudgetVersion
  versionLabel: string
  onConfirm: (item: BudgetItem) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const named = item ? { code: item.code, label: item.label } : { code: '', label: '' }
  return (
    <ConfirmModal
      opened={item !== null}
      title={t('budget.remove.title', named)}
      confirmLabel={t('budget.remove.confirm', named)}
      color="red"
      onConfirm={() => item && onConfirm(item)}
      onClose={onClose}
    >
      {item && (
        <Text size="sm">
          {item.kind === 'line'
            ? t('budget.remove.line', {
                ...named,
                planned: formatMoney({ minor: item.figures.planned, currency: 'EUR' }, language),
                version: versionLabel,
              })
            : t('budget.remove.chapter', { ...named, version: versionLabel })}
        </Text>
      )}
      {item && version.adoptedOn && (
        <Alert color="orange">
          {t('budget.remove.adopted', { date: formatDate(version.adoptedOn, language) })}
        </Alert>
      )}
    </ConfirmModal>
  )
}
