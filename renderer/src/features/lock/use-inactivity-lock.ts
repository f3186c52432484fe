import { useEffect } from 'react'
import type { AppState } from '@shared/app/schema'
import { useAppStore } from '../../app/app-store'
import { call } from '../../lib/api'

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const

/** Locks the window after the chosen minutes without a key, a click or a move, when a lock is set. */
export function useInactivityLock(state: AppState | null) {
  const refresh = useAppStore((s) => s.refresh)
  const enabled = state?.lock.enabled ?? false
  const locked = state?.lock.locked ?? false
  const minutes = state?.lock.minutes ?? 10
  useEffect(() => {
    if (!enabled || locked) return
    let timer = 0
    const arm = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        void call('app.lock', {}).then(refresh)
      }, minutes * 60_000)
    }
    arm()
    for (const type of ACTIVITY) window.addEventListener(type, arm, { passive: true })
    return () => {
      window.clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, arm)
    }
  }, [enabled, locked, minutes, refresh])
}
