import type { AppCore } from '../app/app-core'
import { AREAS } from '../areas'
import { AppFailure } from '../failure'
import { CHANNELS_WHILE_LOCKED } from '../lock/window-lock'
import type { Handlers } from './handler'

/** The handlers all the areas declare, merged: one per channel of each. */
type AreasHandlers = UnionToIntersection<ReturnType<(typeof AREAS)[number]['handlers']>>

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  u: infer I,
) => void
  ? I
  : never

/**
 * Every channel's handler, from the list of areas (areas.ts). The compiler refuses a channel of
 * the contract that no area handles. While the window is locked, only the lock screen's channels
 * answer.
 */
export function createHandlers(core: AppCore): Handlers {
  const handlers: AreasHandlers = Object.assign({}, ...AREAS.map((area) => area.handlers(core)))
  const complete: Handlers = handlers
  return whileUnlocked(core, complete)
}

function whileUnlocked(core: AppCore, handlers: Handlers): Handlers {
  const guarded: Record<string, (input: never) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers) as [
    string,
    (input: never) => Promise<unknown>,
  ][]) {
    guarded[name] = CHANNELS_WHILE_LOCKED.has(name)
      ? handler
      : async (input) => {
          if (core.isLocked()) throw new AppFailure('LOCKED')
          return handler(input)
        }
  }
  return guarded as Handlers
}
