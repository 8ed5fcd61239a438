// "What the numbers say": short statements computed from the measured figures.

import type { ApiRun } from './api.ts';
import { formatValue } from './metrics.ts';
import { SEARCH_WORD } from './queries.ts';
import type { Report } from './report.ts';
import { SCALE_READS, type ScaleRead } from './scale.ts';
import { STORE_OPS, type StoreOp } from './store.ts';

const x = (v: number) => formatValue(v, 'x');
const ms = (v: number) => formatValue(v, 'ms');
const rps = (v: number) => formatValue(v, 'req/s');

function storeFindings(report: Report): string[] {
  const r = report.store;
  if (!r) return [];
  const out: string[] = [];
  const first = r.ops.firstPage.median;
  out.push(
    `The store reads a page of 20 articles with tags and media in ${ms(first)} (median) at ${r.size.toLocaleString('en-US')} articles; the 20th page by cursor costs ${x(r.ops.deepPage.median / first)} that, so keyset depth is ${r.ops.deepPage.median / first <= 1.5 ? 'free' : 'not free'}.`,
  );
  const slowest = (Object.keys(STORE_OPS) as StoreOp[]).sort(
    (a, b) => r.ops[b].median - r.ops[a].median,
  )[0] as StoreOp;
  out.push(
    `The slowest store read is ${STORE_OPS[slowest]} at ${ms(r.ops[slowest].median)} median (${x(r.ops[slowest].median / first)} a feed page).`,
    `Full-text search takes ${ms(r.ops.fullText.median)} median${r.ops.fullText.median >= 10 ? ', over its 10 ms target' : ''} although "${SEARCH_WORD}" matches ${((r.fullTextMatches / r.size) * 100).toFixed(0)}% of the synthetic archive (a small vocabulary): relevance is ranked within tiers of the newest 1,000 matches, so one tier is scored, not every match.`,
  );
  out.push(
    `Generating and loading the archive took ${formatValue(r.loadSeconds, 's')} (${(r.size / r.loadSeconds).toFixed(0)} articles/s)${r.size >= 100_000 && r.loadSeconds >= 30 ? ', over the 30 s target' : ''}.`,
  );
  return out;
}

