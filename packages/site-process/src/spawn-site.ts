// Starts the site in a child process the way it is deployed (`node --import tsx src/main.ts` in
// apps/api, production mode, loopback only) and waits until /healthz answers. The API's tests and
// the benchmarks both start it this way, so it lives outside either of them.

import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SERVER_PATHS } from '@jin/site';

/** The site's package in this workspace: its `tsx` and its `src/main.ts` are resolved from here. */
const API_DIR = fileURLToPath(new URL('../../../apps/api/', import.meta.url));

/** A loopback port nothing listens on at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface SpawnedSite {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning the process to its first 200 from /healthz. */
  startMs: number;
  /** The last few kilobytes the process printed. */
  output: () => string;
}

export interface SpawnOptions {
  /** Give up (and kill the process) after this long; default 60 s. */
  timeoutMs?: number;
  /** Log level of the site; default `warn`. */
  logLevel?: string;
}

/**
 * The heap the site runs with, as `pnpm start` sets it (package.json): V8 otherwise lets
 * garbage from large answers pile up to gigabytes before it collects; what the site keeps is
 * bounded by its caches' byte budgets.
 */
export const HEAP_LIMIT = '--max-old-space-size=256';

export async function spawnSite(
  env: Record<string, string>,
  options: SpawnOptions = {},
): Promise<SpawnedSite> {
  const { timeoutMs = 60_000, logLevel = 'warn' } = options;
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [HEAP_LIMIT, '--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: logLevel,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = () => printed;
  const url = `http://127.0.0.1:${port}`;
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the site exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    const ok = await fetch(`${url}${SERVER_PATHS.health}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, child, startMs: performance.now() - started, output };
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`the site did not answer /healthz within ${timeoutMs / 1000} s:\n${output()}`);
}
