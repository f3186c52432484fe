import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '@shared/contract/channels'
import type { Result } from '@shared/contract/errors'
import type { Language } from '@shared/i18n/locale'
import { translate } from '@shared/i18n/translate'
import type { Dispatch } from '../ipc/dispatch'

/**
 * Registers every channel of the contract, and only those, on the IPC bus. A call from anywhere
 * but our own window is refused before its payload is even looked at.
 */
export function registerChannels(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  language: () => Language,
): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: translate(language(), 'errors.FORBIDDEN') },
        }
      }
      return dispatch(channel, payload)
    })
  }
}
