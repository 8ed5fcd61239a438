// One statistics series: its chart (lines over time, gaps left open, breaks marked), its latest
// figure, notes on breaks, the table of every figure with its sources (the chart's accessible
// alternative), a CSV download and the archive's articles that report it.

import { useReadQuery } from '@apollo/client/react';
import { seriesCsvPath } from '@jin/site';
import { Link, useLoaderData } from 'react-router';
import { ArticleLink } from '../../components/article-link.tsx';
import { formatValue } from '../../components/charts/chart-format.ts';
import { LineChart } from '../../components/charts/line-chart.tsx';
import { NotFound } from '../../components/not-found.tsx';
import type { SeriesQueryQuery } from '../../gql/graphql.ts';
import { formatDate } from '../../lib/format-date.ts';
import { paths } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import type { SeriesRef } from './numbers-query.ts';
import { SeriesHeadline } from './series-headline.tsx';

type Point = NonNullable<SeriesQueryQuery['series']>['lines'][number]['points'][number];

/** A figure's sources in words, for the chart's tooltip and its points' labels. */
function sourceWords(point: Point, publisher: string): string {
  const outlets = [...new Set(point.sources.articles.map((a) => a.media.name))];
  const parts = outlets.length > 0 ? [`reported by ${outlets.join(', ')}`] : [];
  if (point.sources.official && !outlets.includes(publisher)) parts.push(publisher);
  return parts.join('; ');
}

export function SeriesRoute() {
  const { data } = useReadQuery(useLoaderData() as SeriesRef);
  const series = data.series;
  useDocumentMeta(series?.title ?? 'Page not found', series?.description);
  if (!series) return <NotFound what="series" />;
  const dates = series.lines.flatMap((l) => l.points.map((p) => p.date)).sort();
  const span = `from ${formatDate(dates[0])} to ${formatDate(dates.at(-1))}`;
  return (
    <div className="page series-page">
      <div className="page-head">
        <p className="kicker">
          <Link to={paths.numbers}>Numbers</Link>
        </p>
        <h1>{series.title}</h1>
        <p className="lede">{series.description}</p>
        <SeriesHeadline series={series} />
        <ul className="head-links">
          <li>
            <a href={seriesCsvPath(series.slug)} download>
              Download the figures (CSV)
            </a>
          </li>
          <li>
            <a href="#series-table">The figures as a table, with sources</a>
          </li>
        </ul>
      </div>
      <figure className="series-figure">
        <LineChart
          title={`${series.title}, in ${series.unit}`}
          description={`${series.lines.map((l) => l.label).join(', ')}, ${span}, as published by ${series.publisher}. Every figure is in the table below.`}
          unit={series.unit}
          breaks={series.notes.map((n) => n.date)}
          lines={series.lines.map((line) => ({
            key: line.key,
            label: line.label,
            points: line.points.map((p) => ({
              date: p.date,
              period: p.period,
              value: p.value,
              approx: p.approx,
              source: sourceWords(p, series.publisher),
            })),
          }))}
        />
        <figcaption>
          In {series.unit}, {span}. Source: {series.publisher}. A missing period is left as a gap;
          rounded figures are drawn as open circles
          {series.notes.length > 0 ? '; dashed lines mark breaks in the series' : ''}.
        </figcaption>
      </figure>
      {series.notes.length > 0 ? (
        <section aria-labelledby="series-notes-heading" className="series-notes">
          <h2 id="series-notes-heading">Breaks in the series</h2>
          <ul>
            {series.notes.map((note) => (
              <li key={`${note.date}-${note.text}`}>
                <strong>{formatDate(note.date)}:</strong> {note.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="series-table-heading" className="series-table-section">
        <h2 id="series-table-heading">Every figure, with its source</h2>
        <div className="table-scroll">
          <table id="series-table" className="series-table">
            <caption className="visually-hidden">
              {series.title}: every figure in {series.unit}, with its sources
            </caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Period</th>
                <th scope="col">Date</th>
                <th scope="col" className="number">
                  Value
                </th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {series.lines.flatMap((line) =>
                line.points.map((point) => (
                  <tr key={`${line.key}-${point.date}`} data-line={line.key}>
                    <td>{line.label}</td>
                    <td>{point.period}</td>
                    <td>
                      <time dateTime={point.date}>{formatDate(point.date)}</time>
                    </td>
                    <td className="number">
                      <data value={point.value}>{formatValue(point.value, point.approx)}</data>
                    </td>
                    <td>
                      <ul className="source-list">
                        {point.sources.articles.map((article) => (
                          <li key={article.id}>
                            <Link to={paths.article(article.slug)}>{article.title}</Link> (
                            {article.media.name})
                          </li>
                        ))}
                        {point.sources.official ? (
                          <li>
                            <a href={point.sources.official} rel="noopener">
                              {series.publisher}
                            </a>
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </section>
      {series.articles.length > 0 ? (
        <section aria-labelledby="series-articles-heading" className="related">
          <h2 id="series-articles-heading">Articles that report these figures</h2>
          <ul className="related-list">
            {series.articles.map((article) => (
              <li key={article.id}>
                <ArticleLink article={article} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
