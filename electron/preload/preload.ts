import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge } from '@shared/contract/bridge'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import { MENU_COMMANDS, MENU_EVENT } from '@shared/contract/menu-commands'

/**
 * The interface's only door to the core: `window.api`, one function per channel of the contract.
 * No ipcRenderer, no Node, no generic "send" crosses to the page.
 */
contextBridge.exposeInMainWorld(
  'api',
  createBridge(
    CHANNEL_NAMES,
    (channel, input) => ipcRenderer.invoke(channel, input),
    (listener) => {
      const handler = (_event: IpcRendererEvent, command: unknown) => {
        if (typeof command === 'string') listener(command)
      }
      ipcRenderer.on(MENU_EVENT, handler)
      return () => ipcRenderer.removeListener(MENU_EVENT, handler)
    },
    MENU_COMMANDS,
  ),
)
