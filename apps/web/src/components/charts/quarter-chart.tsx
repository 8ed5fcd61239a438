// A tag's articles per quarter as small bars, drawn on the server as SVG with visx's band and
// linear scales (plain rects: the tag page need not load visx's shapes); quarters with no article
// are drawn as empty places (a count of zero is a fact).

import { scaleBand, scaleLinear } from '@visx/scale';
import { useId } from 'react';

const WIDTH = 320;
const HEIGHT = 64;

export interface QuarterCount {
  quarter: string;
  count: number;
}

/** Every quarter from the first to the last given, with 0 where none is given. */
export function allQuarters(counts: readonly QuarterCount[]): QuarterCount[] {
  const first = counts[0];
  const last = counts.at(-1);
  if (!first || !last) return [];
  const given = new Map(counts.map((c) => [c.quarter, c.count]));
  const out: QuarterCount[] = [];
  let [year, q] = first.quarter.split('-Q').map(Number) as [number, number];
  for (;;) {
    const quarter = `${year}-Q${q}`;
    out.push({ quarter, count: given.get(quarter) ?? 0 });
    if (quarter === last.quarter) return out;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year += 1;
  }
}

export function QuarterChart({ title, counts }: { title: string; counts: QuarterCount[] }) {
  const id = useId();
  const quarters = allQuarters(counts);
  if (quarters.length === 0) return null;
  const x = scaleBand({ domain: quarters.map((q) => q.quarter), range: [0, WIDTH], padding: 0.2 });
  const y = scaleLinear({
    domain: [0, Math.max(...quarters.map((q) => q.count))],
    range: [HEIGHT, 2],
  });
  const most = quarters.reduce((a, b) => (b.count > a.count ? b : a));
  const description = `From ${quarters[0]?.quarter} to ${quarters.at(-1)?.quarter}; the most in one quarter: ${most.count} (${most.quarter}).`;
  return (
    <figure className="quarter-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart chart-bars"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {quarters.map((q) => (
          <rect
            key={q.quarter}
            className="chart-bar"
            x={x(q.quarter)}
            y={y(q.count)}
            width={x.bandwidth()}
            height={HEIGHT - (y(q.count) ?? HEIGHT)}
          />
        ))}
        <line className="chart-baseline" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
      </svg>
      <figcaption>
        <span>{quarters[0]?.quarter}</span> <span>{title}</span>{' '}
        <span>{quarters.at(-1)?.quarter}</span>
      </figcaption>
      <details className="quarter-table">
        <summary>The counts as a table</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Articles</th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter}>
                <th scope="row">{q.quarter}</th>
                <td>{q.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
