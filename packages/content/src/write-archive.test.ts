import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@jin/store/sqlite';
import { describe, expect, it } from 'vitest';
import { loadArchive, seedStore } from './archive.ts';
import { snapshotStore, writeArchive } from './write-archive.ts';

describe('exporting the archive', () => {
  it('round-trips: store -> files -> store gives the same articles', async () => {
    const original = loadArchive();
    const store = openSqliteStore();
    await seedStore(store, original);
    const dir = mkdtempSync(join(tmpdir(), 'jin-export-'));
    try {
      expect(writeArchive(dir, await snapshotStore(store))).toBe(original.articles.length);
      const exported = loadArchive(dir);
      const strip = (a: (typeof original.articles)[number]) => ({
        ...a,
        file: undefined,
        media: a.media.slug,
      });
      expect(exported.articles.map(strip)).toEqual(original.articles.map(strip));
      const bySlug = (list: { slug: string }[]) =>
        [...list].sort((a, b) => a.slug.localeCompare(b.slug));
      expect(bySlug(exported.tags)).toEqual(bySlug(original.tags));
      // Exporting an unchanged store twice gives byte-identical files, so diffs show real edits.
      const name = original.articles[0]?.file as string;
      const first = readFileSync(join(dir, name), 'utf8');
      writeArchive(dir, await snapshotStore(store));
      expect(readFileSync(join(dir, name), 'utf8')).toBe(first);
      expect(first).toMatch(/^---\ntitle: .+\nreleasedOn: \d{4}-\d{2}-\d{2}\nmedia: .+\n/);
      const again = openSqliteStore();
      await seedStore(again, exported);
      expect(await seedStore(again, original)).toEqual({
        created: 0,
        updated: 0,
        unchanged: original.articles.length,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
