import { Alert, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CurrencyCode } from '@shared/money/currencies'
import { errorMessage } from '../lib/api'
import { Amount } from './Amount'
import { formatMoney } from '@shared/money/format'
import { useLanguage } from '../lib/use-language'
import { INTL_LOCALE } from '@shared/i18n/locale'
import { FormError } from './FormError'
import { type Notice, useNotices } from './notices'

/** One figure the reversal changes: a balance before and after, in one currency. */
export interface ReversalFigure {
  label: string
  currency: CurrencyCode
  before: number
  after: number
  /** A balance that should not go below zero (money available): the dialog warns when it does. */
  staysPositive?: boolean
}

/** A cancellation of a money record, as the dialog asks for it. */
export interface ReversalRequest {
  /** The dialog's title and confirm button: « Annuler l'encaissement ». */
  action: string
  /** The record reversed, in words: « Encaissement du 01/03/2021 : 40 000,00 € ». */
  record: string
  /** What changes, before → after, read from what the screen already shows. */
  figures: ReversalFigure[]
  /** The core's call; it throws (with the core's message) when refused. */
  reverse(reason: string): Promise<void>
  /** What the notification says once it is done (with the reason given). */
  done(reason: string): Notice
}

/**
 * Every reversal of money goes through this one dialog: it says what will change (the amounts
 * and the balances before and after), needs a reason (kept in the change log with the reversing
 * entries), and once the core has done it, notifies what was reversed. A refusal stays in the
 * dialog, which stays open; nothing is reversed by one click.
 */
export function useReversal() {
  const [request, setRequest] = useState<ReversalRequest | null>(null)
  return {
    ask: setRequest,
    dialog: (
      <ReversalDialog
        key={request?.record ?? ''}
        request={request}
        onClose={() => setRequest(null)}
      />
    ),
  }
}

function ReversalDialog({
  request,
  onClose,
}: {
  request: ReversalRequest | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const notify = useNotices((s) => s.notify)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const language = useLanguage()
  // Balances the reversal takes below zero: the money was already spent or committed.
  const overdrawn = (request?.figures ?? []).filter(
    (figure) => figure.staysPositive && figure.after < 0 && figure.after < figure.before,
  )
  const [overdrawnAccepted, setOverdrawnAccepted] = useState(false)
  const [overdrawnError, setOverdrawnError] = useState<string | null>(null)
  async function confirm(event: FormEvent) {
    event.preventDefault()
    if (!request) return
    if (reason.trim() === '') {
      setReasonError(t('reversal.reasonRequired'))
      return
    }
    if (overdrawn.length > 0 && !overdrawnAccepted) {
      setOverdrawnError(t('reversal.overdrawnRequired'))
      return
    }
    setBusy(true)
    setRefusal(null)
    try {
      await request.reverse(reason.trim())
      notify(request.done(reason.trim()))
      onClose()
    } catch (failure) {
      setRefusal(errorMessage(failure, t('errors.INTERNAL')))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={request?.action}
      size="lg"
    >
      {request && (
        <form aria-label={request.action} onSubmit={(event) => void confirm(event)} noValidate>
          <Stack gap="sm">
            <FormError message={refusal} />
            <Text fw={500}>{request.record}</Text>
            {request.figures.length > 0 && (
              <Table aria-label={t('reversal.changes')} withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reversal.figure')}</Table.Th>
                    <Table.Th ta="right">{t('reversal.before')}</Table.Th>
                    <Table.Th ta="right">{t('reversal.after')}</Table.Th>
                    <Table.Th ta="right">{t('reversal.change')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {request.figures.map((figure) => (
                    <Table.Tr key={figure.label}>
                      <Table.Td>{figure.label}</Table.Td>
                      <Table.Td ta="right">
                        <Amount minor={figure.before} currency={figure.currency} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount minor={figure.after} currency={figure.currency} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount minor={figure.after - figure.before} currency={figure.currency} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {overdrawn.length > 0 && (
              <Alert color="red" title={t('reversal.overdrawnTitle')}>
                <Stack gap="xs">
                  <Text size="sm">
                    {t('reversal.overdrawn', {
                      figures: new Intl.ListFormat(INTL_LOCALE[language]).format(
                        overdrawn.map((figure) =>
                          t('reversal.overdrawnFigure', {
                            figure: figure.label,
                            amount: formatMoney(
                              { minor: figure.after, currency: figure.currency },
                              language,
                            ),
                          }),
                        ),
                      ),
                    })}
                  </Text>
                  <Checkbox
                    label={t('reversal.overdrawnAccept')}
                    checked={overdrawnAccepted}
                    onChange={(event) => {
                      setOverdrawnAccepted(event.currentTarget.checked)
                      setOverdrawnError(null)
                    }}
                    error={overdrawnError}
                  />
                </Stack>
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              {t('reversal.kept')}
            </Text>
            <TextInput
              label={t('reversal.reason')}
              withAsterisk
              data-autofocus
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value)
                setReasonError(null)
              }}
              error={reasonError}
              maxLength={500}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('reversal.back')}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {request.action}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
