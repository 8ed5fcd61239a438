import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, CONTENT_DIR, loadArchive } from './archive.ts';
import { sameSite } from './attribution.ts';

describe('attribution', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jin-attribution-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The problems of a one-article archive; `media` replaces the real outlet list. */
  function problemsOf(file: string, front: string, media?: string): ArchiveError['problems'] {
    const root = join(dir, file.replace(/\W/g, ''));
    mkdirSync(join(root, 'articles'), { recursive: true });
    cpSync(join(CONTENT_DIR, 'tags.yaml'), join(root, 'tags.yaml'));
    if (media === undefined) cpSync(join(CONTENT_DIR, 'media.yaml'), join(root, 'media.yaml'));
    else writeFileSync(join(root, 'media.yaml'), media);
    writeFileSync(
      join(root, 'articles', file),
      `---\ntitle: T\nreleasedOn: 2024-02-01\n${front}\ntags: [statistics]\n---\n${'word '.repeat(150)}`,
    );
    try {
      loadArchive(root);
    } catch (error) {
      if (error instanceof ArchiveError) return error.problems;
      throw error;
    }
    return [];
  }

  it('treats www., amp., m. and other subdomains of one domain as one site', () => {
    const same: [string, string][] = [
      ['www.japantimes.co.jp', 'japantimes.co.jp'],
      ['amp.rnz.co.nz', 'www.rnz.co.nz'],
      ['www3.nhk.or.jp', 'nhk.or.jp'],
      ['english.kyodonews.net', 'kyodonews.net'],
      ['m.mainichi.jp', 'mainichi.jp'],
      ['static.nippon.com', 'www.nippon.com'],
      ['WWW.Asahi.com', 'asahi.com'],
    ];
    const different: [string, string][] = [
      ['japantoday.com', 'japantimes.co.jp'],
      ['www.nippon.com', 'www.jiji.com'],
      ['notasahi.com', 'asahi.com'],
      ['asahi.com.example.org', 'asahi.com'],
      ['mainichi.jp', 'english.kyodonews.net'],
      ['', 'asahi.com'],
    ];
    for (const [a, b] of same) {
      expect(sameSite(a, b), `${a} ${b}`).toBe(true);
      expect(sameSite(b, a), `${b} ${a}`).toBe(true);
    }
    for (const [a, b] of different) {
      expect(sameSite(a, b), `${a} ${b}`).toBe(false);
      expect(sameSite(b, a), `${b} ${a}`).toBe(false);
    }
  });

  it('requires a sourceUrl in strict mode', () => {
    expect(problemsOf('no-url.md', 'media: Kyodo News')).toEqual([
      { file: 'articles/no-url.md', line: 1, field: 'sourceUrl', message: 'is required' },
    ]);
  });

  it('accepts a sourceUrl on the site of the outlet', () => {
    expect(
      problemsOf('own.md', 'media: Kyodo News\nsourceUrl: https://english.kyodonews.net/a'),
    ).toEqual([]);
  });

  it('rejects a sourceUrl on another site, naming the line', () => {
    expect(
      problemsOf('elsewhere.md', 'media: Kyodo News\nsourceUrl: https://japantoday.com/category/x'),
    ).toEqual([
      {
        file: 'articles/elsewhere.md',
        line: 5,
        field: 'sourceUrl',
        message:
          'host japantoday.com is not the site of english.kyodonews.net (Kyodo News); name the outlet it was read on in readVia',
      },
    ]);
  });

  it('accepts a sourceUrl on the site of the readVia outlet', () => {
    expect(
      problemsOf(
        'via.md',
        'media: Kyodo News\nreadVia: Japan Today\nsourceUrl: https://japantoday.com/category/x',
      ),
    ).toEqual([]);
  });

  it('rejects a readVia outlet whose site is not the sourceUrl host either', () => {
    const problems = problemsOf(
      'via-elsewhere.md',
      'media: Kyodo News\nreadVia: Japan Today\nsourceUrl: https://www.asahi.com/ajw/x',
    );
    expect(problems.map((p) => [p.field, p.line])).toEqual([['sourceUrl', 6]]);
    expect(problems[0]?.message).toMatch(/english\.kyodonews\.net .* or japantoday\.com/);
  });

  it('rejects an unknown readVia outlet', () => {
    expect(
      problemsOf(
        'via-unknown.md',
        'media: Kyodo News\nreadVia: Nowhere Gazette\nsourceUrl: https://nowhere.example/x',
      ),
    ).toEqual([
      {
        file: 'articles/via-unknown.md',
        line: 5,
        field: 'readVia',
        message: '"Nowhere Gazette" is not in media.yaml',
      },
    ]);
  });

  it('rejects a readVia naming the same outlet as media, even by an alias', () => {
    expect(
      problemsOf(
        'via-same.md',
        'media: Kyodo News\nreadVia: KYODO\nsourceUrl: https://english.kyodonews.net/a',
      ),
    ).toEqual([
      {
        file: 'articles/via-same.md',
        line: 5,
        field: 'readVia',
        message: 'names the same outlet as media ("Kyodo News"); leave it out',
      },
    ]);
  });

  it('asks for a homepage when an outlet has none', () => {
    const media =
      '- slug: gazette\n  name: Gazette\n- slug: daily\n  name: Daily\n  homepage: https://daily.example/\n';
    expect(
      problemsOf('no-home.md', 'media: Gazette\nsourceUrl: https://gazette.example/a', media),
    ).toEqual([
      {
        file: 'articles/no-home.md',
        line: 4,
        field: 'media',
        message: '"Gazette" needs a homepage in media.yaml so sourceUrl can be checked against it',
      },
    ]);
    expect(
      problemsOf(
        'no-home-via.md',
        'media: Gazette\nreadVia: Daily\nsourceUrl: https://daily.example/a',
        media,
      ),
    ).toEqual([]);
  });

  it('leaves attribution to editors in lenient imports', () => {
    const root = join(dir, 'lenient');
    mkdirSync(join(root, 'articles'), { recursive: true });
    cpSync(join(CONTENT_DIR, 'tags.yaml'), join(root, 'tags.yaml'));
    cpSync(join(CONTENT_DIR, 'media.yaml'), join(root, 'media.yaml'));
    writeFileSync(
      join(root, 'articles', 'lenient.md'),
      '---\ntitle: T\nreleasedOn: 2024-02-01\nmedia: Kyodo News\ntags: [statistics]\n---\nshort',
    );
    expect(loadArchive(root, undefined, { strict: false }).articles).toHaveLength(1);
  });
});
