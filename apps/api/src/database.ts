// Opens the configured database, seeds it from the archive when it is empty, and loads the
// archive's timeline and statistics (unchanged files change nothing).

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { seedStatistics } from '@jin/content/statistics';
import { seedTimeline } from '@jin/content/timeline';
import type { ImportResult } from '@jin/store';
import { SqliteStore, type SqliteStoreOptions } from '@jin/store/sqlite';

export function openDatabase(
  path: string,
  options: Omit<SqliteStoreOptions, 'path'> = {},
): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new SqliteStore({ ...options, path });
}

/** Seeds an empty database; returns what was imported, or null when it already had articles. */
export async function seedIfEmpty(store: SqliteStore): Promise<ImportResult | null> {
  if ((await store.countArticles()) > 0) return null;
  return seedStore(store, loadArchive());
}

/**
 * Loads the archive's timeline. A timeline that no longer fits the database (an editor deleted
 * an article it cites) is reported and the timeline kept as it was, rather than stopping the site.
 */
export async function loadTimelineInto(
  store: SqliteStore,
  warn: (error: unknown) => void,
): Promise<void> {
  try {
    await seedTimeline(store);
  } catch (error) {
    warn(error);
  }
}

/** Loads the archive's statistics series; like the timeline, a misfit is reported, not fatal. */
export async function loadStatisticsInto(
  store: SqliteStore,
  warn: (error: unknown) => void,
): Promise<void> {
  try {
    await seedStatistics(store);
  } catch (error) {
    warn(error);
  }
}
