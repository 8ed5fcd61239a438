// A series drawn as lines over time, rendered on the server as SVG (scales, lines and axes from
// visx): a wide and a narrow drawing, one shown by the page's width, so the text stays legible on
// a phone. Once the app runs, every point can be reached with Tab or the pointer and shows its
// value, period and source.

import { AxisBottom, AxisLeft, type TickRendererProps } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scaleUtc } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { useEffect, useId, useState } from 'react';
import { formatAxisValue, formatValue, utcDate } from './chart-format.ts';
import { type ChartPoint, segments, seriesClass } from './chart-lines.ts';

export interface LineChartPoint extends ChartPoint {
  period: string;
  approx: boolean;
  /** Where the figure comes from, in words ("The Japan Times; official figures"). */
  source: string;
}

export interface LineChartLine {
  key: string;
  label: string;
  points: LineChartPoint[];
}

export interface LineChartProps {
  title: string;
  /** What the chart shows, in a sentence: read by screen readers with the title. */
  description: string;
  unit: string;
  lines: LineChartLine[];
  /** Dates where the series breaks (a change of definition, say). */
  breaks?: string[];
}

interface Layout {
  name: 'wide' | 'narrow';
  width: number;
  height: number;
  xTicks: number;
  yTicks: number;
}

// Drawn at about the size they are shown, so 12-unit text is about 12 px on screen.
const LAYOUTS: Layout[] = [
  { name: 'wide', width: 720, height: 340, xTicks: 8, yTicks: 6 },
  { name: 'narrow', width: 340, height: 260, xTicks: 4, yTicks: 5 },
];
const MARGIN = { top: 12, right: 16, bottom: 32, left: 56 };

interface Placed {
  line: LineChartLine;
  index: number;
  point: LineChartPoint;
  x: number;
  y: number;
}

/** Text a screen reader or tooltip gives for one point. */
export function pointText(line: string, point: LineChartPoint, unit: string): string {
  return `${line}, ${point.period}: ${formatValue(point.value, point.approx)} ${unit}. Source: ${point.source}.`;
}

