import { Button, Group } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListExport } from '@shared/reports/list-export'
import { call, errorMessage, isCancelled } from '../../lib/api'
import type { Status } from '../StatusMessage'

/**
 * Export of what the list shows to Excel (the core asks where, and writes it in the reports'
 * formats) and print.
 */
export function ListOutputs({
  exported,
  onPrint,
  setStatus,
}: {
  exported: () => ListExport
  onPrint: () => void
  setStatus: (status: Status | null) => void
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setStatus(null)
    setBusy(true)
    try {
      const saved = await call('reports.list', exported())
      setStatus({ ok: true, text: t('list.exported', { path: saved.path }), saved })
    } catch (error) {
      if (!isCancelled(error))
        setStatus({ ok: false, text: errorMessage(error, t('errors.INTERNAL')) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Group gap="xs">
      <Button variant="default" loading={busy} onClick={() => void save()}>
        {t('list.export')}
      </Button>
      <Button variant="default" onClick={onPrint}>
        {t('list.print')}
      </Button>
    </Group>
  )
}
