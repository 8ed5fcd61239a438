// How big and how long each benchmark runs: the full suite, or the smoke run that tests it.

import type { SampleOptions } from './stats.ts';

export interface Settings {
  smoke: boolean;
  /** Articles in the archive the store section reads. */
  storeSize: number;
  /** Archive sizes for the scale section, smallest first. */
  scaleSizes: number[];
  storeSampling: SampleOptions;
  httpSampling: SampleOptions;
  connections: number;
  /** The lighter load the API's main figures are also taken at (p50 and p99 without queueing). */
  fewConnections: number;
  /** Seconds of measured load per autocannon run, after `warmupS` seconds of warm-up. */
  durationS: number;
  warmupS: number;
  /** Rounds of Lighthouse over every page (0: none); a page's figures are its median run. */
  lighthouseRounds: number;
  /** Seconds of load while the slowest API target is CPU-profiled; 0 skips profiling. */
  profileS: number;
  /** Seconds of mixed reads and writes against one site process, after `soakWarmupS`. */
  soakS: number;
  soakWarmupS: number;
}

export function settingsFor(smoke: boolean): Settings {
  return smoke
    ? {
        smoke,
        storeSize: 200,
        scaleSizes: [50, 200],
        storeSampling: { warmup: 3, iterations: 20, budgetMs: 200, minIterations: 5 },
        httpSampling: { warmup: 2, iterations: 10, budgetMs: 200, minIterations: 5 },
        connections: 50,
        fewConnections: 10,
        durationS: 1,
        warmupS: 0.5,
        lighthouseRounds: 0,
        profileS: 1,
        soakS: 3,
        soakWarmupS: 1,
      }
    : {
        smoke,
        storeSize: 100_000,
        scaleSizes: [1_000, 10_000, 100_000],
        storeSampling: { warmup: 20, iterations: 1000, budgetMs: 3000, minIterations: 15 },
        httpSampling: { warmup: 100, iterations: 400, budgetMs: 3000, minIterations: 15 },
        connections: 50,
        fewConnections: 10,
        durationS: 10,
        warmupS: 2,
        // Five: the number of runs Lighthouse's own guidance on variability takes the median of.
        lighthouseRounds: 5,
        profileS: 10,
        soakS: 60,
        soakWarmupS: 10,
      };
}
