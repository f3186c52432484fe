import {
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  TextInput,
  Title,
} from '@mantine/core'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CallPreviewRow, type DuesCall, callRunInput } from '@shared/dues/schema'
import { DateField } from '../../components/DateField'
import { FormError } from '../../components/FormError'
import { type Status, StatusMessage } from '../../components/StatusMessage'
import { call, errorMessage } from '../../lib/api'
import { amountForContract } from '../../lib/amount-input'
import { useLanguage } from '../../lib/use-language'
import { LetterProgress } from './LetterProgress'
import { useLetters } from './use-letters'
import { RegisterList } from '../../components/list/RegisterList'
import { useListView } from '../../components/list/use-list-url-state'
import { useAppStore } from '../../app/app-store'
import { callColumns } from './call-columns'
import { useReversal } from '../../components/ReversalDialog'
import { callReversal } from './dues-reversals'
import { CallPreviewList } from './CallPreviewList'

/** A year's call run (preview, then create) and the year's calls, each cancellable. */
export function CallsTab({ year }: { year: number }) {
  const { t } = useTranslation()
  const [calls, setCalls] = useState<DuesCall[]>([])
  const [calledOn, setCalledOn] = useState(`${year}-01-15`)
  const [dueOn, setDueOn] = useState(`${year}-03-31`)
  const [preview, setPreview] = useState<CallPreviewRow[] | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [status, setStatus] = useState<Status | null>(null)
  const [correcting, setCorrecting] = useState<DuesCall | null>(null)
  const [reason, setReason] = useState('')
  const [newAmount, setNewAmount] = useState('')
  const [into, setInto] = useState<'pdf' | 'folder'>('pdf')
  const openMember = useAppStore((s) => s.openMember)
  const reversal = useReversal()
  const askReversal = reversal.ask
  const language = useLanguage()
  const letters = useLetters(
    (written) =>
      setStatus({
        ok: true,
        text: t('letters.written', { count: written.letters, path: written.path }),
        saved: written,
      }),
    (failure) => setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) }),
  )
  const load = useCallback(() => {
    void call('dues.calls', { year }).then(setCalls)
  }, [year])
  useEffect(load, [load])
  const run = { year, calledOn, dueOn }
  const check = () => {
    const parsed = callRunInput.safeParse(run)
    setFormError(parsed.success ? null : t('validation.dueBeforeCall'))
    return parsed.success
  }
  async function showPreview() {
    if (!check()) return
    try {
      setPreview(await call('dues.previewCalls', run))
    } catch (failure) {
      setFormError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  async function generate() {
    try {
      const { created } = await call('dues.generateCalls', run)
      setStatus({ ok: true, text: t('dues.calls.generated', { count: created }) })
      setPreview(null)
      load()
    } catch (failure) {
      setFormError(errorMessage(failure, t('errors.INTERNAL')))
    }
  }
  async function correct() {
    if (!correcting) return
    const amount = amountForContract(newAmount, correcting.currency, language)
    try {
      await call('dues.changeCallAmount', {
        id: correcting.id,
        amount: amount.ok ? amount.value : newAmount,
        reason,
      })
      setStatus({ ok: true, text: t('dues.calls.changed') })
      setCorrecting(null)
      setReason('')
      setNewAmount('')
      load()
    } catch (failure) {
      setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
      setCorrecting(null)
    }
  }
  const columns = useMemo(() => callColumns(t), [t])
  const [view, setView] = useListView('calls')
  const rowActions = (c: DuesCall) =>
    c.status === 'cancelled' ? null : (
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="subtle" onClick={() => setCorrecting(c)}>
          {t('dues.calls.changeAmount')}
        </Button>
        {c.status === 'open' && (
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            onClick={() => askReversal(callReversal(c, t, load, () => openMember(c.memberId)))}
          >
            {t('dues.calls.cancel')}
          </Button>
        )}
      </Group>
    )
  const count = (outcome: CallPreviewRow['outcome']) =>
    (preview ?? []).filter((r) => r.outcome === outcome).length
  return (
    <Stack gap="md">
      <StatusMessage status={status} onClose={() => setStatus(null)} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('dues.calls.run')} {year}
        </Title>
        <FormError message={formError} />
        <Group align="flex-end">
          <DateField label={t('dues.calls.calledOn')} value={calledOn} onChange={setCalledOn} />
          <DateField label={t('dues.calls.dueOn')} value={dueOn} onChange={setDueOn} />
          <Button variant="light" onClick={() => void showPreview()}>
            {t('dues.calls.preview')}
          </Button>
          <Button
            onClick={() => void generate()}
            disabled={preview === null || count('to_call') === 0}
          >
            {t('dues.calls.generate')}
          </Button>
        </Group>
        {preview && <CallPreviewList year={year} preview={preview} />}
      </Paper>
      <Group justify="flex-end">
        <Group>
          <SegmentedControl
            value={into}
            onChange={(value) => setInto(value === 'folder' ? 'folder' : 'pdf')}
            data={[
              { value: 'pdf', label: t('letters.intoPdf') },
              { value: 'folder', label: t('letters.intoFolder') },
            ]}
          />
          <Button
            variant="light"
            disabled={calls.length === 0}
            onClick={() =>
              void letters.run({
                kind: 'call',
                ids: calls.filter((c) => c.status !== 'cancelled').map((c) => c.id),
                into,
              })
            }
          >
            {t('letters.call')}
          </Button>
        </Group>
      </Group>
      <LetterProgress progress={letters.progress} />
      <RegisterList
        listId="calls"
        label={t('dues.tabs.calls')}
        rows={calls}
        columns={columns}
        getRowId={(c) => c.id}
        onOpen={(c) => openMember(c.memberId)}
        view={view}
        onView={setView}
        searchPlaceholder={t('list.placeholder.calls')}
        initialSort={{ id: 'number', desc: false }}
        parameters={[{ label: t('dues.year'), value: String(year) }]}
        rowActions={rowActions}
        actionsWidth={250}
        height="70vh"
      />
      <Modal
        opened={correcting !== null}
        onClose={() => setCorrecting(null)}
        title={t('dues.calls.changeAmount')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <TextInput
            label={`${t('dues.calls.amount')} (${correcting?.currency ?? ''})`}
            withAsterisk
            value={newAmount}
            onChange={(event) => setNewAmount(event.currentTarget.value)}
          />
          <TextInput
            label={t('dues.calls.changeReason')}
            withAsterisk
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              disabled={reason.trim() === '' || newAmount.trim() === ''}
              onClick={() => void correct()}
            >
              {t('dues.calls.changeAmount')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {reversal.dialog}
    </Stack>
  )
}
