// "Numbers": every official statistics series as a small chart with its latest figure and change,
// each linking to its own page.

import { useReadQuery } from '@apollo/client/react';
import { Link, useLoaderData } from 'react-router';
import { SmallChart } from '../../components/charts/small-chart.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { paths } from '../../lib/site.ts';
import { useDocumentMeta } from '../../lib/use-document-meta.ts';
import type { NumbersRef } from './numbers-query.ts';
import { SeriesHeadline } from './series-headline.tsx';

const DESCRIPTION =
  'Official statistics on immigration and foreign residents in Japan, each figure with its source.';

export function NumbersRoute() {
  const { data } = useReadQuery(useLoaderData() as NumbersRef);
  useDocumentMeta('Numbers', DESCRIPTION);
  return (
    <div className="page numbers">
      <div className="page-head">
        <h1>Numbers</h1>
        <p className="lede">
          Official statistics on immigration and foreign residents, as their publishers give them.
          Every figure links to its source: the articles that report it or the publisher’s own page.
        </p>
      </div>
      {data.statistics.length === 0 ? (
        <p>No series yet.</p>
      ) : (
        <ul className="series-grid">
          {data.statistics.map((series) => {
            const dates = series.lines.flatMap((l) => l.points.map((p) => p.date)).sort();
            return (
              <li key={series.id} className="series-card">
                <h2>
                  <Link to={paths.series(series.slug)}>{series.title}</Link>
                </h2>
                <SeriesHeadline series={series} />
                <SmallChart
                  title={series.title}
                  description={`${series.lines.map((l) => l.label).join(', ')}, in ${series.unit}, from ${formatDate(dates[0])} to ${formatDate(dates.at(-1))}.`}
                  lines={series.lines.map((l) => ({ key: l.key, points: l.points }))}
                />
                <p className="item-meta">{series.publisher}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
