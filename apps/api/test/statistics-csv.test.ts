// A series as CSV: parsed back with a real CSV parser to the stored points, served as a download
// with an ETag that changes only with the dataset.

import { fileURLToPath } from 'node:url';
import { loadArchive, seedStore } from '@jin/content';
import { loadStatistics } from '@jin/content/statistics';
import { openSqliteStore, type SqliteStore } from '@jin/store/sqlite';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../src/plugins/statistics-csv.ts';
import { buildServer } from '../src/server.ts';
import { shellOnlyConfig, webDistFixture } from './processes.ts';

const archive = loadArchive();
const FIXTURES = fileURLToPath(new URL('../../../packages/content/fixtures', import.meta.url));
const statistics = loadStatistics(FIXTURES, new Set(archive.articles.map((a) => a.slug)));
const PUBLIC = 'https://news.example.org';
const dist = webDistFixture();

let store: SqliteStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = openSqliteStore();
  await seedStore(store, archive);
  await store.replaceStatistics(statistics.series);
  const config = shellOnlyConfig(dist, { JIN_PUBLIC_URL: PUBLIC });
  app = await buildServer(config, store, { logger: false });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('/numbers/<slug>.csv', () => {
  it('holds every point of the series with its sources, as a named download', async () => {
    const series = statistics.series[0];
    if (!series) throw new Error('the fixture has a series');
    const reply = await app.inject({ url: `/numbers/${series.slug}.csv` });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="${series.slug}.csv"`);
    const rows = parse(reply.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    const want = series.lines.flatMap((line) =>
      line.points.map((p) => ({
        line: line.key,
        label: line.label,
        date: p.date,
        period: p.period,
        value: String(p.value),
        unit: series.unit,
        approx: String(p.approx),
        articles: p.articles.map((slug) => `${PUBLIC}/articles/${slug}`).join(' '),
        official: p.official ?? '',
      })),
    );
    expect(rows).toEqual(want);
  });

  it('answers 304 to its ETag until the data changes, and 404 for an unknown series', async () => {
    const first = await app.inject({ url: '/numbers/example-residents.csv' });
    const etag = first.headers.etag as string;
    const again = await app.inject({
      url: '/numbers/example-residents.csv',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    const edited = structuredClone(statistics.series);
    (edited[0]?.lines[0]?.points[0] as { value: number }).value += 1;
    await store.replaceStatistics(edited);
    const changed = await app.inject({
      url: '/numbers/example-residents.csv',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ url: '/numbers/no-such-series.csv' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/numbers/Bad_Slug.csv' })).statusCode).toBe(404);
  });
});
