// Peers: other GraphQL servers on the identical Pothos schema and store, asked the same query.

import type { ApiRun } from './api.ts';
import { postGraphql } from './http.ts';
import type { LoadResult } from './load.ts';
import { FEED_QUERY } from './queries.ts';
import { startServer } from './targets.ts';

export const PEERS = [
  { server: 'yoga', label: 'GraphQL Yoga 5 on node:http, POST feed' },
  { server: 'mercurius', label: 'Mercurius 16 + graphql-jit on Fastify, POST feed' },
] as const;

/**
 * Starts each peer alone, checks that it answers the feed query with exactly our data, then
 * loads it. `ourFeedData` is the JSON of our server's `data` for the feed query.
 */
export async function benchPeers(
  ourFeedData: string,
  loadFeed: (server: { url: string; pid: number }) => Promise<LoadResult>,
): Promise<{ runs: ApiRun[]; agree: boolean }> {
  const runs: ApiRun[] = [];
  let agree = true;
  for (const peer of PEERS) {
    const server = await startServer(peer.server);
    try {
      const reply = await postGraphql(server.url, FEED_QUERY);
      if (reply.status !== 200 || reply.errors.length > 0) {
        throw new Error(`${peer.server} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
      }
      if (JSON.stringify(reply.data) !== ourFeedData) agree = false;
      const result = await loadFeed(server);
      runs.push({
        id: peer.server,
        label: peer.label,
        server: peer.server,
        method: 'POST',
        ...result,
      });
    } finally {
      await server.stop();
    }
  }
  return { runs, agree };
}
