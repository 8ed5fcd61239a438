// Scale's figures and the targets they must meet: reads that do not grow with the archive, and
// a site at the largest size that starts quickly and stays small.

import { type Metric, metric } from '../shared/metrics.ts';
import { SCALE_READS, type ScalePoint, type ScaleRead, type ScaleResult } from './run.ts';

/** Largest archive's median over the smallest's, for every read, in the store and over HTTP. */
export const GROWTH = 1.5;
/** Seconds from spawning the site to its first /healthz, at the largest size. */
export const START_S = 3;
/** Resident memory after warm-up at the largest size, in MB. */
export const RSS_MB = 250;

export function scaleFigures(r: ScaleResult): Metric[] {
  const small = r.points[0] as ScalePoint;
  const large = r.points[r.points.length - 1] as ScalePoint;
  const span = `${small.size.toLocaleString('en-US')} -> ${large.size.toLocaleString('en-US')}`;
  const metrics: Metric[] = [];
  for (const read of Object.keys(SCALE_READS) as ScaleRead[]) {
    for (const point of r.points) {
      metrics.push(
        metric(
          `scale.${point.size}.store.${read}`,
          `${SCALE_READS[read]}, store, ${point.size}`,
          point.store[read].median,
          'ms',
        ),
        metric(
          `scale.${point.size}.http.${read}`,
          `${SCALE_READS[read]}, HTTP, ${point.size}`,
          point.http[read].median,
          'ms',
        ),
      );
    }
    metrics.push(
      metric(
        `scale.growth.http.${read}`,
        `${SCALE_READS[read]}: HTTP growth ${span}`,
        r.growth.http[read],
        'x',
        { op: '<=', value: GROWTH },
      ),
      metric(
        `scale.growth.store.${read}`,
        `${SCALE_READS[read]}: store growth ${span}`,
        r.growth.store[read],
        'x',
        { op: '<=', value: GROWTH },
      ),
    );
  }
  for (const point of r.points) {
    const last = point === large;
    metrics.push(
      metric(
        `scale.${point.size}.start`,
        `server start to /healthz, ${point.size} articles`,
        point.startSeconds,
        's',
        last ? { op: '<', value: START_S } : undefined,
      ),
      metric(
        `scale.${point.size}.rss`,
        `resident memory after warm-up, ${point.size} articles`,
        point.rssMb,
        'MB',
        last ? { op: '<', value: RSS_MB } : undefined,
      ),
      metric(
        `scale.${point.size}.fileMb`,
        `database file, ${point.size} articles`,
        point.fileMb,
        'MB',
      ),
    );
  }
  return metrics;
}
