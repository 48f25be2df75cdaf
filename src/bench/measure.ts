/** Timings of one stage: the median is what the benchmark reports, the samples show the spread. */
export interface Timing {
  medianMs: number;
  samples: number[];
}

/** Warm-up lasts at least one run and at least this long: one run of a 1 ms stage leaves it unoptimised. */
const WARM_UP_MS = 50;

/**
 * Runs `fn` to warm up (JIT, lazy ICU data, caches), then `runs` times, and returns the
 * median wall time: robust to one run hit by garbage collection or a noisy neighbour.
 * Results go to a sink so the work cannot be optimised away.
 */
export function timeMedian(runs: number, fn: () => unknown): Timing {
  const warmUpEnd = performance.now() + WARM_UP_MS;
  do sink = fn();
  while (performance.now() < warmUpEnd);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = fn();
    samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), samples };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// Written, never read: a result the engine must compute because it escapes the function.
let sink: unknown;
