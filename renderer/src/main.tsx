import '@mantine/core/styles.css'
import '@mantine/charts/styles.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider } from '@mantine/core'
import { App } from './app/App'
import { ApiError } from './lib/api'
import { useNotices } from './components/notices'
import { initI18n } from './lib/i18n'
import { installRequiredMessages } from './lib/required-messages'
import { theme } from './app/theme'

// A call whose refusal no screen caught (a list that failed to load) is still told to the user,
// in their language, rather than lost: in the window's notices, once however often it recurs.
window.addEventListener('unhandledrejection', (event) => {
  if (!(event.reason instanceof ApiError)) return
  event.preventDefault()
  if (event.reason.error.code !== 'CANCELLED') useNotices.getState().fail(event.reason.message)
})

void initI18n().then(() => {
  installRequiredMessages()
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
