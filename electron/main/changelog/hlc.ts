import { type HlcState, MAX_DRIFT_MS, formatHlc, parseHlc } from '@shared/sync/stamps'

export type { HlcState }
export { formatHlc, parseHlc }

const MAX_COUNTER = 0xffff

/**
 * A hybrid logical clock (Kulkarni et al.), as in Actual Budget's sync: wall-clock milliseconds,
 * a counter for events within the same millisecond (or while the wall clock lags), and the
 * replica id. Its text form sorts in causal order and is unique across machines:
 *
 *     2026-11-24T09:30:00.000Z-0000-0123456789abcdef
 */
export class HybridLogicalClock {
  private state: HlcState

  constructor(
    readonly replicaId: string,
    last: HlcState = { millis: 0, counter: 0 },
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!/^[0-9a-f]{16}$/.test(replicaId)) throw new RangeError(`Bad replica id ${replicaId}`)
    this.state = { ...last }
  }

  /** The stamp of a new local event. */
  tick(): string {
    const now = this.wallClock()
    const millis = Math.max(this.state.millis, now)
    const counter = millis === this.state.millis ? this.state.counter + 1 : 0
    if (counter > MAX_COUNTER) throw new RangeError('Clock counter overflow')
    this.state = { millis, counter }
    // A bulk action stamps thousands of rows within one millisecond: its date's text is made once.
    if (millis !== this.stampedMillis) {
      this.stampedMillis = millis
      this.stampedDate = new Date(millis).toISOString()
    }
    return formatHlc(this.state, this.replicaId, this.stampedDate)
  }

  private stampedMillis = -1
  private stampedDate = ''

  /** Moves the clock past a stamp received from another replica. */
  receive(stamp: string): void {
    const remote = parseHlc(stamp)
    const now = this.wallClock()
    if (remote.millis - now > MAX_DRIFT_MS) throw new RangeError(`Clock drift too large: ${stamp}`)
    const millis = Math.max(this.state.millis, remote.millis, now)
    const counter =
      millis === this.state.millis && millis === remote.millis
        ? Math.max(this.state.counter, remote.counter) + 1
        : millis === this.state.millis
          ? this.state.counter + 1
          : millis === remote.millis
            ? remote.counter + 1
            : 0
    this.state = { millis, counter }
  }

  snapshot(): HlcState {
    return { ...this.state }
  }
}
