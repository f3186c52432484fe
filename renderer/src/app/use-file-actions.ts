import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppError } from '@shared/contract/errors'
import type { FileToken } from '@shared/files/schema'
import { ApiError, call, errorMessage, isCancelled } from '../lib/api'
import { useAppStore } from './app-store'
import type { ChosenBackup } from '@shared/backup/schema'

/** Open / create / close a data file, from the start screen, the menus or the settings. */
export function useFileActions() {
  const { t } = useTranslation()
  const fileOpened = useAppStore((s) => s.fileOpened)
  const fileCreated = useAppStore((s) => s.fileCreated)
  const refresh = useAppStore((s) => s.refresh)
  const [error, setError] = useState<string | null>(null)
  const [damaged, setDamaged] = useState<FileToken | null>(null)
  /** Where that damaged file is, to name it in a question. */
  const [damagedPath, setDamagedPath] = useState('')
  const [busy, setBusy] = useState(false)
  /** A file chosen to restore a damaged file from, waiting for the user's yes. */
  const [chosen, setChosen] = useState<{
    file: FileToken
    path: string
    backup: ChosenBackup
  } | null>(null)

  /** `forDamaged`: the damaged file the action was for, still offered to recover if it fails. */
  async function run(action: () => Promise<unknown>, forDamaged: FileToken | null = null) {
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
        setDamagedPath(failure.error.path ?? '')
      } else if (forDamaged) {
        setDamaged(forDamaged)
      }
      await refresh()
    } finally {
      setBusy(false)
    }
  }

  /** A damage found after the file opened (its background check): offered as if opening had. */
  const showDamage = useCallback((found: AppError) => {
    setError(found.message)
    setDamaged(found.file ?? null)
    setDamagedPath(found.path ?? '')
  }, [])

  return {
    error,
    showDamage,
    /**
     * The token of a file that failed to open because it is damaged: it can be recovered from a
     * backup, or looked at.
     */
    damaged,
    busy,
    recover: (file: FileToken) =>
      run(async () => fileOpened(await call('file.recoverFromBackup', { file })), file),
    chosen,
    /** Asks for a file to restore a damaged file from; the alert stays if the dialog is cancelled. */
    chooseBackupFor: async (file: FileToken) => {
      try {
        const backup = await call('backups.chooseFile', { forFile: file })
        setChosen({ file, path: damagedPath, backup })
      } catch (failure) {
        if (!isCancelled(failure)) setError(errorMessage(failure, t('errors.INTERNAL')))
      }
    },
    dismissChosen: () => setChosen(null),
    recoverFromChosen: (file: FileToken, backup: ChosenBackup, force: boolean) => {
      setChosen(null)
      return run(
        async () =>
          fileOpened(await call('file.recoverFromChosen', { file, token: backup.token, force })),
        file,
      )
    },
    /** Opens the damaged file only to look at it: nothing can be written to it. */
    view: (file: FileToken) =>
      run(async () => fileOpened(await call('file.viewDamaged', { file }))),
    openDemo: () => run(async () => fileOpened(await call('file.openDemo', {}))),
    createNew: () => run(async () => fileCreated(await call('file.createWithDialog', {}))),
    openExisting: () => run(async () => fileOpened(await call('file.openWithDialog', {}))),
    openRecent: (file: FileToken) =>
      run(async () => fileOpened(await call('file.openRecent', { file }))),
    forgetRecent: (file: FileToken) =>
      run(async () => call('file.forgetRecent', { file }).then(refresh)),
    close: () => run(async () => call('file.close', {}).then(refresh)),
  }
}
