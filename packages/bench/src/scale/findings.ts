// What scale's numbers say.

import { ms, x } from '../shared/markdown.ts';
import { formatValue } from '../shared/metrics.ts';
import { SCALE_READS, type ScaleRead, type ScaleResult } from './run.ts';
import { GROWTH } from './targets.ts';

export function scaleFindings(r: ScaleResult): string[] {
  const reads = Object.keys(SCALE_READS) as ScaleRead[];
  const flat = reads.filter((read) => r.growth.http[read] <= GROWTH);
  const steep = reads
    .filter((read) => r.growth.http[read] > GROWTH)
    .sort((a, b) => r.growth.http[b] - r.growth.http[a]);
  const small = r.points[0];
  const large = r.points[r.points.length - 1];
  if (!small || !large) return [];
  const out = [
    `From ${small.size.toLocaleString('en-US')} to ${large.size.toLocaleString('en-US')} articles, ${flat.length} of ${reads.length} reads stay flat over HTTP (${flat.map((f) => SCALE_READS[f]).join(', ') || 'none'})${steep.length ? `; ${steep.map((s) => `${SCALE_READS[s]} grows ${x(r.growth.http[s])} (${ms(small.http[s].median)} -> ${ms(large.http[s].median)})`).join(', ')}` : ''}.`,
    `At ${large.size.toLocaleString('en-US')} articles the site starts in ${formatValue(large.startSeconds, 's')}, holds ${formatValue(large.rssMb, 'MB')} resident after warm-up, and its database file is ${formatValue(large.fileMb, 'MB')}.`,
  ];
  const slowStop = r.points.find((p) => !p.shutdown.clean || p.shutdown.ms > 5000);
  if (slowStop) {
    out.push(
      `On SIGTERM the site took ${formatValue(slowStop.shutdown.ms / 1000, 's')} to exit${slowStop.shutdown.clean ? '' : ' and was killed'} while idle: shutdown waits on a timer rather than on work.`,
    );
  }
  return out;
}
