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
