import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { App } from './app/App'
import { initI18n } from './lib/i18n'
import { theme } from './app/theme'

void initI18n().then(() => {
  const root = document.getElementById('root')
  if (!root) return
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme}>
        <App />
      </MantineProvider>
    </StrictMode>,
  )
})
