// Each cached answer's ceiling: node:http giving the identical response (status, headers, body
// bytes) to the identical request, so the share of it our server reaches measures our work alone.

import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { LoadResult, Shot } from '../shared/load.ts';
import { startServer } from './servers/start.ts';

export interface Recorded {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** One answer of our server to `shot`, with its headers exactly as sent (raw, in order). */
export function record(base: string, shot: Shot): Promise<Recorded> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      base + shot.path,
      { method: shot.method, headers: shot.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string | string[]> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = (res.rawHeaders[i] as string).toLowerCase();
            const value = res.rawHeaders[i + 1] as string;
            const had = headers[name];
            headers[name] = had === undefined ? value : [had, value].flat();
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(shot.body);
  });
}

/** Starts node:http answering `recorded` to every request, and loads it with `shot`. */
export async function loadCeiling(
  workDir: string,
  name: string,
  recorded: Recorded,
  runs: {
    shot: Shot;
    load: (server: { url: string; pid: number }, shot: Shot) => Promise<LoadResult>;
  }[],
): Promise<LoadResult[]> {
  const file = join(workDir, `ceiling-${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      status: recorded.status,
      headers: recorded.headers,
      bodyBase64: recorded.body.toString('base64'),
    }),
  );
  const server = await startServer('ceiling', { env: { BENCH_RESPONSE_FILE: file } });
  try {
    const results: LoadResult[] = [];
    for (const { shot, load } of runs) results.push(await load(server, shot));
    return results;
  } finally {
    await server.stop();
  }
}
