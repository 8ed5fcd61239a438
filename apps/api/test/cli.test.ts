// The command line run as editors run it, as a child process: seed, tokens, import and export.
// Kept whole: its cases share one database fixture and the process runner.

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadArchive } from '@jin/content';
import { SqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from './processes.ts';

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

  it('refuses a Latin-1 file without --encoding, naming line and column, and imports it with one', async () => {
    const text =
      'slug,title,releasedOn,media,summary,tags\n' +
      'latin-1,Café à São Paulo: naïve façade,2026-05-11,Le Monde,Résumé « déjà vu » ÿ.,statistics\n';
    const file = join(dir, 'latin1.csv');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const refused = runCli(['import', file], env);
    expect(refused.status).toBe(1);
    const column = 'latin-1,Caf'.length + 1;
    expect(refused.stderr).toContain(
      'latin1.csv:2: (file): is not valid UTF-8 (byte 0xE9 at offset',
    );
    expect(refused.stderr).toContain('--encoding windows-1252');
    expect(refused.stderr).toContain(`(column ${column})`);
    expect(await withStore((s) => s.getArticleBySlug('latin-1'))).toBeNull();

    const imported = runCli(['import', file, '--encoding', 'latin1'], env);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('1 were created');
    const article = await withStore((s) => s.getArticleBySlug('latin-1'));
    expect(article?.title).toBe('Café à São Paulo: naïve façade');
    expect(article?.media.name).toBe('Le Monde');
    expect(article?.summary).toBe('Résumé « déjà vu » ÿ.');
  });

  it('refuses a Shift-JIS file without --encoding and imports it with --encoding shift_jis', async () => {
    // An encoder from the decoder's own table; 表 and ソ end in 0x5C, a backslash in ASCII.
    const decoder = new TextDecoder('shift_jis');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const c = decoder.decode(Uint8Array.of(lead, trail));
        if (c.length === 1 && !table.has(c)) table.set(c, [lead, trail]);
      }
    }
    const shiftJis = (text: string) =>
      Buffer.from(
        [...text].flatMap((c) => {
          const code = c.charCodeAt(0);
          if (code < 0x80) return [code];
          const bytes = table.get(c);
          if (!bytes) throw new Error(`no Shift-JIS code for ${c}`);
          return bytes;
        }),
      );
    expect([...shiftJis('表ソ')]).toEqual([0x95, 0x5c, 0x83, 0x5c]);
    const title = '外国人材の受け入れ表示とソフト';
    const record = {
      slug: 'sjis-1',
      title,
      releasedOn: '2026-05-12',
      media: '共同通信',
      summary: '日本語の要約です。',
      tags: ['statistics'],
    };
    const json = `[${JSON.stringify(record)}]`;
    const file = join(dir, 'sjis.json');
    writeFileSync(file, shiftJis(json));

    const refused = runCli(['import', file, '--dry-run'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('sjis.json:1: (file): is not valid UTF-8');
    expect(refused.stderr).toContain('--encoding shift_jis');
    expect(refused.stderr).toContain(`(column ${json.indexOf(title) + 1})`);

    const imported = runCli(['import', file, '--encoding', 'shift_jis'], env);
    expect(imported.stdout).toContain('1 were created');
    const article = await withStore((s) => s.getArticleBySlug('sjis-1'));
    expect(article?.title).toBe(title);
    expect(article?.media.name).toBe('共同通信');
    expect(article?.summary).toBe('日本語の要約です。');
  });

  it('refuses an encoding TextDecoder does not know', () => {
    const result = runCli(['import', join(dir, 'sjis.json'), '--encoding', 'klingon'], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--encoding: unknown encoding "klingon"');
  });

  it('accepts and drops a UTF-8 byte order mark', async () => {
    const file = join(dir, 'bom.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          'slug,title,releasedOn,media,summary,tags\nbom-1,Über Ünïcödé,2026-05-13,Kyodo,Text.,statistics\n',
        ),
      ]),
    );
    expect(runCli(['import', file], env).stdout).toContain('1 were created');
    expect((await withStore((s) => s.getArticleBySlug('bom-1')))?.title).toBe('Über Ünïcödé');
  });

  it('refuses NUL and other control characters, naming the field', async () => {
    const file = join(dir, 'nul.json');
    writeFileSync(
      file,
      `[\n  ${JSON.stringify(row(51, { title: 'Before\u0000after' }))},\n  ${JSON.stringify(row(52, { summary: 'Tabs\tand\nlines are fine.', media: 'Kyodo\u0085' }))}\n]\n`,
    );
    const result = runCli(['import', file], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'nul.json:2: title: holds the control character U+0000 (NUL) at character 7',
    );
    expect(result.stderr).toContain('record 1, slug "imported-51"');
    expect(result.stderr).toContain('nul.json:3: media: holds the control character U+0085');
    expect(result.stderr).not.toContain('summary');
    expect(result.stderr).toContain('2 problem(s); nothing was imported.');
    const csv = join(dir, 'nul.csv');
    writeFileSync(
      csv,
      'slug,title,releasedOn,media,summary,tags\nnul-1,"Line\nbreak",2026-05-14,Kyodo,Text.,statistics\nnul-2,Bell\u0007,2026-05-14,Kyodo,Text.,statistics\n',
    );
    const fromCsv = runCli(['import', csv], env);
    expect(fromCsv.stderr).toContain(
      'nul.csv:2: title: holds a line feed (U+000A) at character 5; only multi-line text such as the summary may (record 1, slug "nul-1")',
    );
    expect(fromCsv.stderr).toContain(
      'nul.csv:4: title: holds the control character U+0007 at character 5 (record 2, slug "nul-2")',
    );
    expect(await withStore((s) => s.getArticleBySlug('imported-52'))).toBeNull();
  });

  it('refuses an object where a string belongs, naming the record and the field', async () => {
    const line = `  ${JSON.stringify(row(62, { media: { name: 'Kyodo' } }))}`;
    const file = join(dir, 'object.json');
    writeFileSync(file, `[\n  ${JSON.stringify(row(61))},\n${line}\n]\n`);
    const result = runCli(['import', file], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `object.json:3: media: must be a string, not an object (column ${line.indexOf('{"name"') + 1}, record 2, slug "imported-62")`,
    );
    expect(await withStore((s) => s.getArticleBySlug('imported-61'))).toBeNull();
    const media = await withStore((s) => s.listMedia());
    expect(media.map((m) => m.item.name)).not.toContain('[object Object]');
  });

  it('refuses booleans other than true and false, and wrong types and unknown fields', () => {
    const file = join(dir, 'flags.json');
    writeFileSync(
      file,
      `[\n  ${JSON.stringify(row(71, { headlineVerified: 'no', dateApproximate: 1 }))},\n  ${JSON.stringify(row(72, { tags: 'statistics', sourceUrl: 5, headline: 'x' }))}\n]\n`,
    );
    const result = runCli(['import', file, '--dry-run'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'flags.json:2: headlineVerified: must be true or false, not the text "no"',
    );
    expect(result.stderr).toContain(
      'flags.json:2: dateApproximate: must be true or false, not the number 1',
    );
    expect(result.stderr).toContain(
      'flags.json:3: tags: must be an array of tag slugs, not the text "statistics"',
    );
    expect(result.stderr).toContain(
      'flags.json:3: sourceUrl: must be a string or null, not the number 5',
    );
    expect(result.stderr).toContain('flags.json:3: headline: is not a known field');
    expect(result.stderr).toContain('5 problem(s); nothing was imported.');

    const csv = join(dir, 'flags.csv');
    writeFileSync(
      csv,
      'slug,title,releasedOn,media,summary,tags,headlineVerified,dateApproximate\n' +
        'flag-1,One,2026-05-15,Kyodo,Text.,statistics,no,FALSE\n' +
        'flag-2,Two,2026-05-15,Kyodo,Text.,statistics,True,1\n',
    );
    const fromCsv = runCli(['import', csv, '--dry-run'], env);
    expect(fromCsv.status).toBe(1);
    expect(fromCsv.stderr).toContain(
      'flags.csv:2: headlineVerified: must be true or false (in any case), not "no" (record 1, slug "flag-1")',
    );
    expect(fromCsv.stderr).toContain(
      'flags.csv:3: dateApproximate: must be true or false (in any case), not "1" (record 2, slug "flag-2")',
    );
    expect(fromCsv.stderr).toContain('2 problem(s); nothing was imported.');
  });

  it('imports CSV booleans in any case', async () => {
    const csv = join(dir, 'flags-ok.csv');
    writeFileSync(
      csv,
      'slug,title,releasedOn,media,summary,tags,headlineVerified,dateApproximate\n' +
        'flag-3,Three,2026-05-15,Kyodo,Text.,statistics,FALSE,True\n',
    );
    expect(runCli(['import', csv], env).stdout).toContain('1 were created');
    const article = await withStore((s) => s.getArticleBySlug('flag-3'));
    expect(article?.headlineVerified).toBe(false);
    expect(article?.dateApproximate).toBe(true);
  });

  it('names line 1, the column and the record in a minified JSON file', () => {
    const text = JSON.stringify([row(81), row(82), row(83, { title: 42 })]);
    const file = join(dir, 'minified.json');
    writeFileSync(file, text);
    const column = text.indexOf('"title":42') + '"title":'.length + 1;
    const result = runCli(['import', file, '--dry-run'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `minified.json:1: title: must be a string, not the number 42 (column ${column}, record 3, slug "imported-83")`,
    );

    const broken = `[${JSON.stringify(row(84))},${JSON.stringify(row(85))},{"slug":"imported-86","title":"x",}]`;
    const brokenFile = join(dir, 'minified-syntax.json');
    writeFileSync(brokenFile, broken);
    const syntax = runCli(['import', brokenFile, '--dry-run'], env);
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toContain(
      `minified-syntax.json:1: (file): is not valid JSON: a property name in double quotes was expected (no trailing commas) (column ${broken.lastIndexOf('}') + 1}, record 3)`,
    );
    expect(syntax.stderr).toContain('1 problem(s); nothing was imported.');
  });

  it('dry-runs exactly the refusals of a real run', async () => {
    const file = join(dir, 'mixed.json');
    writeFileSync(
      file,
      `[\n  ${[
        row(91, { title: 'Fine' }),
        row(92, { releasedOn: '2026-02-30', tags: ['nope'] }),
        row(93, { media: ['Kyodo'], extra: true }),
        row(94, { title: 'Tab\there' }),
        row(91, { title: 'Again' }),
      ]
        .map((r) => JSON.stringify(r))
        .join(',\n  ')}\n]\n`,
    );
    const dry = runCli(['import', file, '--dry-run'], env);
    const real = runCli(['import', file], env);
    expect(dry.status).toBe(1);
    expect(real.status).toBe(1);
    expect(dry.stderr).toBe(real.stderr);
    const lines = real.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)).toBe('6 problem(s); nothing was imported.');
    expect(real.stderr).toContain(
      'mixed.json:6: slug: "imported-91" also appears in record 1 (line 2)',
    );
    expect(await withStore((s) => s.getArticleBySlug('imported-91'))).toBeNull();
  });

  it('reports progress on large files', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row(i, { slug: `bulk-${i}` }));
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(rows));
    const result = runCli(['import', file, '--dry-run'], env);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('checked 1000 of 2500 records');
    expect(result.stderr).toContain('checked 2000 of 2500 records');
    expect(result.stderr).toContain('checking 2500 articles in one transaction');
    expect(result.stdout).toContain('2500 articles checked: 2500 would be created');
  });

  /** Collects a child's output and resolves with its exit code. */
  function watch(child: ChildProcess) {
    const out = { stdout: '', stderr: '', done: false };
    child.stdout?.on('data', (d) => {
      out.stdout += String(d);
    });
    child.stderr?.on('data', (d) => {
      out.stderr += String(d);
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        out.done = true;
        resolve(code);
      }),
    );
    return { out, exited };
  }

  async function until(condition: () => boolean, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await sleep(50);
    }
  }

  it('waits while another connection holds the write lock, then imports', async () => {
    const file = join(dir, 'locked.json');
    writeFileSync(file, JSON.stringify([row(101)]));
    const holder = new SqliteStore({ path: db });
    holder.db.exec('BEGIN IMMEDIATE');
    const { out, exited } = watch(startCli(['import', file], env));
    try {
      await until(() => out.done || out.stderr.includes('locked by another writer'), 30_000);
      await sleep(1000);
    } finally {
      holder.db.exec('ROLLBACK');
      await holder.close();
    }
    expect(await exited).toBe(0);
    expect(out.stderr).toContain(`${db} is locked by another writer; waiting up to 30 s for it…`);
    expect(out.stderr).toContain('The database is free again; the import went ahead.');
    expect(out.stdout).toContain('1 were created');
    expect(await withStore((s) => s.getArticleBySlug('imported-101'))).not.toBeNull();
  });

  it('gives up after --lock-timeout with an error naming the lock, and writes nothing', async () => {
    const file = join(dir, 'locked-long.json');
    writeFileSync(file, JSON.stringify([row(102)]));
    const holder = new SqliteStore({ path: db });
    holder.db.exec('BEGIN IMMEDIATE');
    let code: number | null;
    const { out, exited } = watch(startCli(['import', file, '--lock-timeout', '1'], env));
    try {
      code = await exited;
    } finally {
      holder.db.exec('ROLLBACK');
      await holder.close();
    }
    expect(code).toBe(1);
    expect(out.stderr).toContain(
      `${db} is still locked by another writer after 1 s (SQLITE_BUSY: database is locked); nothing was imported.`,
    );
    expect(await withStore((s) => s.getArticleBySlug('imported-102'))).toBeNull();
  });
});
