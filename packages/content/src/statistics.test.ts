import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '@jin/store/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { ArchiveError, loadArchive, seedStore } from './archive.ts';
import { loadStatistics, STATISTICS_FOLDER } from './statistics.ts';

const archive = loadArchive();
const slugs = new Set(archive.articles.map((a) => a.slug));
const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const FIXTURE = 'example-residents.yaml';

describe('the statistics files', () => {
  it('every series in the archive passes, and loads into a store', async () => {
    const statistics = loadStatistics(undefined, slugs);
    const store = openSqliteStore();
    await seedStore(store, archive);
    expect(await store.replaceStatistics(statistics.series)).toEqual({
      series: statistics.series.length,
      changed: statistics.series.length > 0,
    });
    const stored = await store.listSeries();
    expect(stored.map((s) => s.slug).sort()).toEqual(statistics.series.map((s) => s.slug).sort());
    const points = (list: { lines: { points: unknown[] }[] }[]) =>
      list.reduce((n, s) => n + s.lines.reduce((m, l) => m + l.points.length, 0), 0);
    expect(points(stored)).toBe(points(statistics.series));
    await store.close();
  });
});

describe('loadStatistics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jin-statistics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const original = readFileSync(join(FIXTURES, STATISTICS_FOLDER, FIXTURE), 'utf8');

  /** The fixture with one edit, loaded from a folder of its own: the problems found. */
  function problemsWith(edit: (text: string) => string, name = FIXTURE): string[] {
    const case_ = mkdtempSync(join(dir, 'case-'));
    cpSync(join(FIXTURES, STATISTICS_FOLDER), join(case_, STATISTICS_FOLDER), { recursive: true });
    writeFileSync(join(case_, STATISTICS_FOLDER, name), edit(original));
    try {
      loadStatistics(case_, slugs);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ArchiveError);
      return (error as ArchiveError).problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    }
  }

  it('reads the fixture series with its lines, sources and notes', () => {
    const { series, files } = loadStatistics(FIXTURES, slugs);
    expect(series.map((s) => s.slug)).toEqual(['example-residents']);
    expect(files.get('example-residents')).toBe(`statistics/${FIXTURE}`);
    const [total, students] = series[0]?.lines ?? [];
    expect(total?.points.map((p) => p.date)).toEqual(['2023-12-31', '2024-12-31', '2025-06-30']);
    expect(total?.points[0]).toMatchObject({
      articles: [],
      official: expect.stringMatching(/^https:/),
    });
    expect(students?.points.every((p) => p.approx)).toBe(true);
    expect(series[0]?.notes).toEqual([{ date: '2024-12-31', text: expect.any(String) }]);
  });

  const file = `statistics/${FIXTURE}`;
  it.each([
    [
      'an article not in the archive',
      (t: string) =>
        t.replace('articles: [foreign-residents', 'articles: [no-such-article, foreign-residents'),
      `${file}: lines.0.points.1.sources.articles.0: no article "no-such-article" in the archive`,
    ],
    [
      'a unit that is not a plural noun',
      (t: string) => t.replace('unit: persons', 'unit: Person'),
      `${file}: unit: "Person" is not a plural noun in lowercase ("persons", "applications")`,
    ],
    [
      'a date that does not exist',
      (t: string) =>
        t.replace('date: 2024-12-31\n        period', 'date: 2024-02-30\n        period'),
      `${file}: lines.0.points.1.date: "2024-02-30" is not a real date written YYYY-MM-DD`,
    ],
    [
      'dates out of order',
      (t: string) =>
        t.replace('date: 2024-12-31\n        period', 'date: 2026-12-31\n        period'),
      `${file}: lines.0.points.2.date: 2025-06-30 comes after 2026-12-31: points go oldest first`,
    ],
    [
      'a date twice in a line',
      (t: string) =>
        t.replace('date: 2024-12-31\n        period', 'date: 2023-12-31\n        period'),
      `${file}: lines.0.points.1.date: 2023-12-31 appears twice in this line`,
    ],
    [
      'a point with no source',
      (t: string) =>
        t.replace(
          'sources:\n          official: https://www.moj.go.jp/isa/publications/press/13_00040.html\n      - date: 2025',
          'sources:\n          articles: []\n      - date: 2025',
        ),
      `${file}: lines.1.points.0.sources: needs at least one article or an official URL`,
    ],
    [
      'an official address that is not https',
      (t: string) =>
        t.replace(
          'official: https://www.moj.go.jp/isa/publications/press/13_00052',
          'official: http://www.moj.go.jp/isa/publications/press/13_00052',
        ),
      `${file}: lines.0.points.2.sources.official: must be an https URL`,
    ],
    [
      'two lines with one key',
      (t: string) => t.replace('key: students', 'key: total'),
      `${file}: lines.1.key: "total" is used by another line`,
    ],
    [
      'a slug that is not the file name',
      (t: string) => t.replace('slug: example-residents', 'slug: other-residents'),
      `${file}: slug: must match the file name (${FIXTURE})`,
    ],
    [
      'a value that is not a number',
      (t: string) => t.replace('value: 3410992', 'value: "3,410,992"'),
      `${file}: lines.0.points.0.value: must be a number`,
    ],
    [
      'a field the format does not have',
      (t: string) => t.replace('unit: persons', 'unit: persons\nunits: [persons, percent]'),
      `${file}: (file): Unrecognized key: "units"`,
    ],
  ])('refuses %s, naming the file and field', (_what, edit, message) => {
    expect(problemsWith(edit)).toContain(message);
  });

  it('refuses two files with one slug', () => {
    const problems = problemsWith((t) => t, 'another.yaml');
    expect(problems).toContain(
      'statistics/another.yaml: slug: must match the file name (another.yaml)',
    );
    expect(problems).toContain(
      'statistics/example-residents.yaml: slug: also used by statistics/another.yaml',
    );
  });
});
