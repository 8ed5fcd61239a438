// What the API's numbers say.

import { ms, rps, x } from '../shared/markdown.ts';
import type { ApiProfile, ApiResult, ApiRun } from './run.ts';
import { apiErrors, FEED_P99_MS } from './targets.ts';

export function apiFindings(r: ApiResult, profile: ApiProfile | null): string[] {
  const run = (id: string) => r.runs.find((each) => each.id === id);
  const ceiling = run('ceiling');
  const post = run('post-feed');
  const out: string[] = [];
  if (post && ceiling) {
    const peers = r.runs.filter((each) => each.server === 'yoga' || each.server === 'mercurius');
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
      const needed = post.connections / (FEED_P99_MS / 1000);
      out.push(
        `An empty query (\`{ __typename }\`) through the same server answers ${rps(floor.reqPerSec)} at p99 ${ms(floor.latencyP99)}: Fastify and Apollo Server's request pipeline alone cost about ${ms(1000 / floor.reqPerSec)} of a core per request, the feed ${ms(1000 / post.reqPerSec)}. A p99 under ${FEED_P99_MS} ms with ${post.connections} connections waiting needs at least ${rps(needed)} (Little's law)${floor.latencyP99 >= FEED_P99_MS ? `; even the empty pipeline's p99 is ${ms(floor.latencyP99)} here, so the wall is Fastify plus Apollo Server itself, before any resolver runs` : floor.reqPerSec >= needed ? ', which the empty pipeline reaches, so the resolvers and store are what to cut' : ', which even the empty pipeline does not reach on this machine: the wall is Apollo Server itself'}.`,
      );
    }
    if (post.latencyP99 >= FEED_P99_MS) {
      const fastest = [...peers].sort((a, b) => b.reqPerSec - a.reqPerSec)[0];
      const ratio = post.latencyP99 / Math.max(post.latencyP50, 0.001);
      // Little's law, with p99 at its measured multiple of the median.
      const budget = FEED_P99_MS / (post.connections * ratio);
      out.push(
        `With ${post.connections} connections queued on one event loop, p99 is about ${x(ratio)} the median: latency here is queueing, so it falls only when the per-request CPU cost falls: under ${FEED_P99_MS} ms needs about ${ms(budget)} of a core per feed.${fastest ? ` The fastest peer on the same schema and store, ${fastest.server === 'yoga' ? 'Yoga' : 'Mercurius + JIT'}, spends ${ms(1000 / fastest.reqPerSec)} and has p99 ${ms(fastest.latencyP99)}.` : ''}`,
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
  const ours = r.runs.filter((each) => each.server === 'api' && each.method === 'POST');
  const slowest = [...ours].sort((a, b) => a.reqPerSec - b.reqPerSec)[0] as ApiRun | undefined;
  if (slowest)
    out.push(
      `The slowest uncached query is ${slowest.label} at ${rps(slowest.reqPerSec)}, p99 ${ms(slowest.latencyP99)}.`,
    );
  const noisy = r.runs.filter((each) => (each.cpu?.others ?? 0) > 0.25);
  if (noisy.length > 0) {
    out.push(
      `Other processes kept ${noisy.map((each) => `${each.cpu?.others.toFixed(2)} cores busy during ${each.label}`).join('; ')}: those runs are understated and worth repeating on a quiet machine.`,
    );
  }
  const errors = apiErrors(r);
  out.push(
    errors === 0
      ? 'No run had a connection error, timeout or unexpected status.'
      : `${errors} requests failed or answered an unexpected status.`,
  );
  if (profile) {
    const top = profile.packages
      .slice(0, 4)
      .map((p) => `${p.name} ${(p.share * 100).toFixed(0)}%`)
      .join(', ');
    out.push(`Profiling ${profile.run} puts its busy time in: ${top}.`);
  }
  return out;
}
