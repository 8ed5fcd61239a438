// A statistics series as CSV (`/numbers/<slug>.csv`): one row per point, with its sources as
// addresses, for readers who want the figures in a spreadsheet. Versioned like the feeds.

import { NUMBERS_PATH, seriesCsvPath } from '@jin/site';
import type { Store } from '@jin/store';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsync } from 'fastify';
import type { Guard } from './guard.ts';
import { sendVersioned } from './versioned-answer.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';

export const CSV_COLUMNS = [
  'line',
  'label',
  'date',
  'period',
  'value',
  'unit',
  'approx',
  'articles',
  'official',
] as const;

export interface StatisticsCsvOptions {
  store: Store;
  publicUrl: string;
  guard: Guard;
}

/** The series' points as CSV, or null when there is no such series. */
export async function renderSeriesCsv(
  store: Store,
  publicUrl: string,
  slug: string,
): Promise<string | null> {
  const [series] = await store.getSeriesBySlugs([slug]);
  if (!series) return null;
  const ids = [...new Set(series.lines.flatMap((l) => l.points.flatMap((p) => p.articleIds)))];
  const articles = await store.getArticlesByIds(ids);
  const slugOf = new Map(articles.flatMap((a) => (a ? [[a.id, a.slug] as const] : [])));
  const rows = series.lines.flatMap((line) =>
    line.points.map((point) => ({
      line: line.key,
      label: line.label,
      date: point.date,
      period: point.period,
      value: point.value,
      unit: series.unit,
      approx: point.approx,
      articles: point.articleIds
        .map((id) => `${publicUrl}/articles/${slugOf.get(id) ?? ''}`)
        .join(' '),
      official: point.official ?? '',
    })),
  );
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], cast: { boolean: String } });
}

export const statisticsCsvPlugin: FastifyPluginAsync<StatisticsCsvOptions> = async (
  app,
  { store, publicUrl, guard },
) => {
  // Beside the series' page (`/numbers/<slug>`), which the reader app answers.
  app.get<{ Params: { slug: string } }>(
    `${NUMBERS_PATH}/:slug.csv`,
    { preHandler: guard },
    (request, reply) => {
      const { slug } = request.params;
      return sendVersioned(store, request, reply, {
        key: `series-csv-${slug}`,
        type: CSV_TYPE,
        filename: seriesCsvPath(slug).split('/').at(-1) as string,
        render: () =>
          /^[a-z0-9-]{1,120}$/.test(slug)
            ? renderSeriesCsv(store, publicUrl, slug)
            : Promise.resolve(null),
        missing: `No series "${slug.slice(0, 120)}".`,
      });
    },
  );
};
