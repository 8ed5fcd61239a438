// Reads a V8 .cpuprofile and sums self time per function and per package.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock that `process.hrtime` also reads. */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Share of samples where the thread was idle (waiting for I/O). */
  idleShare: number;
  functions: SelfTime[];
  packages: SelfTime[];
}

/** The main thread's profile: `--cpu-prof` also writes one per worker (tsx's loader thread). */
export function mainThreadProfile(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const main = files.find((f) => /\.0\.\d+\.cpuprofile$/.test(f)) ?? files[0];
  if (!main) throw new Error(`no .cpuprofile in ${dir}`);
  return join(dir, main);
}

/** Where a script lives: a package name for dependencies, a workspace path for our code. */
export function origin(url: string): string {
  if (!url) return '(native)';
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dep) return dep[1] as string;
  if (url.startsWith('node:')) return 'node (internals)';
  const ours = /\/(packages|apps)\/([^/]+)\//.exec(url);
  return ours ? `${ours[1]}/${ours[2]}` : url;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/.*\/(packages|apps)\//, '$1/');
}

/** Now on the monotonic clock, in microseconds: the same clock as a profile's timestamps. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Sums self time per function and package. With a window (monotonic microseconds, as from
 * `monotonicUs()` in any process on this machine), only samples inside it count, so start-up
 * and warm-up stay out.
 */
export function summarizeProfile(
  file: string,
  window?: { fromUs: number; toUs: number },
  top = 15,
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const ms = delta / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    total += ms;
    if (frame.functionName === '(idle)') {
      idle += ms;
      return;
    }
    const name = frame.functionName || '(anonymous)';
    // Lines in TypeScript sources are positions in tsx's transpiled output: leave them out.
    const line = frame.url.endsWith('.ts') ? '' : `:${frame.lineNumber + 1}`;
    const where = frame.url ? `${shortUrl(frame.url)}${line}` : '';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
    const pkg = frame.url ? origin(frame.url) : name.startsWith('(') ? name : '(native)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  });
  const busy = total - idle;
  const ranked = <T extends { ms: number }>(list: T[]) =>
    list
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((x) => ({ ...x, share: busy > 0 ? x.ms / busy : 0 }));
  return {
    file,
    totalMs: total,
    idleShare: total > 0 ? idle / total : 0,
    functions: ranked([...byFunction.values()]),
    packages: ranked([...byPackage].map(([name, ms]) => ({ name, where: '', ms }))),
  };
}
