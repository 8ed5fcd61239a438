// What the API's numbers say.

import { ms, rps, x } from '../shared/markdown.ts';
import type { ApiProfile, ApiResult, ApiRun } from './run.ts';
import { apiErrors, FEED_VS_MERCURIUS, SEARCH_VS_FEED } from './targets.ts';

export function apiFindings(r: ApiResult, profile: ApiProfile | null): string[] {
  const run = (id: string) => r.runs.find((each) => each.id === id);
  const post = run('post-feed');
  const out: string[] = [];
  if (post) {
    const peers = r.runs.filter((each) => each.id === 'yoga' || each.id === 'mercurius');
    const peerText = peers
      .map(
        (p) =>
          `${p.server === 'yoga' ? 'Yoga' : 'Mercurius + JIT'} ${rps(p.reqPerSec)} at p99 ${ms(p.latencyP99)} (ours is ${x(post.reqPerSec / p.reqPerSec)} its rate)`,
      )
      .join(', ');
    out.push(
      `Uncached, our POST feed answers ${rps(post.reqPerSec)} at p50 ${ms(post.latencyP50)}, p99 ${ms(post.latencyP99)}. On the same schema and store: ${peerText}; the target is ${x(FEED_VS_MERCURIUS)} Mercurius + JIT's rate and a lower p99.`,
    );
    const bare = run('bare');
    const mercurius = run('mercurius');
    if (bare && mercurius) {
      const reach = bare.reqPerSec / mercurius.reqPerSec;
      out.push(
        `The reference — node:http, a query compiled once by graphql-jit, JSON.stringify, and nothing else — answers the same feed at ${rps(bare.reqPerSec)}, p99 ${ms(bare.latencyP99)}: ${x(reach)} Mercurius + JIT's rate, ours ${x(post.reqPerSec / bare.reqPerSec)} its rate. ${reach < FEED_VS_MERCURIUS ? `No server on this schema and store reaches the ${x(FEED_VS_MERCURIUS)} target by its own means: resolvers, store and serialisation, which every server shares, take the rest.` : `The target of ${x(FEED_VS_MERCURIUS)} is within what a server on this schema and store can reach.`}`,
      );
    }
    const floor = run('post-floor');
    if (floor) {
      out.push(
        `An empty query (\`{ __typename }\`) through the same server answers ${rps(floor.reqPerSec)}: Fastify and Apollo Server's request pipeline alone cost about ${ms(1000 / floor.reqPerSec)} of a core per request, the feed ${ms(1000 / post.reqPerSec)}.`,
      );
    }
    const search = run('post-search');
    if (search) {
      out.push(
        `Uncached search answers ${rps(search.reqPerSec)}, ${x(search.reqPerSec / post.reqPerSec)} the feed's rate (target ${x(SEARCH_VS_FEED)}).`,
      );
    }
  }
  const light = r.runs.filter((each) => /-c\d+$/.test(each.id) && each.server !== 'ceiling');
  if (light.length > 0) {
    out.push(
      `At ${light[0]?.connections} connections: ${light.map((each) => `${each.label.replace(/, \d+ connections$/, '')} ${rps(each.reqPerSec)}, p50 ${ms(each.latencyP50)}, p99 ${ms(each.latencyP99)}`).join('; ')}.`,
    );
  }
  const get = run('get-feed');
  const notModified = run('get-304');
  const ceiling = run('ceiling');
  const ceiling304 = run('ceiling-304');
  if (get && notModified && ceiling && ceiling304) {
    out.push(
      `The GET response cache turns the same feed into ${rps(get.reqPerSec)}, ${x(get.vsCeiling ?? 0)} its ceiling (node:http sending the identical 200, ${rps(ceiling.reqPerSec)}), and a 304 revalidation into ${rps(notModified.reqPerSec)}, ${x(notModified.vsCeiling ?? 0)} its ceiling (the identical 304, ${rps(ceiling304.reqPerSec)}); ${x(get.reqPerSec / (post?.reqPerSec ?? 1))} the uncached POST.`,
    );
  }
  const bound = r.runs.filter((each) => (each.cpu?.loadGenerator ?? 0) > 0.9);
  if (bound.length > 0) {
    out.push(
      `The load generator kept a whole core busy during ${bound.map((each) => each.label).join('; ')}: on two cores those rates are the generator's as much as the server's.`,
    );
  }
  const ours = r.runs.filter(
    (each) => each.server === 'api' && each.method === 'POST' && !/-c\d+$/.test(each.id),
  );
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
