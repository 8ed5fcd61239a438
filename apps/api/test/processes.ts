// Runs the API and the command line as real child processes, for tests that need them.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SpawnedSite, spawnSite } from '@jin/site-process';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../src/config.ts';

const API_DIR = fileURLToPath(new URL('..', import.meta.url));
const NODE_ARGS = ['--import', 'tsx'];

/**
 * A stand-in for the built reader app (an index page and one hashed asset), so that server tests
 * do not depend on `pnpm build` having run first. Returns its directory.
 */
export function webDistFixture(): string {
  const dist = mkdtempSync(join(tmpdir(), 'jin-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>reader app</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"reader app","start_url":"/"}');
  return dist;
}

/**
 * The configuration of a test server over a stand-in reader app (webDistFixture) without a server
 * build, so every page is the app shell (pages.test.ts covers rendered pages): production mode,
 * any port, no logs; `env` adds or overrides settings.
 */
export function shellOnlyConfig(dist: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    JIN_WEB_DIST: dist,
    JIN_WEB_SSR_ENTRY: `${dist}/no-server-build.js`,
    LOG_LEVEL: 'silent',
    ...env,
  });
}

/** Listens on a free loopback port and returns the server's base URL. */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  rssKb: () => number;
  exited: Promise<number | null>;
}

export async function startApi(
  env: Record<string, string>,
  // Seeding a fresh database takes most of the default, longer on a busy machine.
  { timeoutMs = 45_000 }: { timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const dist = env.JIN_WEB_DIST ? undefined : webDistFixture();
  let site: SpawnedSite;
  try {
    site = await spawnSite(
      {
        ...(dist
          ? { JIN_WEB_DIST: dist, JIN_WEB_SSR_ENTRY: join(dist, 'no-server-build.js') }
          : {}),
        ...env,
      },
      { timeoutMs },
    );
  } catch (error) {
    if (dist) rmSync(dist, { recursive: true, force: true });
    throw error;
  }
  const { child } = site;
  const exited = new Promise<number | null>((resolve) => {
    const done = () => {
      if (dist) rmSync(dist, { recursive: true, force: true });
      resolve(child.exitCode);
    };
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.on('exit', done);
  });
  return {
    url: site.url,
    child,
    exited,
    output: site.output,
    rssKb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    },
  };
}

export function startCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, 'src/cli.ts', ...args], {
    cwd: API_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runCli(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...NODE_ARGS, 'src/cli.ts', ...args], {
    cwd: API_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
