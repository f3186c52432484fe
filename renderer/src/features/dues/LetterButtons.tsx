import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LetterProgress } from './LetterProgress'
import { useLetters } from './use-letters'

/** A member's reminder and statement, or a payment's receipt, as a PDF. */
export function LetterButtons({
  memberIds,
  paymentId,
  period,
  compact = false,
  onDone,
  onError,
}: {
  memberIds?: string[]
  paymentId?: string
  /** The period of the statement (relevé); the whole history when left empty. */
  period?: { from: string; to: string }
  compact?: boolean
  onDone: (message: string) => void
  onError: (failure: unknown) => void
}) {
  const { t } = useTranslation()
  const { run, progress } = useLetters(
    (written) => onDone(t('letters.written', { count: written.letters, path: written.path })),
    onError,
  )
  const size = compact ? 'compact-xs' : 'xs'
  return (
    <Group gap={4} wrap="nowrap">
      {memberIds && (
        <>
          <Button
            size={size}
            variant="light"
            onClick={() => void run({ kind: 'reminder', ids: memberIds, into: 'pdf' })}
          >
            {t('letters.reminder')}
          </Button>
          <Button
            size={size}
            variant="light"
            onClick={() =>
              void run({
                kind: 'statement',
                ids: memberIds,
                into: 'pdf',
                from: period?.from || undefined,
                to: period?.to || undefined,
              })
            }
          >
            {t('letters.statement')}
          </Button>
        </>
      )}
      {paymentId && (
        <Button
          size={size}
          variant="light"
          onClick={() => void run({ kind: 'receipt', ids: [paymentId], into: 'pdf' })}
        >
          {t('letters.receipt')}
        </Button>
      )}
      <LetterProgress progress={progress} />
    </Group>
  )
}
