// Synthetic archives in SQLite files under one temporary folder, each built once per run.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSynthetic } from '@jin/content/synthetic';
import { SqliteStore } from '@jin/store/sqlite';

/** The most common synthetic tag: the largest tag table. */
export const BIG_TAG = 'topic-1';

export interface Dataset {
  size: number;
  path: string;
  /** Seconds to generate the articles and load them into a new file. */
  loadSeconds: number;
}

export class Datasets {
  readonly dir = mkdtempSync(join(tmpdir(), 'jin-bench-'));
  private readonly built = new Map<number, Dataset>();

  /** The file for `size` articles, built on first request (seed 42, so every run is alike). */
  async get(size: number): Promise<Dataset> {
    const existing = this.built.get(size);
    if (existing) return existing;
    const path = join(this.dir, `synthetic-${size}.sqlite`);
    const start = performance.now();
    const store = new SqliteStore({ path });
    const created = await loadSynthetic(store, { count: size, seed: 42 });
    await store.close();
    if (created !== size) throw new Error(`expected ${size} synthetic articles, loaded ${created}`);
    const dataset = { size, path, loadSeconds: (performance.now() - start) / 1000 };
    this.built.set(size, dataset);
    return dataset;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The database file with its write-ahead log, in bytes. */
export function databaseBytes(path: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size;
    } catch {
      // no log file: everything was checkpointed on close
    }
  }
  return bytes;
}
