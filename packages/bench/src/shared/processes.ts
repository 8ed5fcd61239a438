// Processes under test: the site started the way it is deployed, how a child is stopped, and
// what it holds in memory.

import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { spawnSite } from '@jin/site-process';

export interface Running {
  name: string;
  pid: number;
  url: string;
  /** Milliseconds from spawning the process to its first answer. */
  startMs: number;
  /** SIGTERM, then SIGKILL once `graceMs` (default 15 s) have passed. */
  stop(graceMs?: number): Promise<Stopped>;
}

export interface Stopped {
  /** Milliseconds from SIGTERM to exit. */
  ms: number;
  /** False when the process had to be killed after the grace period. */
  clean: boolean;
}

export function stopper(child: ChildProcess): (graceMs?: number) => Promise<Stopped> {
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
