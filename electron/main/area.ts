import type { AppCore } from './app/app-core'
import type { AreaServices } from './app/area-services'
import type { Invariant } from './check/check-problem'
import type { Register } from './workbook/register'

/**
 * What an area of the core declares, in its `<area>/area.ts`: its name (the prefix of its
 * channels, e.g. `funders.*` in shared/funders/channels.ts), what it adds to the session (its
 * `services.ts`, if it keeps any), the handlers of its channels, its workbook registers and the
 * invariants of its records. The list of areas (areas.ts) is where the core learns of it: the
 * session is built, the channels registered, the workbook's sheets listed (workbook/registers.ts)
 * and `aimf check`'s invariants run (check/file-check.ts) from there.
 */
export interface Area<Handlers, Services extends AreaServices<never, object> | undefined> {
  readonly name: string
  readonly services: Services
  readonly handlers: (core: AppCore) => Handlers
  /** Its registers of the workbook (`registersOf(...)`), in its own order; none: `[]`. */
  readonly registers: readonly Register[]
  /** What `aimf check` verifies of its records (`*-invariants.ts`), in its order; none: `[]`. */
  readonly invariants: readonly Invariant[]
}

/**
 * Declares an area. Its handlers are typed by their factory (`HandlerFactory<'funders'>`, or an
 * inline factory returning `HandlersOf<'dues' | 'letters'>`) and its services by their
 * declaration, both kept precise: the session's type and the contract are checked against them.
 */
export function defineArea<Handlers, Services extends AreaServices<never, object> | undefined>(
  area: Area<Handlers, Services>,
): Area<Handlers, Services> {
  return area
}
