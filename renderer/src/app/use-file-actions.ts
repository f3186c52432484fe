import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileToken } from '../../../shared/files/schema'
import { ApiError, call, errorMessage, isCancelled } from '../lib/api'
import { useAppStore } from './app-store'

/** Open / create / close a data file, from the start screen, the menus or the settings. */
export function useFileActions() {
  const { t } = useTranslation()
  const fileOpened = useAppStore((s) => s.fileOpened)
  const refresh = useAppStore((s) => s.refresh)
  const [error, setError] = useState<string | null>(null)
  const [damaged, setDamaged] = useState<FileToken | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(action: () => Promise<unknown>) {
    setError(null)
    setDamaged(null)
    setBusy(true)
    try {
      await action()
    } catch (failure) {
      if (isCancelled(failure)) return
      setError(errorMessage(failure, t('errors.INTERNAL')))
      if (
        failure instanceof ApiError &&
        failure.error.code === 'FILE_DAMAGED' &&
        failure.error.file
      ) {
        setDamaged(failure.error.file)
      }
      await refresh()
    } finally {
      setBusy(false)
    }
  }

  return {
    error,
    /**
     * The token of a file that failed to open because it is damaged: it can be recovered from a
     * backup, or looked at.
     */
    damaged,
    busy,
    recover: (file: FileToken) =>
      run(async () => fileOpened(await call('file.recoverFromBackup', { file }))),
    /** Opens the damaged file only to look at it: nothing can be written to it. */
    view: (file: FileToken) =>
      run(async () => fileOpened(await call('file.viewDamaged', { file }))),
    openDemo: () => run(async () => fileOpened(await call('file.openDemo', {}))),
    createNew: () => run(async () => fileOpened(await call('file.createWithDialog', {}))),
    openExisting: () => run(async () => fileOpened(await call('file.openWithDialog', {}))),
    openRecent: (file: FileToken) =>
      run(async () => fileOpened(await call('file.openRecent', { file }))),
    forgetRecent: (file: FileToken) =>
      run(async () => call('file.forgetRecent', { file }).then(refresh)),
    close: () => run(async () => call('file.close', {}).then(refresh)),
  }
}
