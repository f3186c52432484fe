import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Status } from '../components/StatusMessage'
import { errorMessage, isCancelled } from './api'

/**
 * An action of a settings section: its buttons show it busy, and its failure is said in the
 * section's status line (a dialog the user cancelled is no failure).
 */
export function useBusyAction() {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<Status | null>(null)
  async function run(action: () => Promise<void>) {
    setBusy(true)
    setStatus(null)
    try {
      await action()
    } catch (failure) {
      if (!isCancelled(failure)) {
        setStatus({ ok: false, text: errorMessage(failure, t('errors.INTERNAL')) })
      }
    } finally {
      setBusy(false)
    }
  }
  return { busy, status, setStatus, run }
}
