import { Center, Loader } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { LockScreen } from '../features/lock/LockScreen'
import { useInactivityLock } from '../features/lock/use-inactivity-lock'
import { StartScreen } from '../start/StartScreen'
import { useAppStore } from './app-store'
import { Layout } from './Layout'
import { useMenuCommands } from './use-menu-commands'

export function App() {
  const { t } = useTranslation()
  const state = useAppStore((s) => s.state)
  const refresh = useAppStore((s) => s.refresh)
  useEffect(() => {
    void refresh()
  }, [refresh])
  useMenuCommands()
  useInactivityLock(state)

  if (!state) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (state.lock.locked) return <LockScreen />
  return state.file ? <Layout state={state} file={state.file} /> : <StartScreen state={state} />
}
