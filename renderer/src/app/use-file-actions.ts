import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call, errorMessage, isCancelled } from '../lib/api'
import { useAppStore } from './app-store'
import type { ChosenBackup } from '../../../shared/backup/schema'

/** Open / create / close a data file, from the start screen, the menus or the settings. */
export function useFileActions() {
  const { t } = useTranslation()
  const fileOpened = useAppStore((s) => s.fileOpened)
  const refresh = useAppStore((s) => s.refresh)
  const [error, setError] = useState<string | null>(null)
  const [damagedPath, setDamagedPath] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** A file chosen to restore a damaged file from, waiting for the user's yes. */
  const [chosen, setChosen] = useState<{ path: string; backup: ChosenBackup } | null>(null)

  /** `damaged`: the damaged file the action was for, still offered to recover if it fails. */
  async function run(action: () => Promise<unknown>, damaged: string | null = null) {
    setError(null)
    setDamagedPath(null)
    setBusy(true)
    try {
      await action()
    } catch (failure) {
      if (isCancelled(failure)) return
      setError(errorMessage(failure, t('errors.INTERNAL')))
      if (
        failure instanceof ApiError &&
        failure.error.code === 'FILE_DAMAGED' &&
        failure.error.path
      ) {
        setDamagedPath(failure.error.path)
      } else if (damaged) {
        setDamagedPath(damaged)
      }
      await refresh()
    } finally {
      setBusy(false)
    }
  }

  return {
    error,
    /** A file that failed to open because it is damaged: it can be recovered from a backup. */
    damagedPath,
    busy,
    recover: (path: string) =>
      run(async () => fileOpened(await call('file.recoverFromBackup', { path })), path),
    chosen,
    /** Asks for a file to restore a damaged file from; the alert stays if the dialog is cancelled. */
    chooseBackupFor: async (path: string) => {
      try {
        setChosen({ path, backup: await call('backups.chooseFile', { forFile: path }) })
      } catch (failure) {
        if (!isCancelled(failure)) setError(errorMessage(failure, t('errors.INTERNAL')))
      }
    },
    dismissChosen: () => setChosen(null),
    recoverFromChosen: (path: string, backup: ChosenBackup, force: boolean) => {
      setChosen(null)
      return run(
        async () =>
          fileOpened(await call('file.recoverFromChosen', { path, token: backup.token, force })),
        path,
      )
    },
    /** Opens the damaged file only to look at it: nothing can be written to it. */
    view: (path: string) => run(async () => fileOpened(await call('file.viewDamaged', { path }))),
    openDemo: () => run(async () => fileOpened(await call('file.openDemo', {}))),
    createNew: () => run(async () => fileOpened(await call('file.createWithDialog', {}))),
    openExisting: () => run(async () => fileOpened(await call('file.openWithDialog', {}))),
    openRecent: (path: string) =>
      run(async () => fileOpened(await call('file.openRecent', { path }))),
    forgetRecent: (path: string) =>
      run(async () => call('file.forgetRecent', { path }).then(refresh)),
    close: () => run(async () => call('file.close', {}).then(refresh)),
  }
}
