// Starts one of the servers in this folder, each in a child process of its own: it listens on a
// free loopback port and reports it over IPC (./ready.ts).

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Running, stopper } from '../../shared/processes.ts';

/** The bench's package: the children resolve `tsx` from here. */
const BENCH_DIR = fileURLToPath(new URL('../../..', import.meta.url));

export type ServerName = 'api' | 'ceiling' | 'yoga' | 'mercurius' | 'bare';

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

export function startServer(name: ServerName, options: StartOptions = {}): Promise<Running> {
  const profile = options.cpuProfileDir
    ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir]
    : [];
  const started = performance.now();
  const child = fork(fileURLToPath(new URL(`./${name}.ts`, import.meta.url)), [], {
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
