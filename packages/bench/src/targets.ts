// Servers under test, each in a child process of its own: start, wait until it answers, stop.

import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnSite } from '@jin/api/spawn';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));

export type ServerName = 'api' | 'ceiling' | 'yoga' | 'mercurius';

export interface Running {
  name: string;
  pid: number;
  url: string;
  /** Milliseconds from spawning the process to its first answer. */
  startMs: number;
  /** SIGTERM, then SIGKILL once `graceMs` (default 15 s) have passed. */
  stop(graceMs?: number): Promise<Stopped>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the whole run into this folder (written on a clean exit). */
  cpuProfileDir?: string | undefined;
}

const SERVER_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'silent' };

/** Keeps the last few kilobytes a child printed, to explain a failed start. */
function tail(child: ChildProcess): () => string {
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => text;
}

export interface Stopped {
  /** Milliseconds from SIGTERM to exit. */
  ms: number;
  /** False when the process had to be killed after the grace period. */
  clean: boolean;
}

function stopper(child: ChildProcess): (graceMs?: number) => Promise<Stopped> {
  return (graceMs = 15_000) =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve({ ms: 0, clean: true });
      const start = performance.now();
      let clean = true;
      const kill = setTimeout(() => {
        clean = false;
        child.kill('SIGKILL');
      }, graceMs);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve({ ms: performance.now() - start, clean });
      });
      child.kill('SIGTERM');
    });
}

/** Starts one of `src/servers/*.ts`; it listens on a free loopback port and reports it over IPC. */
export function startServer(name: ServerName, options: StartOptions = {}): Promise<Running> {
  const profile = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir]
    : [];
  const started = performance.now();
  const child = fork(fileURLToPath(new URL(`./servers/${name}.ts`, import.meta.url)), [], {
    cwd: BENCH_DIR,
    execArgv: ['--import', 'tsx', ...profile],
    env: { ...process.env, ...SERVER_ENV, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output = tail(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} server did not start within 60 s:\n${output()}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} server exited with ${code} before it was ready:\n${output()}`));
    });
    child.on('message', (message: { port?: number }) => {
      if (typeof message?.port !== 'number') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        name,
        pid: child.pid as number,
        url: `http://127.0.0.1:${message.port}`,
        startMs: performance.now() - started,
        stop: stopper(child),
      });
    });
  });
}

/**
 * Starts the real site the way it is deployed: `node --import tsx apps/api/src/main.ts`, and
 * times it until /healthz answers 200.
 */
export async function startSite(env: Record<string, string>): Promise<Running> {
  const site = await spawnSite(env, { timeoutMs: 120_000 });
  return {
    name: 'site',
    pid: site.child.pid as number,
    url: site.url,
    startMs: site.startMs,
    stop: stopper(site.child),
  };
}

/** Resident and peak resident memory of a process, in MB, from /proc. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}
