import { Button, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useRefusalsInView } from '../../lib/use-refusals-in-view'
import { useTranslation } from 'react-i18next'
import type { ReportFormat, ReportRequest } from '@shared/reports/model'
import { today } from '@shared/validation/dates'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { useLanguage } from '../../lib/use-language'
import { formatDate } from '@shared/i18n/format-dates'
import { fieldErrors } from './field-errors'
import { DateField } from '../../components/DateField'

/** Archives the report shown as sent to the funder, with its figures and their digest. */
export function MarkSentButton({
  request,
  format,
  onSent,
}: {
  request: ReportRequest
  format: ReportFormat
  onSent: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [open, setOpen] = useState(false)
  const [sentOn, setSentOn] = useState(today())
  const [recipient, setRecipient] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refusals = useRefusalsInView<HTMLFormElement>(errors)
  const [status, setStatus] = useState<Status | null>(null)
  const onStatus = setStatus
  async function mark() {
    try {
      const sent = await call('accounting.markSent', { request, sentOn, recipient, note, format })
      setOpen(false)
      onSent()
      onStatus({
        ok: true,
        text: t('accounting.sent.marked', {
          date: formatDate(sent.sentOn, language),
          digest: sent.digest.slice(0, 12),
        }),
      })
    } catch (failure) {
      setErrors(fieldErrors(failure))
      if (Object.keys(fieldErrors(failure)).length === 0)
        onStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
    }
  }
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {t('accounting.sent.mark')}
      </Button>
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Modal opened={open} onClose={() => setOpen(false)} title={t('accounting.sent.markTitle')}>
        <form
          ref={refusals}
          onSubmit={(event) => {
            event.preventDefault()
            void mark()
          }}
        >
          <Stack>
            <DateField
              label={t('accounting.sent.sentOn')}
              value={sentOn}
              onChange={setSentOn}
              error={errors.sentOn}
            />
            <TextInput
              label={t('accounting.sent.recipient')}
              value={recipient}
              onChange={(event) => setRecipient(event.currentTarget.value)}
              error={errors.recipient}
            />
            <TextInput
              label={t('accounting.sent.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={errors.note}
            />
            <Button type="submit">{t('accounting.sent.markAction')}</Button>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
