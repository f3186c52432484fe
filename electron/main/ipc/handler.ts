import type { ChannelName, ChannelOutput, ChannelParsedInput } from '@shared/contract/channels'
import type { AppCore } from '../app/app-core'

/** The core's answer to one channel, given its validated input. */
export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
) => Promise<ChannelOutput<C>>

/** One handler per channel: the compiler refuses a channel without one. */
export type Handlers = { [C in ChannelName]: Handler<C> }

/** The handlers of one area, e.g. `HandlersOf<'funders'>` for every `funders.*` channel. */
export type HandlersOf<Area extends string> = {
  [C in ChannelName as C extends `${Area}.${string}` ? C : never]: Handler<C>
}

export type HandlerFactory<Area extends string> = (core: AppCore) => HandlersOf<Area>
