// Worst cases. Every read the schema allows, at its largest arguments, timed in the store at the
// benchmark's archive size; each hostile class of request sent to an API server in this process
// while the event loop's longest delay and the latency of /healthz are recorded; and a flood of
// distinct large answers and page addresses against a site process, with its resident memory.

import { SqliteStore } from '@jin/store/sqlite';
import type { Context } from '../shared/section.ts';
import { type FloodResult, flood } from './flood.ts';
import { type HostileClass, hostile } from './hostile.ts';
import { COMMON, timeReads, type WorstRead } from './reads.ts';

export interface WorstResult {
  size: number;
  reads: WorstRead[];
  /** The first count after a write, when the columns counts come from are read again. */
  countAfterWriteMs: number;
  hostile: HostileClass[];
  flood: FloodResult;
}

export async function benchWorst({ settings, datasets }: Context): Promise<WorstResult> {
  const dataset = await datasets.get(settings.storeSize);
  const size = dataset.size;
  const store = new SqliteStore({ path: dataset.path });
  let reads: WorstRead[];
  let countAfterWriteMs: number;
  try {
    reads = await timeReads(store, size, settings.smoke ? 3 : 7);
    // A write makes the next count read its columns again.
    await store.upsertTag({
      slug: 'topic-1',
      name: 'Topic 1',
      description: 'Synthetic topic number 1.',
    });
    const start = performance.now();
    await store.countArticles({ tags: { anyOf: COMMON } });
    countAfterWriteMs = performance.now() - start;
  } finally {
    await store.close();
  }
  return {
    size,
    reads,
    countAfterWriteMs,
    hostile: await hostile(dataset.path, size, settings.smoke ? 2 : 24),
    flood: await flood(dataset.path, settings.smoke ? 2 : 45),
  };
}
