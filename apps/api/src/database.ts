// Opens the configured database and seeds it from the archive when it is empty.

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
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
