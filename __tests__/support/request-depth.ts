/**
 * The sequential depth of a set of timed requests: the longest chain in which each request
 * started only after the one before it had finished. On a network where every request costs
 * one round trip, this is how many round trips the work waits for, however many requests
 * ran alongside. Requests still open (no end) end nothing, but can close a chain.
 */
export type Interval = { start: number; end: number };

/** Length of the longest chain of non-overlapping, one-after-another requests; 0 for none. */
export function sequentialDepth(requests: readonly Interval[]): number {
  return longestChain(requests).length;
}

/** One chain of that depth, in order, to print what waited for what. Quadratic: fine for a run's few dozen requests. */
export function longestChain<T extends Interval>(requests: readonly T[]): T[] {
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  const prev: number[] = [];
  byStart.forEach((r, i) => {
    depth[i] = 1;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      const before = byStart[j]!;
      if (Number.isFinite(before.end) && before.end <= r.start && depth[j]! + 1 > depth[i]!) {
        depth[i] = depth[j]! + 1;
        prev[i] = j;
      }
    }
  });
  let at = depth.length === 0 ? -1 : depth.indexOf(Math.max(...depth));
  const chain: T[] = [];
  while (at >= 0) {
    chain.unshift(byStart[at]!);
    at = prev[at]!;
  }
  return chain;
}
