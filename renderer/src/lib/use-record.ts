import { type DependencyList, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Status } from '../components/StatusMessage'
import { errorMessage } from './api'
import { useApiData } from './use-api-data'

/**
 * One record's page state: the record read from the core (again when `deps` change), and the
 * page's status line — the failure to read it, or what the last change did.
 */
export function useRecord<T>(load: () => Promise<T>, deps: DependencyList) {
  const { t } = useTranslation()
  // eslint-disable-next-line react-hooks/exhaustive-deps -- checked at the call site
  const { data: record, error, reload, setData: setRecord } = useApiData(load, deps)
  const [said, setSaid] = useState<Status | null>(null)
  // A failure to read stands until the next answer, or until the user closes it.
  const [dismissed, setDismissed] = useState<unknown>(null)
  const failure = error !== null && error !== dismissed
  const status: Status | null = failure
    ? { ok: false, text: errorMessage(error, t('errors.INTERNAL')) }
    : said
  const setStatus = (next: Status | null) => {
    setSaid(next)
    setDismissed(error)
  }
  return {
    record,
    setRecord,
    reload,
    status,
    setStatus,
    /** A change the page made: its new record, and what to say. */
    saved(next: T, message: string) {
      setRecord(next)
      setStatus({ ok: true, text: message })
    },
    /** A change that failed: its message in the status line. */
    failed(message: string) {
      setStatus({ ok: false, text: message })
    },
  }
}
