import { Center, Loader } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
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

  if (!state) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  return state.file ? <Layout state={state} file={state.file} /> : <StartScreen state={state} />
}
