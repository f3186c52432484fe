import type { ChannelInput, ChannelName, ChannelOutput } from './channels'
import type { Result } from './errors'

/** `window.api`: one function per channel, each resolving to a result value, never throwing. */
export type Api = {
  readonly [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
}

export type Invoke = (channel: string, input: unknown) => Promise<unknown>

/**
 * Builds `window.api` from the channel names and a transport. The preload passes
 * `ipcRenderer.invoke`; the end-to-end tests pass a binding to the real core. This function is
 * self-contained (it refers to nothing outside itself) because the tests inject its source text
 * into the page as it is.
 */
export function createBridge(channelNames: readonly string[], invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const name of channelNames) {
    api[name] = (input: unknown) => invoke(name, input === undefined ? {} : input)
  }
  return Object.freeze(api) as unknown as Api
}
