import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { call, errorMessage } from '../lib/api'
import { useNotices } from '../components/notices'
import { useAppStore } from './app-store'

/**
 * Undoes the user's last edit of a field: the core writes a new change restoring the previous
 * value (the history shows both); the screen on show then reads its data again. A refusal (a
 * money event, a record changed since) is said in the window's notices, and nothing changes.
 */
export function useUndo(): () => void {
  const { t } = useTranslation()
  return useCallback(() => {
    const { dataChanged } = useAppStore.getState()
    const { notify, fail } = useNotices.getState()
    call('history.undoLast', {}).then(
      (undone) => {
        const fields = undone.columns
          .map((column) => t(`history.column.${column}` as 'history.column.name'))
          .join(', ')
        fail(null)
        notify({ text: t('undo.done', { name: undone.name, fields }) })
        dataChanged()
      },
      (failure: unknown) => fail(errorMessage(failure, t('errors.INTERNAL'))),
    )
  }, [t])
}

/**
 * Says that an edit of a record's fields was saved, with « Annuler la modification » beside it
 * (the same undo as Ctrl+Z). Only when the form had a change: a save that wrote nothing must
 * not offer to undo an older edit.
 */
export function useEditSavedNotice(): (name: string, changed: boolean) => void {
  const { t } = useTranslation()
  return useCallback(
    (name, changed) => {
      if (changed) useNotices.getState().notify({ text: t('undo.saved', { name }), undo: true })
    },
    [t],
  )
}
