// Timing samples and their summaries. Times are milliseconds measured with performance.now().

export interface Summary {
  n: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    n: sorted.length,
    median,
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
  };
}

export interface SampleOptions {
  warmup: number;
  /** Stop after this many measured runs… */
  iterations: number;
  /** …or once this much time has been spent measuring, whichever comes first. */
  budgetMs: number;
  /** But never fewer than this many runs. */
  minIterations: number;
}

/** Runs `fn` sequentially: a few unmeasured warm-up runs, then timed runs within a budget. */
export async function sample(fn: () => Promise<unknown>, options: SampleOptions): Promise<Summary> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  while (
    times.length < options.minIterations ||
    (times.length < options.iterations && performance.now() - start < options.budgetMs)
  ) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * Like `sample`, for reads that are compared with each other: the calls alternate, so drift in
 * the machine's speed during the measurement affects all of them alike.
 */
export async function sampleTogether<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  options: SampleOptions,
): Promise<Record<K, Summary>> {
  const entries = Object.entries(fns) as [K, () => Promise<unknown>][];
  for (let i = 0; i < options.warmup; i++) for (const [, fn] of entries) await fn();
  const times = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  const start = performance.now();
  let runs = 0;
  while (
    runs < options.minIterations ||
    (runs < options.iterations && performance.now() - start < options.budgetMs * entries.length)
  ) {
    for (const [k, fn] of entries) {
      const t0 = performance.now();
      await fn();
      times.get(k)?.push(performance.now() - t0);
    }
    runs++;
  }
  return Object.fromEntries(entries.map(([k]) => [k, summarize(times.get(k) ?? [])])) as Record<
    K,
    Summary
  >;
}
