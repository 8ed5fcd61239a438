import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArchive } from '@jin/content';
import { SqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'jin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'cli.sqlite');
const env = { JIN_DB_PATH: db };

async function withStore<T>(fn: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = new SqliteStore({ path: db });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const row = (i: number, extra: Record<string, unknown> = {}) => ({
  slug: `imported-${i}`,
  title: `Imported article ${i}`,
  releasedOn: `2026-04-0${(i % 9) + 1}`,
  media: 'KYODO NEWS',
  summary: `Summary number ${i}.`,
  tags: ['statistics'],
  ...extra,
});

describe('command line', () => {
  it('seeds idempotently', () => {
    const count = loadArchive().articles.length;
    expect(runCli(['seed'], env).stdout).toContain(`${count} created, 0 updated, 0 unchanged`);
    expect(runCli(['seed'], env).stdout).toContain(`0 created, 0 updated, ${count} unchanged`);
  });

  it('dry-runs an import, reporting every invalid row with file, line and field', async () => {
    const file = join(dir, 'rows.json');
    writeFileSync(
      file,
      `[\n  ${JSON.stringify(row(1))},\n  ${JSON.stringify(row(2, { releasedOn: '2026-02-30', tags: ['nope'] }))},\n  ${JSON.stringify(row(3, { title: '', sourceUrl: 'ftp://x' }))}\n]\n`,
    );
    const result = runCli(['import', file, '--dry-run'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'rows.json:3: releasedOn: must be a real date written YYYY-MM-DD',
    );
    expect(result.stderr).toContain('rows.json:3: tags.0: unknown tag "nope"');
    expect(result.stderr).toContain('rows.json:4: title: must not be empty');
    expect(result.stderr).toContain('rows.json:4: sourceUrl: must be an absolute http(s) URL');
    expect(result.stderr).toContain('4 problem(s); nothing was imported.');
    expect(await withStore((s) => s.getArticleBySlug('imported-1'))).toBeNull();
  });

  it('imports CSV all or nothing, and dry-runs without writing', async () => {
    const csv = join(dir, 'rows.csv');
    writeFileSync(
      csv,
      'slug,title,releasedOn,media,summary,tags,sourceUrl\n' +
        'csv-1,"First, with comma",2026-05-01,Japan Times,"Line one.\n\nLine two.",statistics;students,https://example.org/1\n' +
        'csv-2,Second,2026-05-02,The Mainichi,Text.,visa-rules,\n',
    );
    const dry = runCli(['import', csv, '--dry-run'], env);
    expect(dry.stdout).toContain('2 articles checked: 2 would be created');
    expect(await withStore((s) => s.getArticleBySlug('csv-1'))).toBeNull();
    expect(runCli(['import', csv], env).stdout).toContain('2 were created');
    const first = await withStore((s) => s.getArticleBySlug('csv-1'));
    expect(first?.media.slug).toBe('the-japan-times');
    expect(first?.summary).toBe('Line one.\n\nLine two.');
    expect(first?.tags.map((t) => t.slug)).toEqual(['statistics', 'students']);
    const broken = join(dir, 'broken.csv');
    writeFileSync(
      broken,
      'slug,title,releasedOn,media,summary,tags\ncsv-3,Ok,2026-05-03,Kyodo,Text.,statistics\ncsv-4,Bad,2026-13-01,Kyodo,Text.,statistics\n',
    );
    const refused = runCli(['import', broken], env);
    expect(refused.stderr).toContain('broken.csv:3: releasedOn');
    expect(await withStore((s) => s.getArticleBySlug('csv-3'))).toBeNull();
  });

  it('exports the database as archive files and imports the folder back', async () => {
    const out = join(dir, 'export');
    const exported = runCli(['export', out], env);
    const total = await withStore((s) => s.countArticles());
    expect(exported.stdout).toContain(`wrote ${total} articles`);
    expect(readdirSync(join(out, 'articles'))).toHaveLength(total);
    expect(runCli(['import', out], env).stdout).toContain(
      `0 were created, 0 were updated, ${total} unchanged`,
    );
  });

  it('creates a token shown once, lists it without the secret, and revokes it', () => {
    const created = runCli(['token', 'create', 'night-desk', '--scope', 'write'], env);
    const secret = /jin_[\w-]+/.exec(created.stdout)?.[0] as string;
    expect(secret.length).toBeGreaterThan(30);
    const listed = runCli(['token', 'list'], env).stdout;
    expect(listed).toMatch(/night-desk\twrite\tcreated/);
    expect(listed).not.toContain(secret);
    expect(runCli(['token', 'create', 'night-desk'], env).status).toBe(1);
    expect(runCli(['token', 'revoke', 'night-desk'], env).stdout).toContain('Revoked');
    expect(runCli(['token', 'list'], env).stdout).toMatch(/night-desk.*revoked/);
    expect(runCli(['token', 'revoke', 'night-desk'], env).status).toBe(1);
  });
});
