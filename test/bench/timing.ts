/** Runs `work` once to warm it up, then `runs` times, and returns the time of each of those. */
export async function times(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  await work()
  const all: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now()
    await work()
    all.push(performance.now() - start)
  }
  return all
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * Runs `work` and its floor alternately, `runs` times each after one of each to warm up, and
 * returns the times of each: when the two share code (the same library writing the same
 * file), whichever ran first would warm it up for the other.
 */
export async function alternately(
  runs: number,
  work: () => Promise<unknown>,
  floor: () => Promise<unknown>,
): Promise<{ ms: number[]; floorMs: number[] }> {
  const timed = async (what: () => Promise<unknown>) => {
    const start = performance.now()
    await what()
    return performance.now() - start
  }
  await work()
  await floor()
  const ms: number[] = []
  const floorMs: number[] = []
  for (let i = 0; i < runs; i += 1) {
    ms.push(await timed(work))
    floorMs.push(await timed(floor))
  }
  return { ms, floorMs }
}
