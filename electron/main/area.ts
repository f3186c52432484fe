import type { AppCore } from './app/app-core'
import type { HandlersOf } from './ipc/handler'

/**
 * What an area of the core declares, in its `<area>/area.ts`: its name (the prefix of its
 * channels, e.g. `funders.*` in shared/funders/channels.ts) and the handlers of those channels.
 * The list of areas (areas.ts) is where the core learns of it.
 */
export interface Area<Prefix extends string> {
  readonly name: string
  readonly handlers: (core: AppCore) => HandlersOf<Prefix>
}

/** An area whose channels have more than one prefix (`app.*` and `file.*`, `dues.*` and `letters.*`). */
export function defineArea<Prefix extends string>(area: Area<Prefix>): Area<Prefix> {
  return area
}
