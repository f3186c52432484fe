/**
 * The text form of a hybrid logical clock stamp (see electron/main/changelog/hlc.ts): it sorts
 * in causal order and ends with the copy that made it —
 *
 *     2026-11-24T09:30:00.000Z-0000-0123456789abcdef
 */
/**
 * How far ahead of this machine's clock a stamp received from another copy may be: a laptop
 * whose clock is a few hours off (a time zone set as UTC) still syncs; a stamp further ahead is
 * refused — followed, it would push this copy's clock, and every stamp after it, into the future.
 */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000

export interface HlcState {
  millis: number
  counter: number
}

/** `date`: the millis' ISO text, when the caller has it already (a clock stamping a bulk action). */
export function formatHlc(
  state: HlcState,
  replicaId: string,
  date: string = new Date(state.millis).toISOString(),
): string {
  const counter = state.counter.toString(16).padStart(4, '0')
  return `${date}-${counter}-${replicaId}`
}

export function parseHlc(stamp: string): HlcState & { replicaId: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(
    stamp,
  )
  if (!match) throw new RangeError(`Not a clock stamp: ${stamp}`)
  return {
    millis: Date.parse(match[1] ?? ''),
    counter: parseInt(match[2] ?? '', 16),
    replicaId: match[3] ?? '',
  }
}
