import { AREAS } from '../areas'
import { checkFileAgainst } from './check-against'
import type { CheckProblem, Invariant } from './check-problem'

/** Every area's invariants (`invariants` in its `area.ts`), in the order of AREAS. */
export const INVARIANTS: readonly Invariant[] = AREAS.flatMap((area) => area.invariants)

/**
 * `aimf check`: the checks of every file (check/check-against.ts) and every area's invariants.
 * The composition of the two lives here, apart, as the backup area checks the backups offered
 * with it and would otherwise import the list of areas that holds it.
 */
export function checkFile(path: string): Promise<CheckProblem[]> {
  return checkFileAgainst(path, INVARIANTS)
}
