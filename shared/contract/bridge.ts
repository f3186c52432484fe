import type { ChannelInput, ChannelName, ChannelOutput } from './channels'
import type { Result } from './errors'
import type { MenuCommand } from './menu-commands'

/** One function per channel, each resolving to a result value and never throwing. */
export type ChannelApi = {
  readonly [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
}

/** `window.api`: the channels, and a way to hear the native menu's commands. */
export type Api = ChannelApi & {
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
}

export type Invoke = (channel: string, input: unknown) => Promise<unknown>
export type Subscribe = (listener: (command: string) => void) => () => void

/**
 * Builds `window.api` from the channel names and a transport. The preload passes
 * `ipcRenderer.invoke`; the end-to-end tests pass a binding to the real core. This function is
 * self-contained (it refers to nothing outside itself) because the tests inject its source text
 * into the page as it is.
 */
export function createBridge(
  channelNames: readonly string[],
  invoke: Invoke,
  subscribe: Subscribe,
  menuCommands: readonly string[],
): Api {
  const api: Record<string, unknown> = {}
  for (const name of channelNames) {
    api[name] = (input: unknown) => invoke(name, input === undefined ? {} : input)
  }
  api.onMenuCommand = (listener: (command: string) => void) =>
    subscribe((command) => {
      if (menuCommands.includes(command)) listener(command)
    })
  return Object.freeze(api) as unknown as Api
}
