// Peers: other GraphQL servers on the identical Pothos schema and store, asked the same query,
// and a reference beside them: the least any server can do with that schema and store.

import { postGraphql } from '../shared/http.ts';
import type { LoadResult } from '../shared/load.ts';
import { FEED_QUERY } from '../shared/queries.ts';
import { startServer } from './servers/start.ts';

export const PEERS = [
  { server: 'yoga', label: 'GraphQL Yoga 5 on node:http, POST feed' },
  { server: 'mercurius', label: 'Mercurius 16 + graphql-jit on Fastify, POST feed' },
  { server: 'bare', label: 'node:http + graphql-jit and nothing else (reference), POST feed' },
] as const;

type PeerName = (typeof PEERS)[number]['server'];

/** A peer's run, in the shape of our own runs. */
export type PeerRun = LoadResult & {
  id: string;
  label: string;
  server: PeerName;
  method: 'POST';
};

/**
 * Starts each peer alone, checks that it answers the feed query with exactly our data, then
 * loads it. `ourFeedData` is the JSON of our server's `data` for the feed query.
 */
export async function benchPeers(
  ourFeedData: string,
  loadFeed: (server: { url: string; pid: number }) => Promise<LoadResult>,
  /** The same at few connections, for the peers our targets name. */
  loadFeedLightly: (server: { url: string; pid: number }) => Promise<LoadResult>,
  lightly: { peers: readonly PeerName[]; suffix: string; label: string },
): Promise<{ runs: PeerRun[]; agree: boolean }> {
  const runs: PeerRun[] = [];
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
      if (lightly.peers.includes(peer.server)) {
        runs.push({
          id: `${peer.server}${lightly.suffix}`,
          label: `${peer.label}${lightly.label}`,
          server: peer.server,
          method: 'POST',
          ...(await loadFeedLightly(server)),
        });
      }
    } finally {
      await server.stop();
    }
  }
  return { runs, agree };
}
