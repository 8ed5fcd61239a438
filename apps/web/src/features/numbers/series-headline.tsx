// A series' latest figure and how it changed since the one before: "3,956,619 persons at the end
// of June 2025, +187,642 (+5%) since the end of 2024".

import { formatChange, formatValue } from '../../components/charts/chart-format.ts';
import { type FragmentType, getFragmentData, graphql } from '../../gql/index.ts';

export const SeriesHeadlineFragment = graphql(`
  fragment SeriesHeadline_series on Series {
    unit
    lines {
      label
    }
    latest {
      date
      period
      value
      approx
    }
    change {
      previous {
        period
      }
      difference
      percent
    }
  }
`);

export function SeriesHeadline({
  series: ref,
}: {
  series: FragmentType<typeof SeriesHeadlineFragment>;
}) {
  const series = getFragmentData(SeriesHeadlineFragment, ref);
  const { latest, change } = series;
  return (
    <p className="series-headline">
      <span className="series-latest">
        <strong>{formatValue(latest.value, latest.approx)}</strong> {series.unit}
      </span>{' '}
      <span className="series-when">
        {series.lines.length > 1 ? `${series.lines[0]?.label}, ` : ''}
        {latest.period}
      </span>
      {change ? (
        <span className="series-change">
          {formatChange(change.difference, change.percent)} since {change.previous.period}
        </span>
      ) : null}
    </p>
  );
}
