// Opens the configured database (PostgreSQL when JIN_DATABASE_URL is set, the SQLite file
// otherwise), seeds it from the archive when it is empty, and loads the archive's timeline and
// statistics (unchanged files change nothing).

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadArchive, seedStore } from '@jin/content';
import { seedStatistics } from '@jin/content/statistics';
import { seedTimeline } from '@jin/content/timeline';
import type { ImportResult, Store, TokenStore } from '@jin/store';
import { SqliteStore, type SqliteStoreOptions } from '@jin/store/sqlite';
import { SqliteTokenStore } from '@jin/store/tokens';
import type { Config } from './config.ts';
import { watchDatasetVersion } from './dataset-version.ts';

export interface OpenedStore {
  engine: 'sqlite' | 'postgres';
  store: Store;
  tokens: TokenStore;
  /** Where the data lives, for messages (a file path, or the server without its password). */
  where: string;
}

export function openDatabase(
  path: string,
  options: Omit<SqliteStoreOptions, 'path'> = {},
): SqliteStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return new SqliteStore({ ...options, path });
}

/** A postgres:// URL without its password, fit for logs and messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export interface OpenOptions {
  /** SQLite only: how long a write waits inside the store for another writer. */
  writeWaitMs?: number;
  /** PostgreSQL only: names the connections in pg_stat_activity. */
  applicationName?: string;
}

/** Opens the store the configuration names: a database URL or a file. */
export async function openStore(
  config: Pick<
    Config,
    | 'JIN_DB_PATH'
    | 'JIN_DATABASE_URL'
    | 'JIN_DATABASE_POOL_SIZE'
    | 'JIN_DATABASE_STATEMENT_TIMEOUT_MS'
  >,
  options: OpenOptions = {},
): Promise<OpenedStore> {
  if (config.JIN_DATABASE_URL) return openPostgres(config.JIN_DATABASE_URL, config, options);
  const store = openDatabase(config.JIN_DB_PATH, { writeWaitMs: options.writeWaitMs });
  return {
    engine: 'sqlite',
    store,
    tokens: new SqliteTokenStore(store),
    where: config.JIN_DB_PATH,
  };
}

async function openPostgres(
  url: string,
  config: Pick<Config, 'JIN_DATABASE_POOL_SIZE' | 'JIN_DATABASE_STATEMENT_TIMEOUT_MS'>,
  options: OpenOptions,
): Promise<OpenedStore> {
  // Loaded only here, so a site on SQLite never loads the PostgreSQL driver.
  const { createPostgresStore } = await import('@jin/store/postgres');
  const store = await createPostgresStore({
    url,
    poolSize: config.JIN_DATABASE_POOL_SIZE,
    statementTimeoutMs: config.JIN_DATABASE_STATEMENT_TIMEOUT_MS,
    applicationName: options.applicationName ?? 'jin',
  });
  // Other processes write to this database too: the version every kept answer is checked
  // against is kept in memory and renewed by the database's announcements.
  return {
    engine: 'postgres',
    store: watchDatasetVersion(store),
    tokens: store,
    where: redactUrl(url),
  };
}

/** Seeds an empty database; returns what was imported, or null when it already had articles. */
export async function seedIfEmpty(store: Store): Promise<ImportResult | null> {
  if ((await store.countArticles()) > 0) return null;
  try {
    return await seedStore(store, loadArchive());
  } catch (error) {
    // Replicas starting together on one empty database race to seed it; the one that loses
    // finds the archive written by the other.
    if ((await store.countArticles()) > 0) return null;
    throw error;
  }
}

/**
 * Loads the archive's timeline. A timeline that no longer fits the database (an editor deleted
 * an article it cites) is reported and the timeline kept as it was, rather than stopping the site.
 */
export async function loadTimelineInto(
  store: Store,
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
  store: Store,
  warn: (error: unknown) => void,
): Promise<void> {
  try {
    await seedStatistics(store);
  } catch (error) {
    warn(error);
  }
}
