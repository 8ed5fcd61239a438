// A series in miniature for the overview: its lines without axes (the figures are written beside
// it), drawn on the server as SVG with visx's scales and lines.

import { scaleLinear, scaleUtc } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useId } from 'react';
import { utcDate } from './chart-format.ts';
import { type ChartPoint, segments, seriesClass } from './chart-lines.ts';

const WIDTH = 240;
const HEIGHT = 72;
const PAD = 4;

export interface SmallChartProps {
  title: string;
  description: string;
  lines: { key: string; points: ChartPoint[] }[];
}

export function SmallChart({ title, description, lines }: SmallChartProps) {
  const id = useId();
  const all = lines.flatMap((l) => l.points);
  const times = all.map((p) => utcDate(p.date).getTime());
  const x = scaleUtc({
    domain: [Math.min(...times), Math.max(...times) + (all.length < 2 ? 1 : 0)],
    range: [PAD, WIDTH - PAD],
  });
  const y = scaleLinear({
    domain: [Math.min(0, ...all.map((p) => p.value)), Math.max(...all.map((p) => p.value))],
    range: [HEIGHT - PAD, PAD],
    nice: true,
  });
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="chart chart-small"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <line className="chart-baseline" x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} />
      {lines.map((line, index) => (
        <g key={line.key} className={`chart-series ${seriesClass(index)}`}>
          {segments(line.points).map((run) =>
            run.length === 1 ? (
              <circle
                key={run[0]?.date}
                className="chart-dot"
                r={2.5}
                cx={x(utcDate(run[0]?.date ?? ''))}
                cy={y(run[0]?.value ?? 0)}
              />
            ) : (
              <LinePath
                key={run[0]?.date}
                data={run}
                x={(p) => x(utcDate(p.date)) ?? 0}
                y={(p) => y(p.value) ?? 0}
                className="chart-line"
              />
            ),
          )}
        </g>
      ))}
    </svg>
  );
}
