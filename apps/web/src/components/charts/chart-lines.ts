// A line's points split where the line skips a period: a gap is drawn as a gap, never bridged by
// an invented value.

export interface ChartPoint {
  date: string;
  value: number;
}

/**
 * Splits the points (oldest first) into runs with no missing period: a step more than 1.5 times
 * the line's usual step (its median) means a period without a figure.
 */
export function segments<P extends ChartPoint>(points: readonly P[]): P[][] {
  if (points.length < 3) return points.length > 0 ? [[...points]] : [];
  const days = (a: P, b: P) => (Date.parse(b.date) - Date.parse(a.date)) / 86_400_000;
  const steps = points.slice(1).map((p, i) => days(points[i] as P, p));
  const median = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)] as number;
  const runs: P[][] = [[points[0] as P]];
  points.slice(1).forEach((point, i) => {
    if ((steps[i] as number) > median * 1.5) runs.push([point]);
    else runs.at(-1)?.push(point);
  });
  return runs;
}

/** How many line colours charts.css defines (--chart-1 to --chart-8). */
const COLOURS = 8;

/** The class giving a chart's nth line its colour. */
export const seriesClass = (index: number): string => `chart-series-${index % COLOURS}`;