function Drawing({
  layout,
  props,
  interactive,
}: {
  layout: Layout;
  props: LineChartProps;
  interactive: boolean;
}) {
  const id = useId();
  const [active, setActive] = useState<Placed | null>(null);
  const { lines, unit } = props;
  const innerWidth = layout.width - MARGIN.left - MARGIN.right;
  const innerHeight = layout.height - MARGIN.top - MARGIN.bottom;
  const all = lines.flatMap((l) => l.points);
  const dates = all.map((p) => utcDate(p.date).getTime());
  const first = Math.min(...dates);
  const last = Math.max(...dates);
  // One point alone still gets a span to sit in.
  const x = scaleUtc({
    domain: first === last ? [first - 86_400_000 * 180, last + 86_400_000 * 180] : [first, last],
    range: [0, innerWidth],
  });
  // Counts start at zero, so the height of a line says how large the figure is.
  const y = scaleLinear({
    domain: [Math.min(0, ...all.map((p) => p.value)), Math.max(...all.map((p) => p.value))],
    range: [innerHeight, 0],
    nice: true,
  });
  const placed: Placed[] = lines.flatMap((line, index) =>
    line.points.map((point) => ({
      line,
      index,
      point,
      x: x(utcDate(point.date)) ?? 0,
      y: y(point.value) ?? 0,
    })),
  );
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <div className={`chart-frame chart-${layout.name}`}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="chart"
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <Group left={MARGIN.left} top={MARGIN.top}>
          <AxisLeft
            scale={y}
            numTicks={layout.yTicks}
            tickFormat={(v) => formatAxisValue(Number(v))}
            axisClassName="chart-axis"
            tickLabelProps={{ className: 'chart-tick-label', fontSize: 12 }}
            tickComponent={TickLabel}
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={layout.xTicks}
            axisClassName="chart-axis"
            tickLabelProps={{ className: 'chart-tick-label', fontSize: 12 }}
            tickComponent={TickLabel}
          />
          {(props.breaks ?? []).map((date) => (
            <line
              key={date}
              className="chart-break"
              x1={x(utcDate(date))}
              x2={x(utcDate(date))}
              y1={0}
              y2={innerHeight}
            />
          ))}
          {lines.map((line, index) => (
            <g key={line.key} className={`chart-series ${seriesClass(index)}`}>
              {segments(line.points).map((run) => (
                <LinePath
                  key={run[0]?.date}
                  data={run}
                  x={(p) => x(utcDate(p.date)) ?? 0}
                  y={(p) => y(p.value) ?? 0}
                  className="chart-line"
                />
              ))}
              {placed
                .filter((p) => p.index === index)
                .map((p) => (
                  <circle
                    key={p.point.date}
                    cx={p.x}
                    cy={p.y}
                    r={3}
                    className={p.point.approx ? 'chart-dot chart-dot-approx' : 'chart-dot'}
                  />
                ))}
            </g>
          ))}
        </Group>
      </svg>
      {interactive ? (
        // biome-ignore lint/a11y/useSemanticElements: an SVG layer cannot be a fieldset; it groups the figures for assistive technology
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="chart-overlay"
          role="group"
          aria-label={`${props.title}: each figure`}
        >
          <Group left={MARGIN.left} top={MARGIN.top}>
            {placed.map((p) => (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a figure is a picture (role img) that keyboard readers can stop at, with its value as its name
              <circle
                key={`${p.line.key}-${p.point.date}`}
                cx={p.x}
                cy={p.y}
                r={7}
                tabIndex={0}
                role="img"
                aria-label={pointText(p.line.label, p.point, unit)}
                className="chart-target"
                onFocus={() => setActive(p)}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(p)}
                onMouseLeave={() => setActive(null)}
              />
            ))}
          </Group>
        </svg>
      ) : null}
      {active ? (
        <div
          className="chart-tooltip"
          aria-hidden="true"
          style={{
            left: `${((MARGIN.left + active.x) / layout.width) * 100}%`,
            top: `${((MARGIN.top + active.y) / layout.height) * 100}%`,
          }}
          data-align={active.x > innerWidth / 2 ? 'end' : 'start'}
        >
          <strong>
            {formatValue(active.point.value, active.point.approx)} {unit}
          </strong>
          <span>
            {active.line.label}, {active.point.period} ({active.point.date})
          </span>
          <span>Source: {active.point.source}</span>
        </div>
      ) : null}
    </div>
  );
}

export function LineChart(props: LineChartProps) {
  // Points become focusable only once the app runs: without it they could show nothing.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  return (
    <div className="line-chart">
      {LAYOUTS.map((layout) => (
        <Drawing key={layout.name} layout={layout} props={props} interactive={interactive} />
      ))}
      {props.lines.length > 1 ? (
        <ul className="chart-legend">
          {props.lines.map((line, index) => (
            <li key={line.key} className={seriesClass(index)}>
              <span className="chart-swatch" aria-hidden="true" />
              {line.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A tick's label as a plain SVG <text>. visx's own Text wraps each label in an <svg> with an
 * inline style (`overflow: visible`), which the site's Content-Security-Policy (no inline
 * styles) refuses, with an error in the console for each label.
 */
function TickLabel({
  x,
  y,
  dx,
  dy,
  textAnchor,
  verticalAnchor,
  className,
  fontSize,
  formattedValue,
}: TickRendererProps) {
  // What visx's Text does with its vertical anchor, as a shift of the baseline.
  const shift =
    verticalAnchor === 'middle' ? '0.32em' : verticalAnchor === 'start' ? '0.71em' : undefined;
  return (
    <text
      x={x}
      y={y}
      dx={dx}
      dy={shift ?? dy}
      textAnchor={textAnchor}
      className={className}
      fontSize={fontSize}
    >
      {formattedValue}
    </text>
  );
}
