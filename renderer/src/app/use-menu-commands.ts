import { useEffect } from 'react'
import { useAppStore } from './app-store'
import { useFileActions } from './use-file-actions'

/** Carries out what the native menus ask, through the same actions as the buttons. */
export function useMenuCommands() {
  const files = useFileActions()
  const refresh = useAppStore((s) => s.refresh)
  useEffect(
    () =>
      window.api.onMenuCommand((command) => {
        switch (command) {
          case 'file.new':
            return void files.createNew()
          case 'file.open':
            return void files.openExisting()
          case 'file.openDemo':
            return void files.openDemo()
          case 'file.close':
            return void files.close()
          case 'language.changed':
          case 'state.changed':
            return void refresh()
        }
      }),
    [files, refresh],
  )
}
