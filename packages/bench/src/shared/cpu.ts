// CPU time on this machine during a measurement, split into the process under test, this
// process (the load generator) and everything else, which should be close to zero.

import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function machineBusyTicks(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, x) => sum + x, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return total - idle;
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export interface CpuShare {
  /** Average cores busy over the window. */
  target: number;
  loadGenerator: number;
  others: number;
}

/** Starts a window; the returned function ends it and gives average cores busy per party. */
export function watchCpu(targetPid: number): () => CpuShare {
  const t0 = performance.now();
  const machine0 = machineBusyTicks();
  const target0 = processTicks(targetPid);
  const self0 = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - t0) / 1000;
    const machine = (machineBusyTicks() - machine0) / TICKS_PER_SECOND / seconds;
    const target = (processTicks(targetPid) - target0) / TICKS_PER_SECOND / seconds;
    const self = process.cpuUsage(self0);
    const loadGenerator = (self.user + self.system) / 1e6 / seconds;
    return { target, loadGenerator, others: Math.max(0, machine - target - loadGenerator) };
  };
}
