import { Alert, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChosenBackup } from '@shared/backup/schema'
import { formatDateTime } from '@shared/i18n/format-dates'
import { ConfirmModal } from '../../components/ConfirmModal'
import { useLanguage } from '../../lib/use-language'

/**
 * The question before restoring a file chosen in the dialog: which backup, of when, and — said
 * plainly — when it is another copy's or another file's, whose restore needs a second yes.
 */
export function ChosenBackupModal({
  chosen,
  question,
  onConfirm,
  onClose,
}: {
  chosen: ChosenBackup | null
  /** The question, given the chosen file's name and date. */
  question: (params: { name: string; date: string }) => string
  /** Called with `force`: true when the user confirmed another file's backup. */
  onConfirm: (chosen: ChosenBackup, force: boolean) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const other = chosen?.kinship === 'otherFile' || (chosen?.anomalies ?? 0) > 0
  return (
    <ConfirmModal
      opened={chosen !== null}
      title={t('backups.restoreFromFile')}
      confirmLabel={t(other ? 'backups.restoreAnyway' : 'backups.restore')}
      color={other ? 'red' : 'orange'}
      onConfirm={() => chosen && onConfirm(chosen, other)}
      onClose={onClose}
    >
      {chosen && (
        <>
          <Text>
            {question({ name: chosen.name, date: formatDateTime(chosen.takenAt, language) })}
          </Text>
          {chosen.kinship !== 'sameFile' && (
            <Alert color={chosen.kinship === 'otherFile' ? 'red' : 'yellow'}>
              {t(
                chosen.kinship === 'otherFile'
                  ? 'backups.chosenOtherFile'
                  : 'backups.chosenOtherCopy',
                { of: chosen.of ?? t('backups.unknownSource') },
              )}
            </Alert>
          )}
          {chosen.anomalies > 0 && (
            <Alert color="red">{t('backups.chosenAnomalies', { count: chosen.anomalies })}</Alert>
          )}
        </>
      )}
    </ConfirmModal>
  )
}
