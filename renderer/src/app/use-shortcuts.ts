import { useEffect } from 'react'
import { useAppStore } from './app-store'
import { AREAS } from './areas'
import { usePalette } from './palette/CommandPalette'
import { useUndo } from './use-undo'

/** Where Ctrl+Z belongs to the field being typed in (its own text undo), not to the app. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[role="dialog"]') !== null
  )
}

/**
 * The window's keyboard shortcuts (listed in Aide): Ctrl+K the palette, Ctrl+Z the undo of the
 * last edit outside a field, Alt+1…9 the areas of the sidebar, F1 the help.
 */
export function useShortcuts() {
  const undo = useUndo()
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const ctrl = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (ctrl && !event.altKey && key === 'k') {
        event.preventDefault()
        usePalette.getState().setOpened(true)
      } else if (ctrl && !event.shiftKey && key === 'z' && !typingIn(event.target)) {
        event.preventDefault()
        undo()
      } else if (event.altKey && !ctrl && /^Digit[1-9]$/.test(event.code)) {
        const area = AREAS[Number(event.code.slice(5)) - 1]
        if (area) {
          event.preventDefault()
          useAppStore.getState().setArea(area)
        }
      } else if (event.key === 'F1') {
        event.preventDefault()
        useAppStore.getState().setArea('help')
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [undo])
}