function apiFindings(report: Report): string[] {
  const r = report.api;
  if (!r) return [];
  const run = (id: string) => r.runs.find((x) => x.id === id);
  const ceiling = run('ceiling');
  const post = run('post-feed');
  const out: string[] = [];
  if (post && ceiling) {
    const peers = r.runs.filter((x) => x.server === 'yoga' || x.server === 'mercurius');
    const peerText = peers
      .map(
        (p) =>
          `${p.server === 'yoga' ? 'Yoga' : 'Mercurius + JIT'} ${rps(p.reqPerSec)} (ours is ${x(post.reqPerSec / p.reqPerSec)})`,
      )
      .join(', ');
    out.push(
      `Uncached, our POST feed answers ${rps(post.reqPerSec)} at p99 ${ms(post.latencyP99)}: ${(post.vsCeiling ?? 0) * 100 < 1 ? '<1' : ((post.vsCeiling ?? 0) * 100).toFixed(1)}% of the plain node:http ceiling (${rps(ceiling.reqPerSec)}). On the same schema and store: ${peerText}.`,
    );
    const floor = run('post-floor');
    if (floor) {
      const needed = post.connections / 0.025;
      out.push(
        `An empty query (\`{ __typename }\`) through the same server answers ${rps(floor.reqPerSec)} at p99 ${ms(floor.latencyP99)}: Fastify and Apollo Server's request pipeline alone cost about ${ms(1000 / floor.reqPerSec)} of a core per request, the feed ${ms(1000 / post.reqPerSec)}. A p99 under 25 ms with ${post.connections} connections waiting needs at least ${rps(needed)} (Little's law)${floor.latencyP99 >= 25 ? `; even the empty pipeline's p99 is ${ms(floor.latencyP99)} here, so the wall is Fastify plus Apollo Server itself, before any resolver runs` : floor.reqPerSec >= needed ? ', which the empty pipeline reaches, so the resolvers and store are what to cut' : ', which even the empty pipeline does not reach on this machine: the wall is Apollo Server itself'}.`,
      );
    }
    if (post.latencyP99 >= 25) {
      const fastest = [...peers].sort((a, b) => b.reqPerSec - a.reqPerSec)[0];
      const ratio = post.latencyP99 / Math.max(post.latencyP50, 0.001);
      // Little's law, with p99 at its measured multiple of the median.
      const budget = 25 / (post.connections * ratio);
      out.push(
        `With ${post.connections} connections queued on one event loop, p99 is about ${x(ratio)} the median: latency here is queueing, so it falls only when the per-request CPU cost falls: under 25 ms needs about ${ms(budget)} of a core per feed.${fastest ? ` The fastest peer on the same schema and store, ${fastest.server === 'yoga' ? 'Yoga' : 'Mercurius + JIT'}, spends ${ms(1000 / fastest.reqPerSec)} and has p99 ${ms(fastest.latencyP99)}.` : ''}`,
      );
    }
  }
  const get = run('get-feed');
  const notModified = run('get-304');
  if (get && notModified && ceiling) {
    out.push(
      `The GET response cache turns the same feed into ${rps(get.reqPerSec)} (${x(get.vsCeiling ?? 0)} the ceiling) and a 304 revalidation into ${rps(notModified.reqPerSec)} (${x(notModified.vsCeiling ?? 0)}): ${x(get.reqPerSec / (post?.reqPerSec ?? 1))} the uncached POST.`,
    );
  }
  const ours = r.runs.filter((x) => x.server === 'api' && x.method === 'POST');
  const slowest = [...ours].sort((a, b) => a.reqPerSec - b.reqPerSec)[0] as ApiRun | undefined;
  if (slowest)
    out.push(
      `The slowest uncached query is ${slowest.label} at ${rps(slowest.reqPerSec)}, p99 ${ms(slowest.latencyP99)}.`,
    );
  const noisy = r.runs.filter((x) => (x.cpu?.others ?? 0) > 0.25);
  if (noisy.length > 0) {
    out.push(
      `Other processes kept ${noisy.map((x) => `${x.cpu?.others.toFixed(2)} cores busy during ${x.label}`).join('; ')}: those runs are understated and worth repeating on a quiet machine.`,
    );
  }
  const errors = r.runs.reduce((sum, x) => sum + x.errors + x.non2xx, 0);
  out.push(
    errors === 0
      ? 'No run had a connection error, timeout or unexpected status.'
      : `${errors} requests failed or answered an unexpected status.`,
  );
  if (report.profile) {
    const top = report.profile.packages
      .slice(0, 4)
      .map((p) => `${p.name} ${(p.share * 100).toFixed(0)}%`)
      .join(', ');
    out.push(`Profiling ${report.profile.run} puts its busy time in: ${top}.`);
  }
  return out;
}

function scaleFindings(report: Report): string[] {
  const r = report.scale;
  if (!r) return [];
  const reads = Object.keys(SCALE_READS) as ScaleRead[];
  const flat = reads.filter((read) => r.growth.http[read] <= 1.5);
  const steep = reads
    .filter((read) => r.growth.http[read] > 1.5)
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

function spaFindings(report: Report): string[] {
  const r = report.spa;
  if (!r) return [];
  if (r.status === 'not built')
    return [
      'The reader app was not built, so its sizes and Lighthouse scores are missing from this run.',
    ];
  const feed = r.bundles.find((b) => b.route === r.feedRoute);
  const out = feed
    ? [
        `The feed route loads ${formatValue(feed.jsKb, 'KB')} of JS and ${formatValue(feed.cssKb, 'KB')} of CSS gzipped (target <= 130 KB JS).`,
      ]
    : [];
  for (const p of r.lighthouse ?? []) {
    const misses = report.metrics.filter(
      (m) => m.id.startsWith(`spa.${p.page}.`) && m.pass === false,
    );
    out.push(
      `Lighthouse on ${p.page}: performance ${p.scores.performance.toFixed(2)}, LCP ${formatValue(p.lcpMs / 1000, 's')}, TBT ${ms(p.tbtMs)}, CLS ${p.cls.toFixed(3)}; ${misses.length === 0 ? 'every target met' : `misses ${misses.map((m) => m.label.split(': ')[1]).join(', ')}`}${p.failing.length ? ` (failing audits: ${p.failing.join(', ')})` : ''}.`,
    );
  }
  return out;
}

export function findings(report: Report): string[] {
  const out = [
    ...storeFindings(report),
    ...apiFindings(report),
    ...scaleFindings(report),
    ...spaFindings(report),
  ];
  const missed = report.metrics.filter((m) => m.pass === false).length;
  const judged = report.metrics.filter((m) => m.target).length;
  out.unshift(`${judged - missed} of ${judged} targets met.`);
  for (const f of report.failures)
    out.push(`The ${f.section} section did not finish: ${f.message.split('\n')[0]}`);
  return out;
}
